// Tests of the inline SVG chart of new patients per region on the report page: it parses
// as XML, carries its text alternative, draws one bar per region in the right proportions
// with every figure as text, names the finding, and is left out without patients.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <tinyxml2.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "fixture.hpp"
#include "render/html/svg_chart.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;

namespace {

using Workspace = rv::test::TempContent;
using rv::test::build;
using rv::test::contains;
using rv::test::read_file;

// The first <svg …>…</svg> of the page.
std::string svg_of(const std::string& page) {
    const auto start = page.find("<svg");
    REQUIRE(start != std::string::npos);
    const auto end = page.find("</svg>", start);
    REQUIRE(end != std::string::npos);
    return page.substr(start, end + 6 - start);
}

std::string text_of(const tinyxml2::XMLElement* element) {
    return element && element->GetText() ? element->GetText() : "";
}

struct Row {
    std::string label;
    std::string value;
    double width = -1;  // no bar
};

std::vector<Row> rows_of(const tinyxml2::XMLElement* svg) {
    std::vector<Row> rows;
    for (auto* g = svg->FirstChildElement("g"); g; g = g->NextSiblingElement("g")) {
        Row row;
        for (auto* e = g->FirstChildElement(); e; e = e->NextSiblingElement()) {
            const std::string cls = e->Attribute("class") ? e->Attribute("class") : "";
            if (cls == "chart-label") {
                row.label = text_of(e);
            } else if (cls == "chart-value") {
                row.value = text_of(e);
            } else if (cls == "chart-bar") {
                row.width = e->DoubleAttribute("width", -1);
            }
        }
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

TEST_CASE("the report page shows new patients per region as an accessible SVG chart") {
    Workspace ws;
    build(ws);
    const std::string page = read_file(ws.page());
    const std::string svg = svg_of(page);

    tinyxml2::XMLDocument doc;
    REQUIRE(doc.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = doc.RootElement();
    REQUIRE(root != nullptr);
    CHECK(std::string(root->Name()) == "svg");
    CHECK(std::string(root->Attribute("role")) == "img");
    CHECK(root->Attribute("viewBox") != nullptr);
    CHECK(std::string(root->Attribute("width")) == "100%");

    const auto* title = root->FirstChildElement("title");
    const auto* desc = root->FirstChildElement("desc");
    REQUIRE(title != nullptr);
    REQUIRE(desc != nullptr);
    const std::string title_id = title->Attribute("id");
    const std::string desc_id = desc->Attribute("id");
    CHECK(std::string(root->Attribute("aria-labelledby")) == title_id + " " + desc_id);
    // The ids are unique on the page.
    CHECK(page.find("id=\"" + title_id + "\"") == page.rfind("id=\"" + title_id + "\""));

    // The finding names the region with the most patients; the overview gives every figure.
    CHECK(text_of(title) == "Flest nye pasienter fra Helse Sør-Øst");
    CHECK(contains(text_of(desc), "12 fra Helse Sør-Øst"));
    CHECK(contains(text_of(desc), "og 2 fra Helse Nord"));
    CHECK(contains(text_of(desc), "til sammen 22."));

    const auto rows = rows_of(root);
    REQUIRE(rows.size() == 4);
    const std::map<std::string, std::string> expected = {{"Helse Sør-Øst", "12"},
                                                         {"Helse Vest", "5"},
                                                         {"Helse Midt-Norge", "3"},
                                                         {"Helse Nord", "2"}};
    for (const auto& row : rows) {
        INFO(row.label);
        REQUIRE(expected.count(row.label) == 1);
        CHECK(row.value == expected.at(row.label));
        CHECK(row.width > 0);
    }
    // Lengths in proportion to 12 / 5 / 3 / 2.
    const double unit = rows[0].width / 12.0;
    CHECK(rows[0].label == "Helse Sør-Øst");
    CHECK(rows[1].width == doctest::Approx(5 * unit).epsilon(0.01));
    CHECK(rows[2].width == doctest::Approx(3 * unit).epsilon(0.01));
    CHECK(rows[3].width == doctest::Approx(2 * unit).epsilon(0.01));

    // In a figure right after the patients table, with the finding, overview and source.
    const auto table_end = page.find("</table>", page.find("<caption>Nye pasienter per"));
    const auto figure = page.find("<figure class=\"chart\">");
    REQUIRE(figure != std::string::npos);
    CHECK(table_end < figure);
    CHECK(page.find("<table", table_end) > figure);
    const auto caption = page.substr(figure, page.find("</figure>", figure) - figure);
    CHECK(contains(caption, "<figcaption>"));
    CHECK(contains(caption, "Flest nye pasienter fra Helse Sør-Øst"));
    CHECK(contains(caption, "Kilde: tjenestens årsrapport for 2023."));
}

TEST_CASE(
    "the second chart shows new patients per 100 000 inhabitants, computed from regions.json") {
    Workspace ws;
    build(ws);
    const std::string page = read_file(ws.page());
    const auto start = page.find("<svg");
    const auto second = page.find("<svg", start + 4);
    REQUIRE(second != std::string::npos);
    const std::string svg = page.substr(second, page.find("</svg>", second) + 6 - second);
    tinyxml2::XMLDocument doc;
    REQUIRE(doc.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = doc.RootElement();
    CHECK(std::string(root->Attribute("id")) == "chart-rates");
    CHECK(std::string(root->Attribute("role")) == "img");

    // The rate of each region from its population in regions.json (the sum of its counties).
    const auto regions = nlohmann::json::parse(read_file(ws.path() / "regions.json"))["regions"];
    const std::map<std::string, double> counts = {
        {"Helse Sør-Øst", 12}, {"Helse Vest", 5}, {"Helse Midt-Norge", 3}, {"Helse Nord", 2}};
    std::map<std::string, std::string> expected;
    std::string leader;
    double best = 0;
    for (const auto& region : regions) {
        double population = 0;
        for (const auto& county : region["counties"]) {
            population += county["population"]["count"].get<double>();
        }
        const std::string name = region["name"]["nb"];
        const double rate = counts.at(name) / population * 100000;
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", rate);
        std::string value = text;
        value.replace(value.find('.'), 1, ",");
        expected[name] = value;
        if (rate > best) {
            best = rate;
            leader = name;
        }
    }
    const auto rows = rows_of(root);
    REQUIRE(rows.size() == 4);
    for (const auto& row : rows) {
        INFO(row.label);
        CHECK(row.value == expected.at(row.label));
    }
    CHECK(text_of(root->FirstChildElement("title")) ==
          "Flest nye pasienter per innbygger fra " + leader);
    CHECK(contains(text_of(root->FirstChildElement("desc")), "for hele landet."));
    CHECK(contains(page, "innbyggertall per helseregion for"));
}

TEST_CASE("a report without patients per region gets no chart") {
    Workspace ws;
    std::string report = read_file((ws.report_dir() / "report.json"));
    const auto start = report.find("\"patients\"");
    REQUIRE(start != std::string::npos);
    const auto end = report.find("\"activity\"", start);
    REQUIRE(end != std::string::npos);
    report.replace(start, end - start,
                   "\"not_reported\": {\"patients.new_treated\": \"Ikke registrert.\", "
                   "\"patients.total_treated\": \"Ikke registrert.\"},\n  ");
    {
        std::ofstream out((ws.report_dir() / "report.json"), std::ios::binary | std::ios::trunc);
        out << report;
    }
    build(ws);
    const std::string page = read_file(ws.page());
    CHECK_FALSE(contains(page, "<svg"));
    CHECK_FALSE(contains(page, "class=\"chart\""));
}

TEST_CASE("the SVG escapes its texts and strips control characters") {
    rv::render::BarChart chart;
    chart.id = "c";
    chart.title = "A <b> & \"c\"\x01";
    chart.description = "line\nbreak";
    chart.bars = {{"R & <D>", 4.0, "4"}, {"Ingen", std::nullopt, ""}};
    const std::string svg = rv::render::bar_chart_svg(chart);
    CHECK_FALSE(contains(svg, "<b>"));
    CHECK_FALSE(contains(svg, "\x01"));
    tinyxml2::XMLDocument doc;
    REQUIRE(doc.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto rows = rows_of(doc.RootElement());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].label == "R & <D>");
    CHECK(rows[1].width == -1);
    CHECK(rows[1].value == "–");

    chart.bars = {{"Ingen", std::nullopt, ""}};
    CHECK(rv::render::bar_chart_svg(chart).empty());
}

TEST_CASE("the service page charts each figure across the years, titled with the change") {
    Workspace ws;
    rv::test::add_report_2022(ws);
    // 2022: three fewer new patients from Helse Vest (5 → 2), so 19 in all against 22.
    const std::string report_2022 = "services/eksempeltjeneste/2022/report.json";
    const std::string text = ws.read(report_2022);
    const auto at = text.find("\"helse-vest\": 5");
    REQUIRE(at != std::string::npos);
    ws.write(report_2022, text.substr(0, at) + "\"helse-vest\": 2" + text.substr(at + 15));
    ws.replace(report_2022, "\"total_treated\": 22", "\"total_treated\": 19");
    const auto site = build(ws);
    const std::string page = read_file(site / "eksempeltjeneste" / "index.html");
    const auto start = page.find("<svg", page.find("<h2 id=\"utvikling\""));
    REQUIRE(start != std::string::npos);
    const std::string svg = page.substr(start, page.find("</svg>", start) + 6 - start);
    tinyxml2::XMLDocument doc;
    REQUIRE(doc.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = doc.RootElement();
    CHECK(std::string(root->Attribute("role")) == "img");
    CHECK(text_of(root->FirstChildElement("title")) ==
          "Nye pasienter behandlet: økte fra 19 i 2022 til 22 i 2023");
    const auto rows = rows_of(root);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].label == "2022");
    CHECK(rows[0].value == "19");
    CHECK(rows[1].label == "2023");
    CHECK(rows[1].value == "22");
    CHECK(rows[0].width == doctest::Approx(rows[1].width * 19 / 22).epsilon(0.01));
    CHECK(contains(page, "Kilde: tjenestens årsrapporter 2022–2023."));
}
