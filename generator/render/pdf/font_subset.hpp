#pragma once
// A TrueType font program with only the glyphs a document uses, renumbered from 0
// (.notdef) in the order given: glyf, loca, hmtx, hhea, maxp and head, which is what a
// PDF's FontFile2 needs (PDF 1.7, 9.9), without hinting instructions (half the bytes of
// DejaVu's glyphs). Composite glyphs bring their components along.
#include <cstdint>
#include <string>
#include <vector>

#include "render/pdf/fonts.hpp"

namespace rv::pdf {

struct Subset {
    std::string program;                   // the TrueType file
    std::vector<std::uint16_t> old_glyph;  // by new glyph id
    std::vector<std::uint16_t> new_glyph;  // by old glyph id; 0 when not in the subset
};

// `glyphs`: old glyph ids in the order they get new ids after .notdef.
Subset subset_font(const FontFace& face, const std::vector<std::uint16_t>& glyphs);

// `slots`: the old glyph id of each new id (slots[0] is .notdef); a 0 after it is an empty
// glyph that only keeps the place (new id = a one-byte character code). Components follow.
Subset subset_font_in_slots(const FontFace& face, const std::vector<std::uint16_t>& slots);

}  // namespace rv::pdf
