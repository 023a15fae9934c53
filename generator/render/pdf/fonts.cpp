#include "render/pdf/fonts.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace rv::pdf {

namespace {

constexpr const char* file_names[font_count] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                                "DejaVuSans-Oblique.ttf",
                                                "DejaVuSans-BoldOblique.ttf"};

std::uint16_t u16(std::string_view d, std::size_t at) {
    if (at + 2 > d.size()) {
        throw FontError("truncated font table");
    }
    return static_cast<std::uint16_t>((static_cast<unsigned char>(d[at]) << 8) |
                                      static_cast<unsigned char>(d[at + 1]));
}

std::int16_t s16(std::string_view d, std::size_t at) {
    return static_cast<std::int16_t>(u16(d, at));
}

std::uint32_t u32(std::string_view d, std::size_t at) {
    return (static_cast<std::uint32_t>(u16(d, at)) << 16) | u16(d, at + 2);
}

}  // namespace

FontFace::FontFace(const std::string& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw FontError("the font file " + path +
                        " cannot be read; install fonts-dejavu-core (scripts/install-deps.sh) "
                        "or set RV_FONT_DIR to a folder with the DejaVu Sans TTF files");
    }
    data_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    name_ = std::filesystem::path(path).stem().string();
    try {
        const std::string_view d = data_;
        const int tables = u16(d, 4);
        for (int t = 0; t < tables; ++t) {
            const std::size_t rec = 12 + 16 * static_cast<std::size_t>(t);
            const std::uint32_t offset = u32(d, rec + 8);
            const std::uint32_t length = u32(d, rec + 12);
            if (static_cast<std::size_t>(offset) + length > d.size()) {
                throw FontError("table outside the file");
            }
            tables_.emplace_back(std::string(d.substr(rec, 4)), d.substr(offset, length));
        }
        const auto head = table("head");
        const auto hhea = table("hhea");
        const auto maxp = table("maxp");
        const auto hmtx = table("hmtx");
        const auto loca = table("loca");
        if (head.empty() || hhea.empty() || maxp.empty() || hmtx.empty() || loca.empty() ||
            table("glyf").empty() || table("cmap").empty()) {
            throw FontError("not a TrueType font with outlines");
        }
        units_per_em_ = u16(head, 18);
        bbox_ = {s16(head, 36), s16(head, 38), s16(head, 40), s16(head, 42)};
        const bool long_loca = s16(head, 50) == 1;
        glyph_count_ = u16(maxp, 4);
        ascent_ = s16(hhea, 4);
        descent_ = s16(hhea, 6);
        const int metrics = u16(hhea, 34);
        advances_.resize(static_cast<std::size_t>(glyph_count_));
        std::uint16_t last = 0;
        for (int g = 0; g < glyph_count_; ++g) {
            if (g < metrics) {
                last = u16(hmtx, 4 * static_cast<std::size_t>(g));
            }
            advances_[static_cast<std::size_t>(g)] = last;
        }
        loca_.resize(static_cast<std::size_t>(glyph_count_) + 1);
        for (int g = 0; g <= glyph_count_; ++g) {
            const auto i = static_cast<std::size_t>(g);
            loca_[i] = long_loca ? u32(loca, 4 * i) : 2u * u16(loca, 2 * i);
        }
        const auto os2 = table("OS/2");
        cap_height_ = os2.size() >= 90 ? s16(os2, 88) : ascent_;
        const auto post = table("post");
        if (post.size() >= 8) {
            italic_angle_ = static_cast<std::int32_t>(u32(post, 4)) / 65536.0;
        }
        read_cmap();
    } catch (const FontError& e) {
        throw FontError("the font file " + path + " cannot be used: " + e.what());
    }
}

void FontFace::read_cmap() {
    const auto cmap = table("cmap");
    const int count = u16(cmap, 2);
    std::size_t sub = 0;
    for (int i = 0; i < count; ++i) {
        const std::size_t rec = 4 + 8 * static_cast<std::size_t>(i);
        const int platform = u16(cmap, rec);
        const int encoding = u16(cmap, rec + 2);
        const std::uint32_t offset = u32(cmap, rec + 4);
        if (platform == 3 && encoding == 1 && u16(cmap, offset) == 4) {
            sub = offset;
        }
    }
    if (sub == 0) {
        throw FontError("no Unicode character map (format 4)");
    }
    cmap_.assign(0x10000, 0);
    const int segments = u16(cmap, sub + 6) / 2;
    const std::size_t ends = sub + 14;
    const std::size_t starts = ends + 2 * static_cast<std::size_t>(segments) + 2;
    const std::size_t deltas = starts + 2 * static_cast<std::size_t>(segments);
    const std::size_t ranges = deltas + 2 * static_cast<std::size_t>(segments);
    for (int s = 0; s < segments; ++s) {
        const auto si = static_cast<std::size_t>(s);
        const unsigned end = u16(cmap, ends + 2 * si);
        const unsigned start = u16(cmap, starts + 2 * si);
        const unsigned delta = u16(cmap, deltas + 2 * si);
        const unsigned range = u16(cmap, ranges + 2 * si);
        for (unsigned c = start; c <= end && c < 0xFFFF; ++c) {
            unsigned g = 0;
            if (range == 0) {
                g = (c + delta) & 0xFFFF;
            } else {
                const std::size_t at = ranges + 2 * si + range + 2 * (c - start);
                g = u16(cmap, at);
                if (g != 0) {
                    g = (g + delta) & 0xFFFF;
                }
            }
            cmap_[c] = static_cast<std::uint16_t>(g < static_cast<unsigned>(glyph_count_) ? g : 0);
        }
    }
}

std::uint16_t FontFace::advance(std::uint16_t glyph) const {
    return glyph < advances_.size() ? advances_[glyph] : 0;
}

std::string_view FontFace::table(std::string_view tag) const {
    for (const auto& [name, bytes] : tables_) {
        if (name == tag) {
            return bytes;
        }
    }
    return {};
}

std::string_view FontFace::glyph_data(std::uint16_t glyph) const {
    if (glyph >= glyph_count_) {
        return {};
    }
    const auto glyf = table("glyf");
    const std::uint32_t from = loca_[glyph];
    const std::uint32_t to = loca_[glyph + 1u];
    if (to <= from || to > glyf.size()) {
        return {};
    }
    return glyf.substr(from, to - from);
}

FontSet::FontSet(const std::string& dir) {
    faces_.reserve(font_count);
    for (const char* name : file_names) {
        faces_.emplace_back((std::filesystem::path(dir) / name).string());
    }
}

std::string FontSet::default_dir() {
    const char* env = std::getenv("RV_FONT_DIR");
    return env && *env ? env : "/usr/share/fonts/truetype/dejavu";
}

const FontSet& FontSet::shared() {
    static const FontSet fonts(default_dir());
    return fonts;
}

double FontSet::char_width(FontId id, char32_t c, double size) const {
    const FontFace& f = face(id);
    return f.advance(f.glyph(c)) * size / f.units_per_em();
}

double FontSet::width(FontId id, std::string_view utf8, double size) const {
    const FontFace& f = face(id);
    long units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        units += f.advance(f.glyph(next_code_point(utf8, i)));
    }
    return units * size / f.units_per_em();
}

}  // namespace rv::pdf
