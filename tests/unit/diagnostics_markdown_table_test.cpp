// Diagnostics and captions of Markdown tables (RV058): the line "Tabell …" right above a
// table is its title, shown as the table's caption. In a diagnostics_*.cpp file because
// the catalogue test looks for each code's TEST_CASE in these files.
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"
#include "site_files_fixture.hpp"

using namespace rv::test;

namespace {
const std::string section_file = "services/eksempeltjeneste/2023/aktivitet.md";
const std::string table = "| År | Operasjoner |\n|---|---:|\n| 2023 | 41 |\n";
}  // namespace

TEST_CASE("RV058: a Markdown table without a title line above it") {
    const TempContent content;
    content.write(section_file, "Aktiviteten økte.\n\n" + table);
    const auto result = content.check();
    const auto at = content.at(section_file, "| År");
    const auto d = expect_one(result, "RV058", Severity::warning, content.file(section_file),
                              at.line, at.column);
    CHECK(rv::messages::format(d, "nb").find("«Tabell 1: Operasjoner per år»") !=
          std::string::npos);
    CHECK(codes(result) == "RV058");
    // The page still captions it, with the section's name.
    const fs::path site = build(content);
    const std::string page = read_file(site / "eksempeltjeneste/2023/index.html");
    CHECK(contains(page, "<caption>Tabell i avsnittet «Aktivitet»</caption>"));
    CHECK(contains(page, "<p>Aktiviteten økte.</p>"));
}

TEST_CASE("RV058 is not given for a table with a title line; the line becomes its caption") {
    const TempContent content;
    content.write(section_file, "Aktiviteten økte.\n\nTabell 1: Operasjoner *per år*\n\n" + table);
    const auto result = content.check();
    INFO(describe(result));
    CHECK(find(result, "RV058").empty());
    const fs::path site = build(content);
    const std::string page = read_file(site / "eksempeltjeneste/2023/index.html");
    CHECK(contains(page, "<caption>Tabell 1: Operasjoner <em>per år</em></caption>"));
    CHECK_FALSE(contains(page, "<p>Tabell 1"));  // not also shown as a paragraph
    // A paragraph that merely starts with the word is no title.
    rv::model::MarkdownNode paragraph;
    paragraph.kind = rv::model::MarkdownKind::paragraph;
    rv::model::MarkdownNode text;
    text.kind = rv::model::MarkdownKind::text;
    text.text = "Tabellene viser tallene.";
    paragraph.children.push_back(text);
    CHECK_FALSE(rv::model::is_table_caption(paragraph));
    paragraph.children[0].text = "Tabell: tallene";
    CHECK(rv::model::is_table_caption(paragraph));
}
