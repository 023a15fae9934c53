#pragma once
// The fonts of one PDF and the page content that uses them: the glyphs the document's
// text needs, a subset per face, Type0/CIDFontType2 objects with widths and a ToUnicode
// map written through libharu's object API, and each page's content stream (text as
// codes, justified through word spacing or TJ offsets; rectangles; rules).
#include <array>
#include <string>
#include <vector>

#include <hpdf.h>

#include "render/pdf/boxes.hpp"
#include "render/pdf/font_subset.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/pdf_structure.hpp"

namespace rv::pdf {

class EmbeddedFonts {
  public:
    EmbeddedFonts(const Document& doc, const FontSet& fonts);

    // Writes the font objects; returns the /Font resource dictionary (an indirect object).
    HPDF_Dict write(HPDF_MMgr mmgr, HPDF_Xref xref) const;

    // The content stream of a page, its items in marked-content sequences.
    std::string content(const Page& page, Structure& tags) const;

  private:
    const FontSet& fonts_;
    std::array<bool, font_count> used_{};
    std::array<Subset, font_count> subsets_;
    std::array<std::vector<char32_t>, font_count> unicode_;  // by new glyph id
    // One byte per character (new glyph id = code, space = 32, so that Tw justifies): a
    // face with at most 255 glyphs in use. Else two (Identity-H), with TJ offsets.
    std::array<bool, font_count> one_byte_{};
};

}  // namespace rv::pdf
