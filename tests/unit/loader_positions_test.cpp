// Tests for rv::load::load_content on a copy of examples/minimal: values and Markdown
// nodes in the model carry the file, line and column they came from, and Content::files
// lists the files of each report folder.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "load/content_loader.hpp"

namespace fs = std::filesystem;

namespace {

// A private copy of examples/minimal (forms/ and regions.json copied as files).
using ContentCopy = rv::test::TempContent;
using rv::test::read_file;
using rv::test::replace_once;
using rv::test::write_file;

std::string diagnostics_text(const rv::model::Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        out += d.code + " " + d.at.file + ":" + std::to_string(d.at.line) + ":" +
               std::to_string(d.at.column) + "\n";
    }
    return out;
}

const rv::model::Report& only_report(const rv::load::LoadResult& result) {
    REQUIRE(result.content.services.size() == 1);
    REQUIRE(result.content.services[0].reports.size() == 1);
    return result.content.services[0].reports[0];
}

const rv::model::MarkdownNode* first_heading(const rv::model::MarkdownNode& node) {
    if (node.kind == rv::model::MarkdownKind::heading) {
        return &node;
    }
    for (const auto& child : node.children) {
        if (const auto* found = first_heading(child)) {
            return found;
        }
    }
    return nullptr;
}

bool same_file(const std::string& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(fs::path(a), b, ec);
}

}  // namespace

TEST_CASE("loader: the example loads without findings and with its report") {
    ContentCopy copy;
    const auto result = rv::load::load_content(copy.content());
    INFO(diagnostics_text(result.diagnostics));
    CHECK(result.usable);
    CHECK(result.diagnostics.empty());
    const auto& report = only_report(result);
    CHECK(report.data_loaded);
    CHECK(report.folder_year == 2023);
    CHECK(report.year == 2023);
    CHECK(same_file(report.file, copy.report_dir() / "report.json"));
}

TEST_CASE("loader: a report's total_treated knows its file, line and column") {
    ContentCopy copy;
    // Put non-ASCII text before the value on its line: columns count characters.
    replace_once(copy.report_dir() / "report.json", "\"total_treated\": 22",
                 "\"note\": \"Tal frå Helse Sør-Øst\", \"total_treated\": 22");
    const auto result = rv::load::load_content(copy.content());
    INFO(diagnostics_text(result.diagnostics));
    REQUIRE(result.usable);
    CHECK(result.diagnostics.empty());
    const auto& report = only_report(result);
    REQUIRE(report.patients.has_value());
    REQUIRE(report.patients->total_treated.has_value());
    const rv::model::Number& total = *report.patients->total_treated;
    CHECK(total.value == 22);
    CHECK(same_file(total.at.file, copy.report_dir() / "report.json"));
    CHECK(total.at.line == 14);
    // `    "note": "Tal frå Helse Sør-Øst", "total_treated": 22` – 55 characters, 58 bytes.
    CHECK(total.at.column == 55);
    CHECK(report.patients->note == "Tal frå Helse Sør-Øst");

    // A per-region figure points at its own value.
    const auto& counts = report.patients->new_treated;
    const auto vest = std::find_if(counts.begin(), counts.end(),
                                   [](const auto& c) { return c.region == "helse-vest"; });
    REQUIRE(vest != counts.end());
    CHECK(vest->count.value == 5);
    CHECK(vest->count.at.line == 9);
    CHECK(vest->count.at.column == 21);

    // Staff entries point at their object in the list.
    REQUIRE(report.staff.size() == 2);
    REQUIRE(report.staff[1].count.has_value());
    CHECK(report.staff[1].count->value == 3);
    CHECK(report.staff[1].at.line == 21);
    CHECK(report.staff[1].at.column == 5);
    CHECK(report.staff[1].count->at.line == 21);
    CHECK(report.staff[1].count->at.column == 41);
}

TEST_CASE("loader: a Markdown heading in a section has its line and column") {
    ContentCopy copy;
    // An optional section of the form, with an indented heading after non-ASCII text.
    write_file(copy.report_dir() / "utfordringer.md",
               "Økt ventetid på grunn av færre operasjonsstuer.\n\n   ## Bemanning på sykehuset\n");
    const auto result = rv::load::load_content(copy.content());
    INFO(diagnostics_text(result.diagnostics));
    REQUIRE(result.usable);
    const auto& report = only_report(result);

    const rv::model::Section* innhold = report.find_section("innhold");
    REQUIRE(innhold != nullptr);
    CHECK(innhold->has_content);
    CHECK(same_file(innhold->file, copy.report_dir() / "innhold.md"));
    const auto* heading = first_heading(innhold->document);
    REQUIRE(heading != nullptr);
    CHECK(heading->level == 2);
    CHECK(rv::model::plain_text(*heading) == "Avgrensning");
    CHECK(heading->line == 3);
    CHECK(heading->column == 1);

    const rv::model::Section* utfordringer = report.find_section("utfordringer");
    REQUIRE(utfordringer != nullptr);
    const auto* indented = first_heading(utfordringer->document);
    REQUIRE(indented != nullptr);
    CHECK(rv::model::plain_text(*indented) == "Bemanning på sykehuset");
    CHECK(indented->line == 3);
    CHECK(indented->column == 4);

    // Sections are read in file-name order, one per .md file.
    std::vector<std::string> ids;
    for (const auto& section : report.sections) {
        ids.push_back(section.id);
    }
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    CHECK(ids.size() == 11);
}

TEST_CASE("loader: Content::files lists every file of the report folder") {
    ContentCopy copy;
    write_file(copy.report_dir() / "vedlegg" / "plan.pdf", "%PDF-1.4\n");
    write_file(copy.report_dir() / "bilder" / "figur 1.png", "png");
    const auto result = rv::load::load_content(copy.content());
    INFO(diagnostics_text(result.diagnostics));
    REQUIRE(result.usable);

    const std::string prefix = "services/eksempeltjeneste/2023/";
    std::set<std::string> expected;
    for (const char* name :
         {"aktivitet.md", "fagmiljo.md", "forskning.md", "henvisning.md", "innhold.md",
          "kompetansespredning.md", "kort-fortalt.md", "kvalitet.md", "report.json",
          "sammendrag.md", "tilgjengelighet.md", "vedlegg/plan.pdf", "bilder/figur 1.png"}) {
        expected.insert(prefix + name);
    }
    std::set<std::string> in_report;
    for (const auto& file : result.content.files) {
        if (file.rfind(prefix, 0) == 0) {
            in_report.insert(file);
        }
    }
    CHECK(in_report == expected);
    // Paths are relative to the content root, never absolute.
    for (const auto& file : result.content.files) {
        CHECK_FALSE(fs::path(file).is_absolute());
        CHECK(fs::exists(copy.content() / file));
    }
}
