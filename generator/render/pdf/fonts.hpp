#pragma once
// The four faces of the print font family (DejaVu Sans regular, bold, oblique, bold
// oblique), read from their TrueType files once per process: character map, advance
// widths, vertical metrics and the raw tables the PDF writer subsets. Layout measures
// text through FontSet; it never touches libharu.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/utf8.hpp"

namespace rv::pdf {

enum class FontId : std::uint8_t { regular, bold, italic, bold_italic };
inline constexpr int font_count = 4;

// A font file that is missing or cannot be read; the message names the file and the fix.
struct FontError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class FontFace {
  public:
    // Reads and parses a TrueType file. Throws FontError.
    explicit FontFace(const std::string& path);

    const std::string& path() const { return path_; }
    const std::string& postscript_name() const { return name_; }
    // The glyph of a character, 0 when the font lacks it.
    std::uint16_t glyph(char32_t c) const { return c < cmap_.size() ? cmap_[c] : 0; }
    // Advance width of a glyph in font units.
    std::uint16_t advance(std::uint16_t glyph) const;
    int units_per_em() const { return units_per_em_; }
    int ascent() const { return ascent_; }    // font units, positive
    int descent() const { return descent_; }  // font units, negative
    int cap_height() const { return cap_height_; }
    double italic_angle() const { return italic_angle_; }
    std::array<int, 4> bbox() const { return bbox_; }
    int glyph_count() const { return glyph_count_; }

    // The bytes of table `tag` ("glyf", "head"), empty when the font has none.
    std::string_view table(std::string_view tag) const;
    // The outline bytes of one glyph (empty for a blank glyph).
    std::string_view glyph_data(std::uint16_t glyph) const;

  private:
    std::string path_;
    std::string data_;
    std::string name_;
    std::vector<std::pair<std::string, std::string_view>> tables_;
    std::vector<std::uint16_t> cmap_;  // by code point, U+0000–U+FFFF
    std::vector<std::uint16_t> advances_;
    std::vector<std::uint32_t> loca_;
    int units_per_em_ = 1000;
    int ascent_ = 0;
    int descent_ = 0;
    int cap_height_ = 0;
    double italic_angle_ = 0;
    std::array<int, 4> bbox_{};
    int glyph_count_ = 0;

    void read_cmap();
};

class FontSet {
  public:
    // Loads the four faces from `dir`. Throws FontError naming the missing file.
    explicit FontSet(const std::string& dir);

    // The process-wide set, loaded on first use from $RV_FONT_DIR or the Debian folder
    // of fonts-dejavu-core. Throws FontError (every call, when the fonts are missing).
    static const FontSet& shared();
    static std::string default_dir();

    const FontFace& face(FontId id) const { return faces_[static_cast<int>(id)]; }

    // Width of UTF-8 text in points.
    double width(FontId id, std::string_view utf8, double size) const;
    double char_width(FontId id, char32_t c, double size) const;
    bool has(FontId id, char32_t c) const { return face(id).glyph(c) != 0; }

  private:
    std::vector<FontFace> faces_;
};

using model::append_utf8;
using model::next_code_point;

}  // namespace rv::pdf
