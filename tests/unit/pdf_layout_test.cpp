// Tests of the print layout without a PDF: font metrics, Norwegian hyphenation, line
// breaking and justification, pagination (keep-with-next, widows and orphans, repeated
// table headers) and a whole report's pages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/pdf/block_layout.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/hyphenation.hpp"
#include "render/pdf/line_breaker.hpp"

using namespace rv::pdf;

namespace {

std::string line_text(const Line& line) {
    std::string out;
    for (const auto& run : line.runs) {
        out += run.text;
    }
    return out;
}

std::string page_text(const Page& page) {
    std::string out;
    for (const auto& t : page.texts) {
        out += t.text + "\n";
    }
    return out;
}

std::vector<Span> words(const std::string& text) {
    return {{text, TextStyle{}}};
}

}  // namespace

TEST_CASE("pdf fonts: DejaVu metrics are read from the TrueType files") {
    const FontSet& fonts = FontSet::shared();
    CHECK(fonts.face(FontId::regular).units_per_em() == 2048);
    // Every face has the Norwegian letters and the typographic signs of the reports.
    for (int f = 0; f < font_count; ++f) {
        for (char32_t c : {U'æ', U'ø', U'å', U'Æ', U'Ø', U'Å', U'«', U'»', U'–', U'€'}) {
            CHECK(fonts.has(static_cast<FontId>(f), c));
        }
    }
    CHECK(fonts.has(FontId::regular, U'≥'));
    CHECK(fonts.has(FontId::regular, U'−'));
    const double m = fonts.width(FontId::regular, "m", 10);
    CHECK(m > 9.0);
    CHECK(m < 10.5);
    CHECK(fonts.width(FontId::regular, "mm", 10) == doctest::Approx(2 * m));
    CHECK(fonts.width(FontId::bold, "m", 10) > m);
}

TEST_CASE("pdf fonts: a missing font folder is a clear error") {
    try {
        FontSet fonts("/nonexistent-font-dir");
        FAIL("no error");
    } catch (const FontError& e) {
        CHECK(std::string(e.what()).find("DejaVuSans.ttf") != std::string::npos);
        CHECK(std::string(e.what()).find("fonts-dejavu-core") != std::string::npos);
    }
}

TEST_CASE("pdf hyphenation: Norwegian words break where the patterns say") {
    const Hyphenator& h = Hyphenator::shared("nb");
    REQUIRE(h.ok());
    const std::string word = "stamcelletransplantasjon";
    const auto breaks = h.breaks(word);
    std::string marked;
    std::size_t from = 0;
    for (std::size_t at : breaks) {
        marked += word.substr(from, at - from) + "-";
        from = at;
    }
    marked += word.substr(from);
    CHECK(marked == "stam-celle-trans-planta-sjon");
    // UTF-8 letters map back to the right byte offsets.
    const std::string service = "spesialisthelsetjenesten";
    CHECK_FALSE(h.breaks(service).empty());
    const std::string malopp = "måloppnåelse";
    for (std::size_t at : h.breaks(malopp)) {
        CHECK((static_cast<unsigned char>(malopp[at]) & 0xC0) != 0x80);  // not inside a letter
    }
    CHECK(h.breaks("ICD-10").empty());
    CHECK(h.breaks("kort").empty());
}

TEST_CASE("pdf line breaking: lines fit, justify, and hyphenate") {
    const FontSet& fonts = FontSet::shared();
    const std::string text =
        "Tjenesten har ansvar for allogen stamcelletransplantasjon for hele landet og gir råd "
        "til helsepersonell i alle helseregioner om utredning og oppfølging.";
    BreakOptions options;
    options.width = 150;
    options.justify = true;
    options.hyphenator = &Hyphenator::shared("nb");
    const auto lines = break_lines(words(text), options, fonts);
    REQUIRE(lines.size() >= 4);
    std::string joined;
    bool hyphenated = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].width <= 150.01);
        std::string t = line_text(lines[i]);
        if (i + 1 < lines.size()) {
            CHECK(lines[i].word_spacing >= 0);
            if (!t.empty() && t.back() == '-') {
                hyphenated = true;
                t.pop_back();
                joined += t;
                continue;
            }
        }
        joined += t + " ";
    }
    CHECK(hyphenated);
    CHECK(joined.substr(0, joined.size() - 1) == text);
    CHECK(lines.back().word_spacing == 0);  // the last line is not justified
}

TEST_CASE("pdf line breaking: a word wider than the line is cut, never lost") {
    const FontSet& fonts = FontSet::shared();
    const std::string word(300, 'x');
    BreakOptions options;
    options.width = 100;
    const auto lines = break_lines(words(word), options, fonts);
    REQUIRE(lines.size() > 3);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(line.width <= 100.01);
        joined += line_text(line);
    }
    CHECK(joined == word);
    CHECK(break_lines(words(""), options, fonts).empty());
}

TEST_CASE("pdf line breaking: styles stay on their words; a missing glyph is reported") {
    const FontSet& fonts = FontSet::shared();
    TextStyle bold;
    bold.font = FontId::bold;
    std::set<char32_t> missing;
    BreakOptions options;
    options.width = 400;
    const auto lines = break_lines({{"Vanlig ", {}}, {"fet", bold}, {" tekst \U0001F600", {}}},
                                   options, fonts, &missing);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].runs.size() == 3);
    CHECK(lines[0].runs[1].text == "fet");
    CHECK(lines[0].runs[1].style.font == FontId::bold);
    CHECK(line_text(lines[0]) == "Vanlig fet tekst ?");
    CHECK(missing.count(U'\U0001F600') == 1);
}

TEST_CASE("pdf flow: headings keep with the next lines; no widows or orphans") {
    const FontSet& fonts = FontSet::shared();
    Document doc;
    Flow flow;
    Builder b(flow, doc, fonts, Hyphenator::shared("nb"));
    const Context ctx = b.body();
    std::string filler;
    for (int i = 0; i < 40; ++i) {
        filler += "Fyll tekst for å nå bunnen av siden med mange ord i hver linje. ";
    }
    b.paragraph(words(filler), ctx);
    b.heading("Overskriften", 1, "h", 1, ctx);
    b.paragraph(words(filler), ctx);
    flow.paginate(Frame{}, doc);
    REQUIRE(doc.pages.size() >= 2);
    REQUIRE(doc.anchors.count("h") == 1);
    const Anchor at = doc.anchors["h"];
    const Page& page = doc.pages[static_cast<std::size_t>(at.page)];
    // The heading is never the last thing on its page.
    CHECK(page.texts.back().text != "Overskriften");
    for (const auto& p : doc.pages) {
        CHECK(p.texts.size() >= 2);  // no page holds a single stranded line
        for (const auto& t : p.texts) {
            CHECK(t.y < Frame{}.bottom + 1);
        }
    }
    // Keep-with-next: the heading's page also holds at least two lines after it.
    int after = 0;
    for (const auto& t : page.texts) {
        if (t.y > at.y + 10) {
            ++after;
        }
    }
    CHECK(after >= 2);
}

TEST_CASE("pdf flow: a table longer than a page repeats its header row") {
    const FontSet& fonts = FontSet::shared();
    Document doc;
    Flow flow;
    Builder b(flow, doc, fonts, Hyphenator::shared("nb"));
    TableSpec table;
    table.caption = "Stor tabell";
    table.rows.push_back({words("Region"), words("Antall")});
    for (int i = 0; i < 200; ++i) {
        table.rows.push_back({words("Rad " + std::to_string(i)), words(std::to_string(i * 7))});
    }
    b.table(table, b.body());
    flow.paginate(Frame{}, doc);
    REQUIRE(doc.pages.size() >= 3);
    for (const auto& page : doc.pages) {
        const std::string text = page_text(page);
        CHECK(text.find("Region\nAntall\n") != std::string::npos);
    }
    // Every row is there once.
    int rows = 0;
    for (const auto& page : doc.pages) {
        for (const auto& t : page.texts) {
            rows += t.text.rfind("Rad ", 0) == 0 ? 1 : 0;
        }
    }
    CHECK(rows == 200);
}

TEST_CASE("pdf flow: a block taller than a page does not loop") {
    Document doc;
    Flow flow;
    for (int i = 0; i < 5; ++i) {
        Slab slab;
        slab.height = 2000;
        slab.keep_with_next = true;
        flow.add(slab);
    }
    flow.paginate(Frame{}, doc);
    CHECK(doc.pages.size() == 5);
}

TEST_CASE("pdf structure: blocks record their elements in reading order") {
    const FontSet& fonts = FontSet::shared();
    Document doc;
    Flow flow;
    Builder b(flow, doc, fonts, Hyphenator::shared("nb"));
    const Context ctx = b.body();
    b.heading("Overskrift", 1, "h", 1, ctx);
    b.heading("Underoverskrift", 3, "", 0, ctx);  // an H2 in the tree: no skipped level
    std::string text;
    for (int i = 0; i < 30; ++i) {
        text += "Ord som fyller linjene i et avsnitt. ";
    }
    TextStyle link;
    link.url = "https://www.helsedirektoratet.no/";
    b.paragraph({{text, {}}, {"lenken", link}}, ctx);
    b.bullets({words("første punkt"), words("andre punkt")}, ctx);
    TableSpec table;
    table.row_headers = true;
    table.rows.push_back({words("Region"), words("Antall")});
    table.rows.push_back({words("Helse Vest"), words("8")});
    b.table(table, ctx);
    b.bar_chart("Pasienter", {{"Helse Vest", 8, "8"}, {"Helse Nord", 3, "3"}}, ctx);
    flow.paginate(Frame{}, doc);
    REQUIRE(doc.pages.size() == 1);

    std::vector<Tag> tags;
    for (const auto& e : doc.elements) {
        CHECK(e.parent < static_cast<int>(&e - doc.elements.data()));  // parents come first
        tags.push_back(e.tag);
    }
    const std::vector<Tag> expected{
        Tag::heading1,  Tag::heading2,     Tag::paragraph,  Tag::link,         Tag::list,
        Tag::list_item, Tag::label,        Tag::list_body,  Tag::list_item,    Tag::label,
        Tag::list_body, Tag::table,        Tag::table_row,  Tag::table_header, Tag::table_header,
        Tag::table_row, Tag::table_header, Tag::table_cell, Tag::figure};
    CHECK(tags == expected);
    CHECK(doc.elements[13].scope == Scope::column);
    CHECK(doc.elements[16].scope == Scope::row);
    CHECK(doc.elements[18].alt == "Pasienter: Helse Vest 8; Helse Nord 3.");

    const Page& page = doc.pages.front();
    int paragraph_lines = 0;
    for (std::size_t i = 0; i < page.texts.size(); ++i) {
        const TextRun& run = page.texts[i];
        REQUIRE(run.element >= 0);  // no running head here: everything is content
        if (run.element == 2 && i + 1 < page.texts.size() && page.texts[i + 1].element == 2) {
            // A wrapped line ends with a space, so the words stay apart in the tagged text.
            ++paragraph_lines;
            CHECK_MESSAGE((run.text.back() == ' ' || run.text.back() == '-'), run.text);
        }
    }
    CHECK(paragraph_lines >= 3);
    CHECK(page.texts.back().text.back() != ' ');
    REQUIRE(page.links.size() == 1);
    CHECK(page.links.front().element == 3);
    CHECK(page.rects.back().element == 18);  // the chart's bars belong to the figure
}

TEST_CASE("pdf structure: a repeated header row is an artifact") {
    const FontSet& fonts = FontSet::shared();
    Document doc;
    Flow flow;
    Builder b(flow, doc, fonts, Hyphenator::shared("nb"));
    TableSpec table;
    table.rows.push_back({words("Region"), words("Antall")});
    for (int i = 0; i < 100; ++i) {
        table.rows.push_back({words("Rad " + std::to_string(i)), words(std::to_string(i))});
    }
    b.table(table, b.body());
    flow.paginate(Frame{}, doc);
    REQUIRE(doc.pages.size() >= 2);
    CHECK(doc.pages[0].texts.front().text == "Region");
    CHECK(doc.pages[0].texts.front().element >= 0);
    CHECK(doc.pages[1].texts.front().text == "Region");
    CHECK(doc.pages[1].texts.front().element == no_element);
    CHECK(doc.pages[1].texts.back().element >= 0);
}
