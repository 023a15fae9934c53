// Tests of the written PDF of examples/minimal, read back with poppler and qpdf: fonts
// embedded with ToUnicode, Norwegian text extracts, sections in order, the contents'
// page numbers match the headings' pages, metadata, the structure tree of the tagged PDF,
// byte-identical rebuilds.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "fixture.hpp"
#include "render/pdf/document_layout.hpp"
#include "render/pdf/pdf_output.hpp"

namespace fs = std::filesystem;

namespace {

class PdfWorkspace {
  public:
    PdfWorkspace() {
        std::string pattern = (fs::temp_directory_path() / "rv-pdf-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        base_ = pattern;
        copy_tree(fs::path(RV_SOURCE_DIR) / "examples" / "minimal", content());
    }
    ~PdfWorkspace() {
        std::error_code ec;
        fs::remove_all(base_, ec);
    }
    PdfWorkspace(const PdfWorkspace&) = delete;
    PdfWorkspace& operator=(const PdfWorkspace&) = delete;

    fs::path content() const { return base_ / "content"; }
    fs::path file(const std::string& name) const { return base_ / name; }

  private:
    fs::path base_;

    static void copy_tree(const fs::path& from, const fs::path& to) {
        fs::create_directories(to);
        for (const auto& entry : fs::directory_iterator(from)) {
            const fs::path target = to / entry.path().filename();
            if (fs::is_directory(entry.path())) {  // follows links: real copies
                copy_tree(entry.path(), target);
            } else {
                fs::copy_file(entry.path(), target);
            }
        }
    }
};

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

constexpr long long date = 1700000000;  // 2023-11-14

struct Built {
    rv::cli::CheckResult checked;
    std::string bytes;
};

Built build_minimal(const PdfWorkspace& ws) {
    Built b;
    b.checked = rv::cli::check_content(ws.content().string());
    REQUIRE(b.checked.usable);
    REQUIRE(b.checked.content.services.size() == 1);
    const auto& service = b.checked.content.services.front();
    REQUIRE(service.reports.size() == 1);
    b.bytes = rv::pdf::report_pdf(b.checked.content, service, service.reports.front(), date).bytes;
    return b;
}

// The page (1-based) whose text holds `needle`, 0 when none.
int page_of(const std::string& pdf, int pages, const std::string& needle) {
    for (int p = 1; p <= pages; ++p) {
        const std::string text = rv::test::shell("pdftotext -f " + std::to_string(p) + " -l " +
                                                 std::to_string(p) + " -enc UTF-8 " + pdf + " -");
        if (text.find(needle) != std::string::npos) {
            return p;
        }
    }
    return 0;
}

}  // namespace

TEST_CASE("pdf output: the minimal example reads back with poppler and qpdf") {
    PdfWorkspace ws;
    const Built built = build_minimal(ws);
    REQUIRE(built.bytes.rfind("%PDF-1.7", 0) == 0);
    const std::string pdf = ws.file("rapport.pdf").string();
    write(pdf, built.bytes);

    const std::string check = rv::test::shell("qpdf --check " + pdf);
    INFO(check);
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.find("WARNING") == std::string::npos);

    const std::string fonts = rv::test::shell("pdffonts " + pdf);
    INFO(fonts);
    int font_lines = 0;
    std::istringstream lines(fonts);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("CID TrueType") != std::string::npos) {
            ++font_lines;
            CHECK(line.find("yes yes yes") != std::string::npos);  // emb sub uni
        }
    }
    CHECK(font_lines >= 2);

    const std::string info = rv::test::shell("pdfinfo " + pdf);
    INFO(info);
    CHECK(info.find("Title:           Årsrapport 2023: Nasjonal behandlingstjeneste for "
                    "eksempelkirurgi") != std::string::npos);
    CHECK(info.find("Author:          Nasjonal behandlingstjeneste") != std::string::npos);
    CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.find("CreationDate:    Tue Nov 14 22:13:20 2023") != std::string::npos);
    CHECK(rv::test::shell("pdfinfo " + pdf + " 2>&1 | grep -c Syntax") == "0\n");

    const std::string text = rv::test::shell("pdftotext -enc UTF-8 " + pdf + " -");
    INFO(text);
    CHECK(text.find("ø") != std::string::npos);
    CHECK(text.find("å") != std::string::npos);
    CHECK(text.find("Side 2 av") != std::string::npos);
    CHECK(text.find("Helse Sør-Øst") != std::string::npos);
    CHECK(text.find("Laget med Rapportverk 2023-11-14.") != std::string::npos);
    // The sections in the form's order, then the figures.
    std::size_t at = text.find("Side 2 av");  // after the contents
    for (const char* heading :
         {"1 Kort fortalt", "2 Sammendrag", "3 Tjenestens innhold", "Avgrensning", "4 Henvisning",
          "Tall for 2023", "Nye pasienter per helseregion i 2023", "Kvalitetsregistre",
          "Referansegruppen"}) {
        const auto found = text.find(heading, at);
        CHECK_MESSAGE(found != std::string::npos, std::string(heading));
        if (found != std::string::npos) {
            at = found;
        }
    }
}

TEST_CASE("pdf output: the contents' page numbers are the pages of the headings") {
    PdfWorkspace ws;
    const Built built = build_minimal(ws);
    const auto& service = built.checked.content.services.front();
    const rv::pdf::Document doc = rv::pdf::layout_report(
        built.checked.content, service, service.reports.front(), rv::pdf::FontSet::shared(), date);
    const std::string pdf = ws.file("toc.pdf").string();
    write(pdf, built.bytes);
    const int pages = static_cast<int>(doc.pages.size());
    const std::string contents =
        rv::test::shell("pdftotext -f 2 -l 2 -layout -enc UTF-8 " + pdf + " -");
    INFO(contents);
    int checked = 0;
    for (const auto& entry : doc.outline) {
        if (entry.level != 1) {
            continue;
        }
        const int page = doc.anchors.at(entry.anchor).page + 1;
        // The contents line ends with the page number…
        const auto line = contents.find(entry.title);
        REQUIRE_MESSAGE(line != std::string::npos, entry.title);
        const std::string rest = contents.substr(line, contents.find('\n', line) - line);
        CHECK_MESSAGE(rest.size() > std::to_string(page).size(), rest);
        CHECK(rest.substr(rest.size() - std::to_string(page).size()) == std::to_string(page));
        // …and that page of the PDF holds the heading.
        const std::string page_text =
            rv::test::shell("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) +
                            " -enc UTF-8 " + pdf + " -");
        CHECK_MESSAGE(
            page_text.find(entry.title.substr(entry.title.find(' ') + 1)) != std::string::npos,
            entry.title);
        ++checked;
    }
    CHECK(checked >= 5);
    CHECK(page_of(pdf, pages, "Innhold") == 2);
}

TEST_CASE("pdf output: two builds give the same bytes") {
    PdfWorkspace ws;
    const Built first = build_minimal(ws);
    const Built second = build_minimal(ws);
    CHECK(first.bytes == second.bytes);
    CHECK(first.bytes.size() < 64 * 1024);
}

TEST_CASE("pdf output: hard content does not crash the layout") {
    PdfWorkspace ws;
    const fs::path dir = ws.content() / "services" / "eksempeltjeneste" / "2023";
    std::string md = "# Lang\n\n" + std::string(2000, 'x') + "\n\n| a | b |\n|---|---|\n";
    for (int i = 0; i < 300; ++i) {
        md += "| rad " + std::to_string(i) + " | stamcelletransplantasjon ≥ 5 « » – € − æ |\n";
    }
    md += "\n> sitat\n>\n> - liste\n>   1. nummer\n\n```\nkode\n```\n\n---\n\n![bilde](x.png)\n";
    write(dir / "innhold.md", md);
    write(dir / "sammendrag.md", "");
    const Built built = build_minimal(ws);
    const std::string pdf = ws.file("hard.pdf").string();
    write(pdf, built.bytes);
    const std::string check = rv::test::shell("qpdf --check " + pdf);
    INFO(check);
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
    const std::string text = rv::test::shell("pdftotext -enc UTF-8 " + pdf + " -");
    CHECK(text.find("≥ 5 « » – € − æ") != std::string::npos);
    CHECK(text.find("Kompetansespredning") != std::string::npos);
    CHECK(text.find("stamcelle") != std::string::npos);
}

// A yearly volume of a hundred reports has more structure elements than two bytes can
// number: the cross-reference stream must still find every one of them.
TEST_CASE("pdf output: a structure tree of more than 65 535 elements reads back whole") {
    PdfWorkspace ws;
    const fs::path dir = ws.content() / "services" / "eksempeltjeneste" / "2023";
    std::string md = "## Mange punkter\n\n";
    for (int i = 0; i < 23000; ++i) {
        md += "- punkt " + std::to_string(i) + "\n";
    }
    md += "\nSiste avsnitt etter listen.\n";
    write(dir / "innhold.md", md);
    const Built built = build_minimal(ws);
    const std::string pdf = ws.file("mange.pdf").string();
    write(pdf, built.bytes);
    const std::string tree = rv::test::shell("pdfinfo -struct " + pdf);
    std::size_t items = 0;
    for (auto at = tree.find("LI ("); at != std::string::npos; at = tree.find("LI (", at + 1)) {
        ++items;
    }
    CHECK(items >= 23000);
    CHECK(std::count(tree.begin(), tree.end(), '\n') > 65535);
    CHECK(rv::test::shell("qpdf --check " + pdf).find("No syntax or stream encoding errors") !=
          std::string::npos);
}

TEST_CASE("pdf output: the PDF is tagged, with a structure tree in reading order") {
    PdfWorkspace ws;
    const fs::path md = ws.content() / "services" / "eksempeltjeneste" / "2023" / "innhold.md";
    std::ifstream in(md);
    std::stringstream original;
    original << in.rdbuf();
    in.close();
    write(md, original.str() +
                  "\nLes mer hos [Helsedirektoratet](https://www.helsedirektoratet.no/).\n");
    const Built built = build_minimal(ws);
    const std::string pdf = ws.file("tagged.pdf").string();
    write(pdf, built.bytes);

    const std::string check = rv::test::shell("qpdf --check " + pdf);
    INFO(check);
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.find("WARNING") == std::string::npos);
    CHECK(rv::test::shell("pdfinfo " + pdf).find("Tagged:          yes") != std::string::npos);

    const std::string tree = rv::test::shell("pdfinfo -struct-text " + pdf);
    INFO(tree);
    REQUIRE(tree.rfind("Document\n", 0) == 0);
    CHECK(tree.find("Syntax") == std::string::npos);
    // Headings in order, at their levels, each with its text.
    std::size_t at = 0;
    for (const char* heading :
         {"H1 (block)\n    \"Nasjonal behandlingstjeneste", "H1 (block)\n    \"Innhold\"",
          "H1 (block)\n    \"1\u2002Kort fortalt\"",
          "H1 (block)\n    \"3\u2002Tjenestens innhold\"", "H2 (block)\n    \"Avgrensning\"",
          "H1 (block)\n    \"Tall for 2023\"", "H2 (block)\n    \"Kvalitetsregistre\""}) {
        const auto found = tree.find(heading, at);
        CHECK_MESSAGE(found != std::string::npos, std::string(heading));
        at = found == std::string::npos ? at : found;
    }
    for (const char* element :
         {"  TOC\n    TOCI\n      Link (inline)\n        \"1 Kort fortalt 3", "  P (block)\n",
          "  L (block)\n    LI (block)\n      Lbl (block)", "LBody (block)",
          "  Table (block)\n    Caption\n",
          "      TH:\n         /Scope /Column\n        \"Helseregion\"",
          "      TH:\n         /Scope /Row\n        \"Helse Sør-Øst\"", "      TD\n", "  Figure:\n",
          "    Link (inline)\n      \"Helsedirektoratet\"\n      Object"}) {
        CHECK_MESSAGE(tree.find(element) != std::string::npos, std::string(element));
    }
    // Running heads and page numbers are artifacts, outside the tree.
    CHECK(tree.find("Side ") == std::string::npos);
    CHECK(tree.find("\u2013 Årsrapport 2023") == std::string::npos);

    // The objects behind it, uncompressed.
    const std::string qdf = ws.file("tagged-qdf.pdf").string();
    rv::test::shell("qpdf --qdf --object-streams=disable " + pdf + " " + qdf);
    std::ifstream raw(qdf, std::ios::binary);
    std::stringstream bytes;
    bytes << raw.rdbuf();
    const std::string objects = bytes.str();
    for (const char* key : {"/MarkInfo <<\n    /Marked true", "/StructTreeRoot ", "/ParentTree",
                            "/ParentTreeNextKey", "/StructParents 0", "/StructParent ",
                            "/Type /OBJR", "/Lang (nb)", "/DisplayDocTitle true",
                            "/Alt (Nye pasienter behandlet per helseregion i 2023: Helse S"}) {
        CHECK_MESSAGE(objects.find(key) != std::string::npos, std::string(key));
    }
}
