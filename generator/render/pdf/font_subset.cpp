#include "render/pdf/font_subset.hpp"

#include <algorithm>
#include <map>

namespace rv::pdf {

namespace {

std::uint16_t get16(std::string_view d, std::size_t at) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(d[at]) << 8) |
                                      static_cast<unsigned char>(d[at + 1]));
}

void put16(std::string& d, std::size_t at, std::uint16_t v) {
    d[at] = static_cast<char>(v >> 8);
    d[at + 1] = static_cast<char>(v & 0xFF);
}

void append16(std::string& d, std::uint16_t v) {
    d += static_cast<char>(v >> 8);
    d += static_cast<char>(v & 0xFF);
}

void append32(std::string& d, std::uint32_t v) {
    append16(d, static_cast<std::uint16_t>(v >> 16));
    append16(d, static_cast<std::uint16_t>(v & 0xFFFF));
}

constexpr std::uint16_t arg_words = 0x0001;
constexpr std::uint16_t has_scale = 0x0008;
constexpr std::uint16_t more_components = 0x0020;
constexpr std::uint16_t xy_scale = 0x0040;
constexpr std::uint16_t two_by_two = 0x0080;

// Calls `f(offset of the glyph index)` for each component of a composite glyph.
template <class F>
void for_each_component(std::string_view glyph, F f) {
    if (glyph.size() < 10 || static_cast<std::int16_t>(get16(glyph, 0)) >= 0) {
        return;
    }
    std::size_t at = 10;
    while (at + 4 <= glyph.size()) {
        const std::uint16_t flags = get16(glyph, at);
        f(at + 2);
        at += 4 + ((flags & arg_words) ? 4 : 2);
        if (flags & has_scale) {
            at += 2;
        } else if (flags & xy_scale) {
            at += 4;
        } else if (flags & two_by_two) {
            at += 8;
        }
        if (!(flags & more_components)) {
            break;
        }
    }
}

std::uint32_t checksum(std::string_view table) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < table.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            word =
                (word << 8) | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0);
        }
        sum += word;
    }
    return sum;
}

// A simple glyph without its hinting instructions: print and screen rasterisers at PDF
// sizes do well without them, and they are half of DejaVu's glyph bytes.
std::string without_hinting(std::string_view glyph) {
    if (glyph.size() < 12 || static_cast<std::int16_t>(get16(glyph, 0)) < 0) {
        return std::string(glyph);  // blank or composite: as it is
    }
    const std::size_t contours = get16(glyph, 0);
    const std::size_t at = 10 + 2 * contours;  // instructionLength
    if (at + 2 > glyph.size()) {
        return std::string(glyph);
    }
    const std::size_t length = get16(glyph, at);
    if (at + 2 + length > glyph.size()) {
        return std::string(glyph);
    }
    std::string out(glyph.substr(0, at));
    append16(out, 0);
    out += glyph.substr(at + 2 + length);
    return out;
}

}  // namespace

namespace {

Subset build(const FontFace& face, Subset s, std::size_t slots);

}  // namespace

Subset subset_font(const FontFace& face, const std::vector<std::uint16_t>& glyphs) {
    Subset s;
    s.new_glyph.assign(static_cast<std::size_t>(face.glyph_count()), 0);
    s.old_glyph.push_back(0);
    for (std::uint16_t g : glyphs) {
        if (g != 0 && g < face.glyph_count() && s.new_glyph[g] == 0) {
            s.new_glyph[g] = static_cast<std::uint16_t>(s.old_glyph.size());
            s.old_glyph.push_back(g);
        }
    }
    return build(face, std::move(s), 0);
}

Subset subset_font_in_slots(const FontFace& face, const std::vector<std::uint16_t>& slots) {
    Subset s;
    s.new_glyph.assign(static_cast<std::size_t>(face.glyph_count()), 0);
    s.old_glyph.push_back(0);
    for (std::size_t i = 1; i < slots.size(); ++i) {
        const std::uint16_t g = slots[i] < face.glyph_count() ? slots[i] : 0;
        const bool fresh = g != 0 && s.new_glyph[g] == 0;
        if (fresh) {
            s.new_glyph[g] = static_cast<std::uint16_t>(i);
        }
        s.old_glyph.push_back(fresh ? g : 0);
    }
    return build(face, std::move(s), slots.size());
}

namespace {

// The font program of `s` (its first glyphs chosen); `slots`: new ids below this that are
// 0 after .notdef are empty place holders.
Subset build(const FontFace& face, Subset s, std::size_t slots) {
    auto take = [&](std::uint16_t g) {
        if (g != 0 && g < face.glyph_count() && s.new_glyph[g] == 0) {
            s.new_glyph[g] = static_cast<std::uint16_t>(s.old_glyph.size());
            s.old_glyph.push_back(g);
        }
    };
    for (std::size_t i = 0; i < s.old_glyph.size(); ++i) {  // grows with components
        for_each_component(face.glyph_data(s.old_glyph[i]), [&](std::size_t at) {
            take(get16(face.glyph_data(s.old_glyph[i]), at));
        });
    }
    const auto n = static_cast<std::uint16_t>(s.old_glyph.size());
    std::string glyf, loca, hmtx;
    for (std::size_t i = 0; i < s.old_glyph.size(); ++i) {
        const std::uint16_t old = s.old_glyph[i];
        append32(loca, static_cast<std::uint32_t>(glyf.size()));
        if (i > 0 && i < slots && old == 0) {  // a place holder: no outline, no advance
            append32(hmtx, 0);
            continue;
        }
        std::string data = without_hinting(face.glyph_data(old));
        for_each_component(data,
                           [&](std::size_t at) { put16(data, at, s.new_glyph[get16(data, at)]); });
        glyf += data;
        while (glyf.size() % 4) {
            glyf += '\0';
        }
        append16(hmtx, face.advance(old));
        append16(hmtx, data.size() >= 4 ? get16(data, 2) : 0);  // lsb = xMin
    }
    append32(loca, static_cast<std::uint32_t>(glyf.size()));
    std::string head(face.table("head"));
    put16(head, 8, 0);  // checkSumAdjustment, set below
    put16(head, 10, 0);
    put16(head, 50, 1);  // long loca
    std::string hhea(face.table("hhea"));
    put16(hhea, 34, n);
    std::string maxp(face.table("maxp"));
    put16(maxp, 4, n);
    std::map<std::string, std::string> tables{{"glyf", glyf}, {"head", head}, {"hhea", hhea},
                                              {"hmtx", hmtx}, {"loca", loca}, {"maxp", maxp}};
    const auto count = static_cast<std::uint16_t>(tables.size());
    std::uint16_t power = 1, log2 = 0;
    while (power * 2 <= count) {
        power = static_cast<std::uint16_t>(power * 2);
        ++log2;
    }
    std::string& out = s.program;
    append32(out, 0x00010000);
    append16(out, count);
    append16(out, static_cast<std::uint16_t>(power * 16));
    append16(out, log2);
    append16(out, static_cast<std::uint16_t>(count * 16 - power * 16));
    std::size_t offset = 12 + 16 * static_cast<std::size_t>(count);
    std::size_t head_at = 0;
    for (const auto& [tag, bytes] : tables) {
        out += tag;
        append32(out, checksum(bytes));
        append32(out, static_cast<std::uint32_t>(offset));
        append32(out, static_cast<std::uint32_t>(bytes.size()));
        if (tag == "head") {
            head_at = offset;
        }
        offset += (bytes.size() + 3) / 4 * 4;
    }
    for (const auto& [tag, bytes] : tables) {
        out += bytes;
        while (out.size() % 4) {
            out += '\0';
        }
    }
    const std::uint32_t adjust = 0xB1B0AFBAu - checksum(out);
    put16(out, head_at + 8, static_cast<std::uint16_t>(adjust >> 16));
    put16(out, head_at + 10, static_cast<std::uint16_t>(adjust & 0xFFFF));
    return s;
}

}  // namespace

}  // namespace rv::pdf
