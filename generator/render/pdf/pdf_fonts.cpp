#include "render/pdf/pdf_fonts.hpp"

#include <cmath>
#include <cstdio>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

namespace rv::pdf {

namespace {

// A number for the content stream: at most two decimals (three with `scale` 1000), no
// trailing zeros.
void number(std::string& out, double v, long long scale = 100) {
    long long parts = std::llround(v * static_cast<double>(scale));
    if (parts < 0) {
        out += '-';
        parts = -parts;
    }
    out += std::to_string(parts / scale);
    long long rest = parts % scale;
    if (rest != 0) {
        out += '.';
        for (long long digit = scale / 10; digit > 0 && rest != 0; digit /= 10) {
            out += static_cast<char>('0' + rest / digit);
            rest %= digit;
        }
    }
}

const char* const hex_digits = "0123456789ABCDEF";

void hex4(std::string& out, unsigned v) {
    const char* digits = hex_digits;
    out += digits[(v >> 12) & 15];
    out += digits[(v >> 8) & 15];
    out += digits[(v >> 4) & 15];
    out += digits[v & 15];
}

void color(std::string& out, const Color& c, const char* op) {
    number(out, c.r);
    out += ' ';
    number(out, c.g);
    out += ' ';
    number(out, c.b);
    out += op;
}

std::string to_unicode_cmap(const std::vector<char32_t>& unicode, bool one_byte) {
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n";
    out += one_byte ? "<00> <FF>\n" : "<0000> <FFFF>\n";
    out += "endcodespacerange\n";
    std::vector<std::size_t> mapped;
    for (std::size_t g = 1; g < unicode.size(); ++g) {
        if (unicode[g] != 0) {
            mapped.push_back(g);
        }
    }
    for (std::size_t i = 0; i < mapped.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, mapped.size() - i);
        out += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            out += '<';
            if (one_byte) {
                out += hex_digits[mapped[k] >> 4];
                out += hex_digits[mapped[k] & 15];
            } else {
                hex4(out, static_cast<unsigned>(mapped[k]));
            }
            out += "> <";
            hex4(out, static_cast<unsigned>(unicode[mapped[k]]));
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

// Codes of one byte are CIDs (and so glyph ids of the subset): Adobe-Identity, one byte.
const char* const one_byte_cmap_text =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
    "/CMapName /Rapportverk-OneByte-Identity def\n/CMapType 1 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
    "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

HPDF_Dict stream(HPDF_MMgr mmgr, HPDF_Xref xref, const std::string& data) {
    HPDF_Dict dict = HPDF_DictStream_New(mmgr, xref);
    dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                      static_cast<HPDF_UINT>(data.size()));
    return dict;
}

}  // namespace

EmbeddedFonts::EmbeddedFonts(const Document& doc, const FontSet& fonts) : fonts_(fonts) {
    std::array<std::vector<std::uint16_t>, font_count> glyphs;
    std::array<std::vector<char32_t>, font_count> first_char;  // by old glyph id
    for (int f = 0; f < font_count; ++f) {
        first_char[static_cast<std::size_t>(f)].assign(
            static_cast<std::size_t>(fonts.face(static_cast<FontId>(f)).glyph_count()), 0);
    }
    for (const Page& page : doc.pages) {
        for (const TextRun& run : page.texts) {
            const auto f = static_cast<std::size_t>(run.font);
            const FontFace& face = fonts.face(run.font);
            used_[f] = true;
            for (std::size_t i = 0; i < run.text.size();) {
                const char32_t c = next_code_point(run.text, i);
                const std::uint16_t g = face.glyph(c);
                if (g != 0 && first_char[f][g] == 0) {
                    first_char[f][g] = c;
                    glyphs[f].push_back(g);
                }
            }
        }
    }
    for (int f = 0; f < font_count; ++f) {
        const auto i = static_cast<std::size_t>(f);
        if (!used_[i]) {
            continue;
        }
        std::vector<std::uint16_t> slots(256, 0);
        one_byte_[i] = glyphs[i].size() <= 254;
        if (one_byte_[i]) {
            // Codes: ASCII characters keep theirs (the content stays readable and the space
            // is 32); the others take the free codes from 128 up, then the rest.
            std::vector<std::uint16_t> later;
            for (std::uint16_t g : glyphs[i]) {
                const char32_t c = first_char[i][g];
                if (c >= 0x20 && c < 0x7F && slots[c] == 0) {
                    slots[c] = g;
                } else {
                    later.push_back(g);
                }
            }
            static constexpr std::array<std::pair<int, int>, 3> ranges{
                {{0x80, 0xFF}, {0x21, 0x7E}, {0x01, 0x1F}}};
            for (std::uint16_t g : later) {
                for (const auto& [from, to] : ranges) {
                    for (int code = from; code <= to && g != 0; ++code) {
                        if (slots[static_cast<std::size_t>(code)] == 0) {
                            slots[static_cast<std::size_t>(code)] = g;
                            g = 0;
                        }
                    }
                }
                one_byte_[i] = one_byte_[i] && g == 0;
            }
            while (slots.size() > 1 && slots.back() == 0) {
                slots.pop_back();
            }
        }
        if (one_byte_[i]) {
            subsets_[i] = subset_font_in_slots(fonts.face(static_cast<FontId>(f)), slots);
        } else {
            subsets_[i] = subset_font(fonts.face(static_cast<FontId>(f)), glyphs[i]);
        }
        unicode_[i].assign(subsets_[i].old_glyph.size(), 0);
        for (std::size_t g = 0; g < subsets_[i].old_glyph.size(); ++g) {
            unicode_[i][g] = first_char[i][subsets_[i].old_glyph[g]];
        }
    }
}

HPDF_Dict EmbeddedFonts::write(HPDF_MMgr mmgr, HPDF_Xref xref) const {
    HPDF_Dict one_byte_cmap = nullptr;  // shared by the one-byte fonts
    HPDF_Dict resources = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(xref, resources);
    for (int f = 0; f < font_count; ++f) {
        const auto i = static_cast<std::size_t>(f);
        if (!used_[i]) {
            continue;
        }
        const FontFace& face = fonts_.face(static_cast<FontId>(f));
        const Subset& subset = subsets_[i];
        // A subset tag from the glyphs: the same document gets the same name.
        std::uint32_t hash = 2166136261u + static_cast<std::uint32_t>(f);
        for (std::uint16_t g : subset.old_glyph) {
            hash = (hash ^ g) * 16777619u;
        }
        std::string name;
        for (int k = 0; k < 6; ++k) {
            name += static_cast<char>('A' + hash % 26);
            hash /= 26;
        }
        name += "+" + face.postscript_name();
        const double scale = 1000.0 / face.units_per_em();

        HPDF_Dict file = stream(mmgr, xref, subset.program);
        HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.program.size()));

        HPDF_Dict descriptor = HPDF_Dict_New(mmgr);
        HPDF_Xref_Add(xref, descriptor);
        HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
        const bool italic = face.italic_angle() != 0;
        HPDF_Dict_AddNumber(descriptor, "Flags", 32 + (italic ? 64 : 0));
        HPDF_Array bbox = HPDF_Array_New(mmgr);
        for (int v : face.bbox()) {
            HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(v * scale)));
        }
        HPDF_Dict_Add(descriptor, "FontBBox", bbox);
        HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(face.italic_angle()));
        HPDF_Dict_AddNumber(descriptor, "Ascent",
                            static_cast<HPDF_INT32>(std::lround(face.ascent() * scale)));
        HPDF_Dict_AddNumber(descriptor, "Descent",
                            static_cast<HPDF_INT32>(std::lround(face.descent() * scale)));
        HPDF_Dict_AddNumber(descriptor, "CapHeight",
                            static_cast<HPDF_INT32>(std::lround(face.cap_height() * scale)));
        HPDF_Dict_AddNumber(descriptor, "StemV", f == 1 || f == 3 ? 120 : 80);
        HPDF_Dict_Add(descriptor, "FontFile2", file);

        HPDF_Dict cid = HPDF_Dict_New(mmgr);
        HPDF_Xref_Add(xref, cid);
        HPDF_Dict_AddName(cid, "Type", "Font");
        HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
        HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
        HPDF_Dict info = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
        HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
        HPDF_Dict_AddNumber(info, "Supplement", 0);
        HPDF_Dict_Add(cid, "CIDSystemInfo", info);
        HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
        HPDF_Array widths = HPDF_Array_New(mmgr);
        HPDF_Array list = HPDF_Array_New(mmgr);
        for (std::uint16_t old : subset.old_glyph) {
            HPDF_Array_AddNumber(list,
                                 static_cast<HPDF_INT32>(std::lround(face.advance(old) * scale)));
        }
        HPDF_Array_AddNumber(widths, 0);
        HPDF_Array_Add(widths, list);
        HPDF_Dict_Add(cid, "W", widths);

        HPDF_Dict font = HPDF_Dict_New(mmgr);
        HPDF_Xref_Add(xref, font);
        HPDF_Dict_AddName(font, "Type", "Font");
        HPDF_Dict_AddName(font, "Subtype", "Type0");
        HPDF_Dict_AddName(font, "BaseFont", name.c_str());
        if (one_byte_[i]) {
            if (!one_byte_cmap) {
                one_byte_cmap = stream(mmgr, xref, one_byte_cmap_text);
                HPDF_Dict_AddName(one_byte_cmap, "Type", "CMap");
                HPDF_Dict_AddName(one_byte_cmap, "CMapName", "Rapportverk-OneByte-Identity");
                HPDF_Dict system = HPDF_Dict_New(mmgr);
                HPDF_Dict_Add(system, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
                HPDF_Dict_Add(system, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
                HPDF_Dict_AddNumber(system, "Supplement", 0);
                HPDF_Dict_Add(one_byte_cmap, "CIDSystemInfo", system);
            }
            HPDF_Dict_Add(font, "Encoding", one_byte_cmap);
        } else {
            HPDF_Dict_AddName(font, "Encoding", "Identity-H");
        }
        HPDF_Array descendants = HPDF_Array_New(mmgr);
        HPDF_Array_Add(descendants, cid);
        HPDF_Dict_Add(font, "DescendantFonts", descendants);
        HPDF_Dict_Add(font, "ToUnicode",
                      stream(mmgr, xref, to_unicode_cmap(unicode_[i], one_byte_[i])));
        std::string key = "F";
        key += std::to_string(f + 1);
        HPDF_Dict_Add(resources, key.c_str(), font);
    }
    return resources;
}

std::string EmbeddedFonts::content(const Page& page, Structure& tags) const {
    std::string out;
    out.reserve(4096 + page.texts.size() * 80);
    for (const Rect& r : page.rects) {
        tags.mark(out, r.element, false);
        color(out, r.fill, " rg ");
        number(out, r.x);
        out += ' ';
        number(out, page_height - r.y - r.h);
        out += ' ';
        number(out, r.w);
        out += ' ';
        number(out, r.h);
        out += " re f\n";
    }
    double line_width = -1;
    for (const Rule& r : page.rules) {
        tags.mark(out, r.element, false);
        if (r.width != line_width) {
            number(out, r.width);
            out += " w ";
            line_width = r.width;
        }
        color(out, r.color, " RG ");
        number(out, r.x1);
        out += ' ';
        number(out, page_height - r.y1);
        out += " m ";
        number(out, r.x2);
        out += ' ';
        number(out, page_height - r.y2);
        out += " l S\n";
    }
    tags.close(out);
    if (page.texts.empty()) {
        return out;
    }
    out += "BT\n";
    int font = -1;
    double size = -1;
    double word_spacing = 0;  // Tw: 0 at the start of every content stream
    Color fill{-1, -1, -1};
    for (const TextRun& run : page.texts) {
        tags.mark(out, run.element, run.role == Role::artifact);
        const auto f = static_cast<std::size_t>(run.font);
        if (static_cast<int>(f) != font || run.size != size) {
            out += "/F" + std::to_string(f + 1) + ' ';
            number(out, run.size);
            out += " Tf\n";
            font = static_cast<int>(f);
            size = run.size;
        }
        if (!(run.color == fill)) {
            color(out, run.color, " rg\n");
            fill = run.color;
        }
        out += "1 0 0 1 ";
        number(out, run.x);
        out += ' ';
        number(out, page_height - run.y);
        out += " Tm ";
        const FontFace& face = fonts_.face(run.font);
        const Subset& subset = subsets_[f];
        if (one_byte_[f]) {
            // Justified by word spacing, which applies to code 32 (the space) of one byte.
            const double tw = subset.new_glyph[face.glyph(U' ')] == 32 ? run.word_spacing : 0;
            if (std::llround(tw * 1000) != std::llround(word_spacing * 1000)) {
                number(out, tw, 1000);
                out += " Tw ";
                word_spacing = tw;
            }
            out += '(';
            for (std::size_t i = 0; i < run.text.size();) {
                const auto code =
                    static_cast<char>(subset.new_glyph[face.glyph(next_code_point(run.text, i))]);
                if (code == '(' || code == ')' || code == '\\') {
                    out += '\\';
                } else if (code == '\r') {
                    out += "\\r";
                    continue;
                }
                out += code;
            }
            out += ") Tj\n";
            continue;
        }
        out += '[';
        out += '<';
        // Justification: whole thousandths of an em after each space, rounded so that
        // their sum stays exact and the line ends where the layout put it.
        const double per_space = run.word_spacing * 1000 / run.size;
        double wanted = 0;
        long long given = 0;
        for (std::size_t i = 0; i < run.text.size();) {
            const char32_t c = next_code_point(run.text, i);
            hex4(out, subset.new_glyph[face.glyph(c)]);
            if (c == ' ' && run.word_spacing != 0 && i < run.text.size()) {
                wanted += per_space;
                const long long step = std::llround(wanted) - given;
                given += step;
                out += "> " + std::to_string(-step) + " <";
            }
        }
        out += ">] TJ\n";
    }
    tags.close(out);
    out += "ET\n";
    return out;
}

}  // namespace rv::pdf
