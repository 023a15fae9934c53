// Tests of the open data of a built site, through `rapportverk build` on a copy of
// examples/minimal: data/rapporter.json against the example's figures, every field of it
// described; the CSV files (snake_case headers, one row per item, RFC 4180 quoting); and the
// page data/index.html, a table with caption and scoped header cells per file.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/html/open_data.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;

namespace {

using namespace rv::test;

// RFC 4180: records of fields; quoted fields may hold commas, quotes ("") and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            REQUIRE_MESSAGE(field.empty(), "a quote inside an unquoted field");
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\r') {
            REQUIRE_MESSAGE((i + 1 < text.size() && text[i + 1] == '\n'), "CR without LF");
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
            ++i;
        } else {
            REQUIRE_MESSAGE(c != '\n', "a line ends without CRLF");
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE_MESSAGE((row.empty() && field.empty()), "the last record has no CRLF");
    return rows;
}

const rv::render::DataFile& data_file(const std::string& id) {
    for (const auto& file : rv::render::open_data_files()) {
        if (file.id == id) {
            return file;
        }
    }
    FAIL("no open data file " << id);
    return rv::render::open_data_files().front();
}

// "reports[].patients.regions[].region" for every key of `value`, arrays as "[]".
void json_paths(const nlohmann::json& value, const std::string& prefix,
                std::set<std::string>& out) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            const std::string path = prefix.empty() ? key : prefix + "." + key;
            out.insert(path);
            json_paths(child, path, out);
        }
    } else if (value.is_array()) {
        for (const auto& child : value) {
            json_paths(child, prefix + "[]", out);
        }
    }
}

const nlohmann::json& region_row(const nlohmann::json& report, const std::string& region) {
    for (const auto& row : report["patients"]["regions"]) {
        if (row["region"] == region) {
            return row;
        }
    }
    FAIL("no row for " << region);
    return report;
}

}  // namespace

TEST_CASE("data/rapporter.json holds the example's figures, every field described") {
    TempContent content;
    content.replace(report_json, "\"reference_group\"",
                    "\"not_reported\": { \"research.projects\": \"Vi teller ikke prosjekter.\" },\n"
                    "  \"reference_group\"");
    const fs::path site = build(content);
    const auto data = nlohmann::json::parse(read_file(site / "data" / "rapporter.json"));
    CHECK(data["site_url"] == base_url);
    REQUIRE(data["reports"].size() == 1);
    const auto& report = data["reports"][0];
    CHECK(report["service"] == "eksempeltjeneste");
    CHECK(report["name"]["nb"] == "Nasjonal behandlingstjeneste for eksempelkirurgi");
    CHECK(report["name"]["en"] == "Norwegian National Unit for Example Surgery");
    CHECK(report["type"] == "nasjonal-behandlingstjeneste");
    CHECK(report["year"] == 2023);
    CHECK(report["url"] == base_url + "eksempeltjeneste/2023/");
    REQUIRE(report["hosts"].size() == 1);
    CHECK(report["hosts"][0]["trust"] == "Eksempel universitetssykehus HF");
    CHECK(report["hosts"][0]["region"] == "helse-vest");

    const auto& patients = report["patients"];
    CHECK(patients["total_treated"] == 22);
    CHECK(patients["new_treated_total"] == 22);
    CHECK(patients["new_not_treated_total"] == 1);
    REQUIRE(patients["regions"].size() == 4);
    CHECK(region_row(report, "helse-sor-ost")["new_treated"] == 12);
    CHECK(region_row(report, "helse-sor-ost")["new_not_treated"] == 1);
    CHECK(region_row(report, "helse-vest")["new_treated"] == 5);
    CHECK(region_row(report, "helse-vest")["new_not_treated"].is_null());
    CHECK(region_row(report, "helse-midt-norge")["new_treated"] == 3);
    CHECK(region_row(report, "helse-nord")["new_treated"] == 2);
    const auto& vest = region_row(report, "helse-vest");
    CHECK(vest["region_name"] == "Helse Vest");
    CHECK(vest["population"] == 1127089);
    CHECK(vest["population_year"] == 2022);
    CHECK(vest["rate_per_100k"].get<double>() == 5 * 100000.0 / 1127089);  // round-trips exactly

    REQUIRE(report["activity"].size() == 1);
    CHECK(report["activity"][0]["label"] == "Operasjoner");
    CHECK(report["activity"][0]["value"] == 25);
    CHECK(report["activity"][0]["previous_year"] == 21);
    REQUIRE(report["staff"].size() == 2);
    CHECK(report["staff"][0] ==
          nlohmann::json{{"specialty", "Ortopedi"}, {"count", 4}, {"note", nullptr}});
    REQUIRE(report["goals"].size() == 2);
    CHECK(report["goals"][0]["kind"] == "result");
    CHECK(report["goals"][0]["met"] == false);
    CHECK(report["goals"][1]["met"] == true);
    CHECK(report["research"]["publications"] == 3);
    CHECK(report["research"]["theses"] == 1);
    CHECK(report["research"]["projects"].is_null());
    CHECK(report["reference_group"] == nlohmann::json{{"members", 5},
                                                      {"user_representatives", 1},
                                                      {"meetings", 2},
                                                      {"approved_report", true}});
    CHECK(report["not_reported"] ==
          nlohmann::json::array(
              {{{"key", "research.projects"}, {"reason", "Vi teller ikke prosjekter."}}}));

    // The page describes every field the file has.
    std::set<std::string> described;
    for (const auto& field : data_file("rapporter").fields) {
        described.insert(field.name);
    }
    std::set<std::string> written;
    json_paths(data, "", written);
    for (const auto& path : written) {
        CHECK_MESSAGE(described.count(path) == 1, path << " is not described");
    }
}

TEST_CASE("the CSV files: a header of snake_case names, one row per item, RFC 4180 quoting") {
    TempContent content;
    content.replace(report_json, "\"label\": \"Operasjoner\"",
                    "\"label\": \"Operasjoner, \\\"store\\\"\", \"note\": \"to linjer\\nher\"");
    const fs::path site = build(content);
    const std::regex snake_case("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    for (const auto& file : rv::render::open_data_files()) {
        if (file.format != "CSV") {
            continue;
        }
        INFO(file.path);
        const auto rows = parse_csv(read_file(site / file.path));
        REQUIRE_FALSE(rows.empty());
        std::vector<std::string> names;
        for (const auto& field : file.fields) {
            names.push_back(field.name);
            CHECK(std::regex_match(field.name, snake_case));
        }
        CHECK(rows.front() == names);
        for (const auto& row : rows) {
            CHECK(row.size() == names.size());
        }
    }

    const std::string activity = read_file(site / "data" / "aktivitet.csv");
    CHECK(contains(activity,
                   "eksempeltjeneste,Nasjonal behandlingstjeneste for eksempelkirurgi,"
                   "2023,\"Operasjoner, \"\"store\"\"\",25,inngrep,21,\"to linjer\nher\"\r\n"));
    const auto activity_rows = parse_csv(activity);
    REQUIRE(activity_rows.size() == 2);
    CHECK(activity_rows[1][3] == "Operasjoner, \"store\"");
    CHECK(activity_rows[1][7] == "to linjer\nher");

    const auto patients = parse_csv(read_file(site / "data" / "nye-pasienter.csv"));
    REQUIRE(patients.size() == 5);  // the header and one row per region
    std::map<std::string, std::vector<std::string>> by_region;
    for (std::size_t i = 1; i < patients.size(); ++i) {
        by_region[patients[i][4]] = patients[i];
    }
    const auto& vest = by_region.at("helse-vest");
    CHECK(vest == std::vector<std::string>{"eksempeltjeneste",
                                           "Nasjonal behandlingstjeneste for eksempelkirurgi",
                                           "nasjonal-behandlingstjeneste", "2023", "helse-vest",
                                           "Helse Vest", "5", "", "1127089", "2022", vest[10]});
    CHECK(std::strtod(vest[10].c_str(), nullptr) == 5 * 100000.0 / 1127089);
    CHECK(by_region.at("helse-sor-ost")[6] == "12");
    CHECK(by_region.at("helse-sor-ost")[7] == "1");
    CHECK(by_region.at("helse-midt-norge")[6] == "3");
    CHECK(by_region.at("helse-nord")[6] == "2");

    const auto staff = parse_csv(read_file(site / "data" / "fagpersoner.csv"));
    REQUIRE(staff.size() == 3);
    CHECK(staff[1][3] == "Ortopedi");
    CHECK(staff[1][4] == "4");
    const auto goals = parse_csv(read_file(site / "data" / "mal.csv"));
    REQUIRE(goals.size() == 3);
    CHECK(goals[1][4] == "Kort ventetid");
    CHECK(goals[1][8] == "false");
    CHECK(goals[2][8] == "true");
}

TEST_CASE("data/index.html lists the files and describes every field in a table") {
    TempContent content;
    const fs::path site = build(content);
    const std::string page = read_file(site / "data" / "index.html");
    CHECK(contains(page, "<html lang=\"nb\""));
    CHECK(contains(page, "<h1>Åpne data</h1>"));
    // The footer of the index page links the data page.
    CHECK(contains(read_file(site / "index.html"), "href=\"data/index.html\""));

    std::size_t tables = 0;
    for (auto at = page.find("<table "); at != std::string::npos;
         at = page.find("<table ", at + 1)) {
        ++tables;
    }
    CHECK(tables == rv::render::open_data_files().size());
    for (const auto& file : rv::render::open_data_files()) {
        const std::string name = fs::path(file.path).filename().string();
        INFO(name);
        CHECK(contains(page, "<a href=\"" + name + "\">" + name + "</a>"));
        CHECK(fs::is_regular_file(site / file.path));
        const auto table = page.find("<caption>Feltene i " + name + "</caption>");
        REQUIRE(table != std::string::npos);
        const std::string body = page.substr(table, page.find("</table>", table) - table);
        CHECK(contains(body, "<th scope=\"col\">Felt</th>"));
        for (const auto& field : file.fields) {
            CHECK_MESSAGE(contains(body, "<th scope=\"row\"><code>" + field.name + "</code></th>"),
                          field.name);
        }
    }
    // Every header cell has a scope.
    std::size_t cells = 0;
    for (auto at = page.find("<th"); at != std::string::npos; at = page.find("<th", at + 1)) {
        if (page.compare(at, 7, "<thead>") == 0) {
            continue;
        }
        ++cells;
        CHECK(page.compare(at, 11, "<th scope=\"") == 0);
    }
    CHECK(cells > 0);
    // No field is left without a description (a missing catalogue key shows as the key).
    CHECK_FALSE(contains(page, "data.field."));
    CHECK_FALSE(contains(page, "data.type."));
}

TEST_CASE("data/rapporter.json is exactly nlohmann's dump with indent 2 of what it holds") {
    // The file is written without a JSON tree; read back into an ordered_json (which keeps the
    // member order and the kind of every number) and dumped again, it must not change by one
    // byte: the layout, the escapes and the numbers are nlohmann's.
    TempContent content;
    content.replace(report_json, "\"label\": \"Operasjoner\"",
                    "\"label\": \"Operasjoner \\\"store\\\" \\\\ æøå 😀\\t\", "
                    "\"note\": \"\\u0001 kontroll\\r\\nog linjeskift\"");
    const fs::path site = build(content);
    const std::string text = read_file(site / "data" / "rapporter.json");
    const auto data = nlohmann::ordered_json::parse(text);
    CHECK(data.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n" ==
          text);
    CHECK(data["reports"][0]["activity"][0]["label"] == "Operasjoner \"store\" \\ æøå 😀\t");
    CHECK(contains(text, "\"note\": \"\\u0001 kontroll\\r\\nog linjeskift\""));
    CHECK(data["reports"][0]["patients"]["regions"][1]["rate_per_100k"].is_number_float());
    CHECK(data["reports"][0]["year"].is_number_integer());
}
