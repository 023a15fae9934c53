// Tests for `rapportverk new SLUG YEAR` through rv::cli::run on a copy of examples/minimal:
// the files of the new year, what is carried over, what check then reports, and that a
// second run or an unknown service changes nothing.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "fixture.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using Workspace = rv::test::TempContent;
using rv::test::contains;
using rv::test::names_in;
using rv::test::snapshot;
using Run = rv::test::CliRun;
using rv::test::read_file;

Run run(const std::vector<std::string>& args) {
    return rv::test::run_cli(args);
}

Run run_new(const Workspace& ws, const std::string& slug, const std::string& year) {
    return run({"new", slug, year, "--content", ws.content().string()});
}

// The sections of the form for the example's service type that apply in `year`.
std::vector<json> form_sections(const Workspace& ws, int year) {
    const json form = json::parse(read_file(ws.content() / "forms" / "behandlingstjeneste.json"));
    std::vector<json> out;
    for (const auto& section : form.at("sections")) {
        const int from = section.value("from_year", 0);
        const int to = section.value("to_year", 0);
        if ((from == 0 || from <= year) && (to == 0 || year <= to)) {
            out.push_back(section);
        }
    }
    return out;
}

bool required(const json& section) {
    const json& r = section.at("required");
    if (r.is_boolean()) {
        return r.get<bool>();
    }
    return std::find(r.begin(), r.end(), "nasjonal-behandlingstjeneste") != r.end();
}

bool under(const std::string& file, const fs::path& dir) {
    const std::string prefix = dir.string() + "/";
    return file.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("new: creates the year folder with report.json and one file per section") {
    Workspace ws;
    const auto before_2023 = snapshot(ws.service_dir() / "2023");
    const Run result = run_new(ws, "eksempeltjeneste", "2024");
    INFO(result.out << result.err);
    REQUIRE(result.code == 0);
    CHECK(contains(result.out, "Opprettet"));

    const fs::path dir = ws.service_dir() / "2024";
    REQUIRE(fs::is_directory(dir));
    // Nothing else appears beside the new folder (no staging folder), 2023 is untouched.
    CHECK(names_in(ws.service_dir()) == std::set<std::string>{"2023", "2024", "service.json"});
    CHECK(snapshot(ws.service_dir() / "2023") == before_2023);

    const json report = json::parse(read_file(dir / "report.json"));
    CHECK(report.at("service") == "eksempeltjeneste");
    CHECK(report.at("year") == 2024);
    CHECK(report.at("language") == "nb");
    CHECK_FALSE(report.contains("patients"));
    CHECK_FALSE(report.contains("goals"));
    CHECK_FALSE(report.contains("activity"));

    const json previous = json::parse(read_file(ws.service_dir() / "2023" / "report.json"));
    // Staff and reference group members carry over unchanged.
    CHECK(report.at("staff") == previous.at("staff"));
    CHECK(report.at("registries") == previous.at("registries"));
    REQUIRE(report.contains("reference_group"));
    CHECK(report.at("reference_group").at("members") ==
          previous.at("reference_group").at("members"));
    // What belongs to a year is not carried over.
    CHECK_FALSE(report.at("reference_group").contains("meetings"));
    CHECK_FALSE(report.at("reference_group").contains("approved_report"));

    // One Markdown file per section of the 2024 form, nothing more.
    std::set<std::string> expected = {"report.json"};
    const auto sections = form_sections(ws, 2024);
    for (const auto& section : sections) {
        expected.insert(section.at("id").get<std::string>() + ".md");
    }
    CHECK(expected.count("referansegruppe.md") == 1);  // starts in 2024
    CHECK(names_in(dir) == expected);
    CHECK(contains(result.out, std::to_string(sections.size()) + " seksjoner"));

    // Each file holds the section's guidance as one HTML comment and no text.
    for (const auto& section : sections) {
        const std::string id = section.at("id").get<std::string>();
        CAPTURE(id);
        const std::string text = read_file(dir / (id + ".md"));
        CHECK(text.rfind("<!--", 0) == 0);
        const auto end = text.rfind("-->");
        REQUIRE(end != std::string::npos);
        CHECK(text.find_first_not_of(" \r\n", end + 3) == std::string::npos);
        const std::string inside = text.substr(4, end - 4);
        CHECK_FALSE(contains(inside, "--"));
        CHECK(contains(inside, section.at("title").at("nb").get<std::string>()));
        const std::string guidance = section.at("guidance").at("nb").get<std::string>();
        if (!contains(guidance, "--")) {
            CHECK(contains(inside, guidance));
        }
    }
}

TEST_CASE("new: check then reports the new year as incomplete, without schema errors") {
    Workspace ws;
    REQUIRE(run_new(ws, "eksempeltjeneste", "2024").code == 0);
    const fs::path dir = ws.service_dir() / "2024";

    const rv::cli::CheckResult result = rv::cli::check_content(ws.content().string());
    CHECK(result.usable);
    CHECK(result.reports == 2);

    std::multiset<std::string> codes_2024;
    std::set<std::string> missing_fields;
    std::set<std::string> empty_sections;
    std::string listing;
    for (const auto& d : result.diagnostics) {
        listing += d.code + " " + d.at.file + "\n";
        // No reading or schema problem anywhere.
        CHECK_MESSAGE(d.code.rfind("RV1", 0) != 0, d.code << " " << d.at.file);
        CHECK_MESSAGE(d.code != "RV001", d.at.file);
        CHECK_MESSAGE(d.code != "RV002", d.at.file);
        CHECK_MESSAGE(under(d.at.file, dir),
                      "finding outside 2024: " << d.code << " " << d.at.file);
        if (!under(d.at.file, dir)) {
            continue;
        }
        codes_2024.insert(d.code);
        if (d.severity != rv::model::Severity::warning) {
            CHECK_MESSAGE((d.code == "RV030" || d.code == "RV031" || d.code == "RV033"), d.code);
        }
        if (d.code == "RV031") {
            missing_fields.insert(d.args.at(0));
        }
        if (d.code == "RV033") {
            empty_sections.insert(d.args.at(0));
            CHECK(d.at.file == (dir / (d.args.at(0) + ".md")).string());
        }
    }
    INFO(listing);
    CHECK(codes_2024.count("RV031") > 0);
    CHECK(codes_2024.count("RV033") > 0);
    CHECK(rv::model::has_errors(result.diagnostics, false));

    // Every required section of 2024 is reported empty, including referansegruppe.
    std::set<std::string> required_ids;
    for (const auto& section : form_sections(ws, 2024)) {
        if (required(section)) {
            required_ids.insert(section.at("id").get<std::string>());
        }
    }
    CHECK(empty_sections == required_ids);
    CHECK(empty_sections.count("referansegruppe") == 1);
    // The figures of the year are missing; what was carried over is not.
    CHECK(missing_fields.count("patients.new_treated") == 1);
    CHECK(missing_fields.count("patients.total_treated") == 1);
    CHECK(missing_fields.count("reference_group.meetings") == 1);
    CHECK(missing_fields.count("staff") == 0);
    CHECK(missing_fields.count("reference_group.members") == 0);
}

TEST_CASE("new: running it again for the same year changes nothing") {
    Workspace ws;
    REQUIRE(run_new(ws, "eksempeltjeneste", "2024").code == 0);
    // The service starts writing its report.
    {
        std::ofstream out(ws.service_dir() / "2024" / "kort-fortalt.md", std::ios::app);
        out << "Tjenesten behandlet 24 pasienter.\n";
    }
    const auto before = snapshot(ws.content());

    const Run again = run_new(ws, "eksempeltjeneste", "2024");
    INFO(again.out << again.err);
    CHECK(again.code == 1);
    CHECK(contains(again.err, "finnes allerede"));
    CHECK(contains(again.err, (ws.service_dir() / "2024").string()));
    CHECK(snapshot(ws.content()) == before);
}

TEST_CASE("new: an unknown service exits 1 with a message and creates nothing") {
    Workspace ws;
    const auto before = snapshot(ws.content());
    const Run result = run_new(ws, "ukjent-tjeneste", "2024");
    INFO(result.out << result.err);
    CHECK(result.code == 1);
    CHECK(contains(result.err, "ukjent-tjeneste"));
    CHECK(contains(result.err, "finnes ikke"));
    CHECK(snapshot(ws.content()) == before);

    // A year that is not four digits is a usage error.
    const Run bad_year = run({"new", "eksempeltjeneste", "24", "--content", ws.content().string()});
    CHECK(bad_year.code == 2);
    CHECK(contains(bad_year.err, "--help"));
    CHECK(snapshot(ws.content()) == before);
}
