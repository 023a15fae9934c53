#pragma once
// The pictures of one PDF: each image of the model once, as an image XObject made by
// libharu from the bytes in memory (PNG re-compressed, with a soft mask for transparency;
// JPEG as it is), and the page content that draws them inside their figures.
#include <map>
#include <string>
#include <vector>

#include <hpdf.h>

#include "render/pdf/boxes.hpp"
#include "render/pdf/pdf_structure.hpp"

namespace rv::pdf {

class EmbeddedImages {
  public:
    explicit EmbeddedImages(const Document& doc);

    bool empty() const { return order_.empty(); }

    // Loads the images; returns the /XObject resource dictionary (null when there are none).
    // `failed`: the file of an image libharu could not read ("" when all were read).
    HPDF_Dict write(HPDF_Doc pdf, std::string& failed);

    // Appends the operators that draw a page's images, each in its figure's sequence.
    void content(const Page& page, Structure& tags, std::string& out) const;

  private:
    std::vector<const model::Image*> order_;            // first use first
    std::map<const model::Image*, std::string> names_;  // "Im1", …
};

}  // namespace rv::pdf
