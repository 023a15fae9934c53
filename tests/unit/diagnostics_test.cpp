// Diagnostics of loading and of the JSON contract: the clean example, the catalogue and its
// texts, reading files (RV001–RV016) and schema violations (RV101–RV109). The content checks
// (RV020–RV061) are in diagnostics_content_test.cpp. Each case mutates a copy of
// examples/minimal (tests/unit/fixture.hpp) just enough to trigger one code.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <cctype>
#include <filesystem>
#include <set>
#include <string>

#include "fixture.hpp"
#include "messages/catalog.hpp"

using namespace rv::test;

namespace {

bool is_code_at(const std::string& text, std::size_t i) {
    if (text.compare(i, 2, "RV") != 0 || i + 5 > text.size()) {
        return false;
    }
    for (std::size_t k = i + 2; k < i + 5; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(text[k]))) {
            return false;
        }
    }
    return i + 5 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 5]));
}

// Every "RVnnn" in `text`.
std::set<std::string> codes_in(const std::string& text) {
    std::set<std::string> out;
    for (auto i = text.find("RV"); i != std::string::npos; i = text.find("RV", i + 1)) {
        if (is_code_at(text, i)) {
            out.insert(text.substr(i, 5));
        }
    }
    return out;
}

// The codes of the catalogue ("RV001", …; not the "cli.…" and "ui.…" texts).
std::set<std::string> catalogue_codes() {
    std::set<std::string> out;
    for (const auto& key : rv::messages::keys()) {
        if (key.size() == 5 && is_code_at(key, 0)) {
            out.insert(key);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the minimal example is clean") {
    SUBCASE("in place, through its symlinks") {
        const auto result = rv::cli::check_content(RV_SOURCE_DIR "/examples/minimal");
        INFO(describe(result));
        CHECK(result.usable);
        CHECK(result.diagnostics.empty());
        CHECK(result.reports == 1);
    }
    SUBCASE("as the copy every test starts from") {
        const TempContent content;
        const auto result = content.check();
        INFO(describe(result));
        CHECK(result.usable);
        CHECK(result.diagnostics.empty());
        CHECK(result.reports == 1);
    }
}

TEST_CASE("every code the generator emits has a text in nb and en") {
    std::set<std::string> used;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(RV_SOURCE_DIR "/generator")) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".cpp" || extension == ".hpp")) {
            used.merge(codes_in(read_file(entry.path())));
        }
    }
    CHECK(used.size() > 40);
    for (const auto& code : used) {
        INFO(code);
        CHECK(rv::messages::has(code, "nb"));
        CHECK(rv::messages::has(code, "en"));
    }
    // And the other way round: the catalogue has no code that nothing emits.
    for (const auto& code : catalogue_codes()) {
        INFO(code);
        CHECK(used.count(code) == 1);
    }
}

TEST_CASE("every code of the catalogue has a test case here") {
    std::set<std::string> tested;
    for (const auto& entry : std::filesystem::directory_iterator(RV_SOURCE_DIR "/tests/unit")) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("diagnostics", 0) != 0 || entry.path().extension() != ".cpp") {
            continue;
        }
        const std::string text = read_file(entry.path());
        const std::string opening = "TEST_CASE(\"";
        for (auto i = text.find(opening); i != std::string::npos; i = text.find(opening, i + 1)) {
            const auto start = i + opening.size();
            if (is_code_at(text, start) && text.compare(start + 5, 1, ":") == 0) {
                tested.insert(text.substr(start, 5));
            }
        }
    }
    const auto codes = catalogue_codes();
    CHECK(codes.size() >= 51);
    for (const auto& code : codes) {
        INFO(code);
        CHECK(tested.count(code) == 1);
    }
}

TEST_CASE("messages are formatted as path:line:col: severity: code: text") {
    const TempContent content;
    content.replace(kReport, "\"total_treated\": 22", "\"total_treated\": 23");
    const auto result = content.check();
    const auto d = expect_one(result, "RV041", Severity::error, content.file(kReport),
                              content.after(kReport, "\"total_treated\": "));
    const std::string where =
        content.file(kReport) + ":" + std::to_string(d.at.line) + ":" + std::to_string(d.at.column);
    CHECK(rv::messages::format(d, "nb") ==
          where +
              ": error: RV041: Tallene per region blir 22 til sammen, men total_treated er 23. "
              "Rett tallene så summen stemmer.");
    CHECK(rv::messages::format(d, "en") ==
          where +
              ": error: RV041: The figures per region add up to 22, but total_treated is 23. "
              "Correct the figures so that they agree.");

    SUBCASE("a warning says warning; a fatal finding without a line has no line") {
        content.replace(kReport, "\"count\": 3", "\"count\": 2");
        const auto warning =
            expect_one(content.check(), "RV044", Severity::warning, content.file(kReport),
                       content.after(kReport, "\"Anestesi\", \"count\": "));
        CHECK(rv::messages::format(warning, "en")
                  .find(": warning: RV044: The specialty "
                        "\"Anestesi\" has 2 professionals") != std::string::npos);
        const std::string missing = content.file("finnes-ikke");
        const auto fatal =
            expect_one(rv::cli::check_content(missing), "RV010", Severity::fatal, missing, 0);
        CHECK(rv::messages::format(fatal, "nb").rfind(missing + ": error: RV010: ", 0) == 0);
    }
    SUBCASE("arguments that are catalogue keys are translated") {
        content.replace(kReport, "\"year\": 2023,", "\"year\": 2023");
        const auto error = find(content.check(), "RV001");
        REQUIRE(error.size() == 1);
        CHECK(rv::messages::format(error.front(), "nb")
                  .find("RV001: JSON-filen kan ikke leses: komma eller } mangler.") !=
              std::string::npos);
        CHECK(rv::messages::format(error.front(), "en")
                  .find("RV001: The JSON file cannot be read: a comma or } is missing.") !=
              std::string::npos);
    }
}

// --- Reading files -------------------------------------------------------------------------

TEST_CASE("RV001: a JSON file with a syntax error") {
    const TempContent content;
    SUBCASE("a missing comma, at the exact line and column") {
        content.write(kReport,
                      "{\n"
                      "  \"service\": \"eksempeltjeneste\",\n"
                      "  \"year\": 2023\n"
                      "  \"language\": \"nb\"\n"
                      "}\n");
        const auto result = content.check();
        const auto d = expect_one(result, "RV001", Severity::error, content.file(kReport), 4, 3);
        CHECK(d.args == std::vector<std::string>{"@json.expected_comma_or_brace"});
        CHECK(codes(result) == "RV001");
    }
    SUBCASE("columns count characters, not bytes") {
        content.write(kReport, "{\n  \"service\": \"æøå\", x\n}\n");
        const auto d =
            expect_one(content.check(), "RV001", Severity::error, content.file(kReport), 2, 21);
        CHECK(d.args == std::vector<std::string>{"@json.expected_key"});
    }
    SUBCASE("in site.json it is fatal") {
        content.replace("site.json", "\"default_year\": 2023,", "\"default_year\": 2023,,");
        const auto result = content.check();
        const auto at = content.after("site.json", "\"default_year\": 2023,");
        expect_one(result, "RV001", Severity::fatal, content.file("site.json"), at);
        CHECK_FALSE(result.usable);
    }
}

TEST_CASE("RV002: a key that appears twice in one object") {
    const TempContent content;
    const int line = content.line_of(kReport, "\"year\": 2023,");
    content.replace(kReport, "\"year\": 2023,", "\"year\": 2023,\n  \"year\": 2023,");
    const auto result = content.check();
    const auto d = expect_one(result, "RV002", Severity::error, content.file(kReport), line + 1, 3);
    CHECK(d.args == std::vector<std::string>{"year"});
    CHECK(codes(result) == "RV002");

    SUBCASE("the key is given as written, not as a JSON pointer segment") {
        content.replace(kService, "\"website\"",
                        "\"not_reported\": { \"a/b~c\": \"x\", \"a/b~c\": \"y\" },\n  \"website\"");
        const auto key = find(content.check(), "RV002");
        REQUIRE(key.size() == 2);
        CHECK(key.back().at.file == content.file(kService));
        CHECK(key.back().args == std::vector<std::string>{"a/b~c"});
    }
}

TEST_CASE("RV003: a section file that is a folder") {
    const TempContent content;
    content.remove(section("kort-fortalt"));
    content.mkdir(section("kort-fortalt"));
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV003", Severity::error, content.file(section("kort-fortalt")), 0);
    CHECK(d.args == std::vector<std::string>{"@file.not_regular"});
    // The folder is reported once, as unreadable, and not also as an empty required section.
    CHECK(codes(result) == "RV003");

    SUBCASE("report.json that is a folder") {
        content.remove(kReport);
        content.mkdir(kReport);
        const auto again = content.check();
        const auto json = find(again, "RV003");
        CHECK(json.size() == 2);
        CHECK(std::any_of(json.begin(), json.end(), [&](const Diagnostic& each) {
            return each.at.file == content.file(kReport);
        }));
    }
}

TEST_CASE("RV004: a Markdown file that is not UTF-8") {
    const TempContent content;
    // The first bad byte is on line 3, after eleven characters.
    content.write(section("kort-fortalt"), "Første linje.\n\nLatin-1: bl\xE5\xE6r.\n");
    const auto result = content.check();
    expect_one(result, "RV004", Severity::error, content.file(section("kort-fortalt")), 3, 12);
    // Reported once, as not UTF-8, and not also as an empty required section.
    CHECK(codes(result) == "RV004");

    SUBCASE("valid UTF-8 is not reported") {
        content.write(section("kort-fortalt"), "Blåbær og ære.\n");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV010: the content folder does not exist") {
    const TempContent content;
    const std::string missing = content.file("finnes-ikke");
    const auto result = rv::cli::check_content(missing);
    expect_one(result, "RV010", Severity::fatal, missing, 0);
    CHECK_FALSE(result.usable);
    CHECK(codes(result) == "RV010");
}

TEST_CASE("RV011: site.json or regions.json is missing") {
    for (const char* name : {"site.json", "regions.json"}) {
        CAPTURE(name);
        const TempContent fresh;
        fresh.remove(name);
        const auto result = fresh.check();
        expect_one(result, "RV011", Severity::fatal, fresh.file(name), 0);
        CHECK_FALSE(result.usable);
        CHECK(codes(result) == "RV011");
    }
}

TEST_CASE("RV012: no readable report form") {
    const TempContent content;
    SUBCASE("an empty forms folder") {
        content.remove(kForm);
        content.remove(kCompetenceForm);
    }
    SUBCASE("no forms folder") {
        content.remove("forms");
    }
    SUBCASE("the only form cannot be read") {
        content.remove(kCompetenceForm);
        content.replace(kForm, "\"id\": \"behandlingstjeneste\",",
                        "\"id\": \"behandlingstjeneste\"");
        CHECK(find(content.check(), "RV001").size() == 1);
    }
    const auto result = content.check();
    expect_one(result, "RV012", Severity::fatal, content.file("forms"), 0);
    CHECK_FALSE(result.usable);
}

TEST_CASE("RV012: one readable form is enough") {
    const TempContent content;
    content.remove(kCompetenceForm);
    const auto result = content.check();
    CHECK(result.usable);
    CHECK(codes(result) == "");
}

TEST_CASE("RV013: a service folder name that is not a slug") {
    const TempContent content;
    content.mkdir("services/Eksempel_Tjeneste");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV013", Severity::error, content.file("services/Eksempel_Tjeneste"), 0);
    CHECK(d.args == std::vector<std::string>{"Eksempel_Tjeneste"});
    CHECK(codes(result) == "RV013");

    SUBCASE("a slug is accepted (and then needs a service.json)") {
        content.remove("services/Eksempel_Tjeneste");
        content.mkdir("services/eksempel-tjeneste-2");
        CHECK(codes(content.check()) == "RV014");
    }
}

TEST_CASE("RV014: a service folder without service.json") {
    const TempContent content;
    content.mkdir("services/ny-tjeneste");
    const auto result = content.check();
    const auto d = expect_one(result, "RV014", Severity::error,
                              content.file("services/ny-tjeneste/service.json"), 0);
    CHECK(d.args == std::vector<std::string>{"ny-tjeneste"});
    CHECK(codes(result) == "RV014");
}

TEST_CASE("RV015: a folder in a service folder that is not a year") {
    const TempContent content;
    content.mkdir("services/eksempeltjeneste/utkast");
    const auto result = content.check();
    const auto d = expect_one(result, "RV015", Severity::error,
                              content.file("services/eksempeltjeneste/utkast"), 0);
    CHECK(d.args == std::vector<std::string>{"utkast"});
    CHECK(codes(result) == "RV015");
}

TEST_CASE("RV016: a report folder without report.json") {
    const TempContent content;
    content.remove(kReport);
    const auto result = content.check();
    const auto d = expect_one(result, "RV016", Severity::error, content.file(kReport), 0);
    CHECK(d.args == std::vector<std::string>{"2023"});
    CHECK(codes(result) == "RV016");

    SUBCASE("an empty year folder is one finding, not one per missing section") {
        content.mkdir("services/eksempeltjeneste/2024");
        const auto again = content.check();
        INFO(describe(again));
        CHECK(find(again, "RV016").size() == 2);
        CHECK(codes(again) == "RV016");
    }
}

TEST_CASE("RV017: a symbolic link that leads out of the content folder") {
    const TempContent content;
    // A file outside the content folder, linked in as a section.
    const std::filesystem::path outside =
        content.path().parent_path() / (content.path().filename().string() + "-outside.md");
    {
        std::ofstream out(outside);
        out << "Hemmelig tekst fra en annen mappe.\n";
    }
    const std::string section = "services/eksempeltjeneste/2023/utfordringer.md";
    std::filesystem::create_symlink(outside, content.path() / section);
    const auto result = content.check();
    std::filesystem::remove(outside);
    expect_one(result, "RV017", Severity::error, content.file(section), 0);
    CHECK(codes(result) == "RV017");

    SUBCASE("a link that stays inside the content folder is read as usual") {
        const TempContent inside;
        const std::string planer = "services/eksempeltjeneste/2023/planer.md";
        std::filesystem::create_symlink(
            inside.path() / "services/eksempeltjeneste/2023/aktivitet.md", inside.path() / planer);
        const auto clean = inside.check();
        INFO(describe(clean));
        CHECK(clean.diagnostics.empty());
    }
}

// --- Schema violations (report.json, service.json, forms) ----------------------------------

TEST_CASE("RV101: a value of the wrong type") {
    const TempContent content;
    const auto at = content.after(kReport, "\"year\": ");
    content.replace(kReport, "\"year\": 2023", "\"year\": \"2023\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV101", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"/year", "@type.integer", "@type.string"});
    CHECK(codes(result) == "RV101");
    CHECK(rv::messages::text(d.code, "en", d.args) ==
          "/year: a whole number expected, but the value is a string.");
}

TEST_CASE("RV102: a required property is missing") {
    const TempContent content;
    content.replace(kReport, "{ \"exists\": true, ", "{ ");
    const auto result = content.check();
    const auto d = expect_one(result, "RV102", Severity::error, content.file(kReport),
                              content.after(kReport, "\"dissemination_plan\": "));
    CHECK(d.args == std::vector<std::string>{"/dissemination_plan", "exists"});
    CHECK(codes(result) == "RV102");

    SUBCASE("at the top level it points at the start of the file") {
        content.replace(kReport, "\"service\": \"eksempeltjeneste\",", "");
        const auto again = find(content.check(), "RV102");
        REQUIRE(again.size() == 2);
        CHECK(again.front().at.line == 1);
        CHECK(again.front().args == std::vector<std::string>{"/", "service"});
    }
}

TEST_CASE("RV103: an unknown property") {
    const TempContent content;
    content.replace(kReport, "\"year\": 2023,", "\"year\": 2023,\n  \"yaer\": 2023,");
    const auto result = content.check();
    const auto d = expect_one(result, "RV103", Severity::error, content.file(kReport),
                              content.after(kReport, "\"yaer\": "));
    CHECK(d.args == std::vector<std::string>{"/yaer", "yaer"});
    CHECK(codes(result) == "RV103");
}

TEST_CASE("RV104: a value that is not one of the allowed values") {
    const TempContent content;
    const auto at = content.after(kReport, "\"language\": ");
    content.replace(kReport, "\"language\": \"nb\"", "\"language\": \"en\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV104", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"/language", "en", "\"nb\", \"nn\""});
    CHECK(codes(result) == "RV104");
}

TEST_CASE("RV105: a text that does not match its pattern") {
    const TempContent content;
    SUBCASE("a date") {
        const auto at = content.after(kService, "\"approved\": ");
        content.replace(kService, "\"approved\": \"2015-06-01\"", "\"approved\": \"2015-13-01\"");
        const auto result = content.check();
        const auto d = expect_one(result, "RV105", Severity::error, content.file(kService), at);
        REQUIRE(d.args.size() == 3);
        CHECK(d.args[0] == "/approved");
        CHECK(d.args[1] == "2015-13-01");
        CHECK_FALSE(d.args[2].empty());  // what the pattern asks for
        CHECK(rv::messages::text(d.code, "en", d.args)
                  .rfind("/approved: \"2015-13-01\" has the wrong form: ", 0) == 0);
        CHECK(codes(result) == "RV105");
    }
    SUBCASE("a key of not_reported (propertyNames) is not lost") {
        content.replace(kReport, "\"year\": 2023,",
                        "\"year\": 2023,\n  \"not_reported\": { \"Kort Fortalt!\": \"Mangler\" },");
        const auto result = content.check();
        INFO(describe(result));
        const auto found = find(result, "RV105");
        REQUIRE(found.size() == 1);
        CHECK(found.front().at.file == content.file(kReport));
        CHECK(found.front().at.line == content.line_of(kReport, "\"Kort Fortalt!\""));
    }
}

TEST_CASE("RV106: a number below its minimum") {
    const TempContent content;
    const auto at = content.after(kReport, "\"publications\": ");
    content.replace(kReport, "\"publications\": 3", "\"publications\": -1");
    const auto result = content.check();
    const auto d = expect_one(result, "RV106", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"/research/publications", "@schema.at_least", "0"});
    CHECK(codes(result) == "RV106");
    CHECK(rv::messages::text(d.code, "en", d.args) ==
          "/research/publications: the value must be at least 0.");

    SUBCASE("and above its maximum (in a form)") {
        content.replace(kForm, "\"lix_max\": 40", "\"lix_max\": 90");
        const auto form = find(content.check(), "RV106");
        REQUIRE(form.size() == 2);
        const auto& max = form.front().at.file == content.file(kForm) ? form.front() : form.back();
        CHECK(max.at.line == content.line_of(kForm, "\"lix_max\": 90"));
        CHECK(max.args == std::vector<std::string>{"/sections/0/lix_max", "@schema.at_most", "80"});
    }
}

TEST_CASE("RV107: an empty text") {
    const TempContent content;
    content.replace(kReport, "\"total_treated\": 22", "\"total_treated\": 22,\n    \"note\": \"\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV107", Severity::error, content.file(kReport),
                              content.after(kReport, "\"note\": "));
    CHECK(d.args == std::vector<std::string>{"/patients/note", "@schema.text_empty"});
    CHECK(codes(result) == "RV107");
}

TEST_CASE("RV108: a list with duplicate items or too few items") {
    const TempContent content;
    SUBCASE("duplicates in a uniqueItems list") {
        const auto at = content.after(kService, "\"icd10\": ");
        content.replace(kService, "[\"C41.2\", \"C41.4\"]", "[\"C41.2\", \"C41.2\"]");
        const auto result = content.check();
        const auto d = expect_one(result, "RV108", Severity::error, content.file(kService), at);
        CHECK(d.args == std::vector<std::string>{"/icd10", "@schema.list_not_unique"});
        CHECK(codes(result) == "RV108");
    }
    SUBCASE("an empty list that needs an item") {
        const auto at = content.after(kService, "\"hosts\": ");
        content.replace(kService,
                        "[{ \"trust\": \"Eksempel universitetssykehus HF\", \"region\": "
                        "\"helse-vest\" }]",
                        "[]");
        const auto result = content.check();
        const auto d = expect_one(result, "RV108", Severity::error, content.file(kService), at);
        CHECK(d.args == std::vector<std::string>{"/hosts", "@schema.list_too_short"});
        CHECK(codes(result) == "RV108");
    }
}

TEST_CASE("RV109: a value that matches none of a oneOf") {
    const TempContent content;
    const auto at = content.after(kForm, "\"required\": ");
    content.replace(kForm, "\"required\": true", "\"required\": \"ja\"");
    const auto result = content.check();
    // One finding for one wrong value, not the echoes of each oneOf branch.
    const auto d = expect_one(result, "RV109", Severity::error, content.file(kForm), at);
    CHECK(d.args.size() == 2);
    CHECK(d.args.front() == "/sections/0/required");
    CHECK(codes(result) == "RV109");
}
