// Diagnostics of theme folders (RV090–RV092): theme/ in the content folder and --theme DIR.
// In a diagnostics_*.cpp file because the catalogue test looks for each code's TEST_CASE
// in these files.
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"

using namespace rv::test;

TEST_CASE("RV090: a file in a theme folder that no theme uses") {
    const TempContent content;
    content.write("theme/templates/report.mustache", "{{> head}}<main id=\"main\"></main>");
    content.write("theme/README.txt", "Vårt tema");
    content.write("theme/templates/deler/head.mustache", "ikke brukt");
    const auto result = content.check();
    INFO(describe(result));
    CHECK(codes(result) == "RV090");
    const auto found = find(result, "RV090");
    REQUIRE(found.size() == 2);
    CHECK(found[0].at.file == content.file("theme/README.txt"));
    CHECK(found[1].at.file == content.file("theme/templates/deler/head.mustache"));
    CHECK(found[0].severity == Severity::warning);
    CHECK(rv::messages::format(find(result, "RV090")[0], "nb").find("templates/NAVN.mustache") !=
          std::string::npos);
    // The template the theme does have is read.
    REQUIRE(result.content.themes.size() == 1);
    CHECK(result.content.themes[0].files.count("templates/report.mustache") == 1);
}

TEST_CASE("RV091: a theme text for a page text the catalogue does not have") {
    const TempContent content;
    content.write(
        "theme/messages.json",
        "{\n  \"ui.home\": {\"nb\": \"Til forsiden\"},\n  \"ui.hoem\": {\"nb\": \"x\"}\n}\n");
    const auto result = content.check();
    const auto at = content.at("theme/messages.json", "{\"nb\": \"x\"}");
    const auto d =
        expect_one(result, "RV091", Severity::error, content.file("theme/messages.json"), at.line);
    CHECK(d.args == std::vector<std::string>{"ui.hoem", "ui.home"});
    CHECK(rv::messages::format(d, "nb").find("Mente du «ui.home»?") != std::string::npos);
    CHECK(codes(result) == "RV091");
}

TEST_CASE(
    "RV091 is not given for page texts the catalogue has; a key outside ui.* is a schema error") {
    const TempContent content;
    content.write("theme/messages.json",
                  "{\"ui.home\": {\"nb\": \"Til forsiden\", \"en\": \"Start\"}}");
    auto result = content.check();
    INFO(describe(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.content.themes.size() == 1);
    CHECK(result.content.themes[0].texts.at("ui.home").en == "Start");

    content.write("theme/messages.json", "{\"RV001\": {\"nb\": \"Ingen feil\"}}");
    result = content.check();
    CHECK(find(result, "RV091").empty());
    CHECK_FALSE(result.diagnostics.empty());  // the schema allows ui.* keys only
}

TEST_CASE("RV092: a --theme folder that does not exist makes the content unusable") {
    const TempContent content;
    const auto missing = (content.base() / "ingen-tema").string();
    const auto result = rv::cli::check_content(content.path().string(), missing);
    CHECK_FALSE(result.usable);
    expect_one(result, "RV092", Severity::fatal, missing, 0);
    const auto run = run_cli(
        {"build", content.path().string(), "--theme", missing, "--out", content.site().string()});
    CHECK(run.code == 2);
    CHECK(run.out.find("RV092") != std::string::npos);
    CHECK_FALSE(fs::exists(content.site()));
}
