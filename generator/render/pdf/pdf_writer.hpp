#pragma once
// The PDF writer: pages of boxes become libharu calls. Fonts are embedded as subsets
// made here (only the glyphs the document uses, with a correct ToUnicode map), page
// content is written as PDF operators, and libharu supplies the objects, pages, outline,
// links, metadata, compression and the file. Same document in, same bytes out.
#include <stdexcept>
#include <string>

#include "render/pdf/boxes.hpp"
#include "render/pdf/fonts.hpp"

namespace rv::pdf {

struct WriteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The PDF file's bytes. Throws WriteError when libharu reports an error.
std::string write_pdf(const Document& doc, const FontSet& fonts);

}  // namespace rv::pdf
