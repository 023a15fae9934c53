// Tests of the real rapportverk program (RV_BINARY) as a user runs it: exit codes, the
// closing count line in both languages, JSON output, usage errors and --help.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fixture.hpp"

namespace fs = std::filesystem;
using rv::test::TempDir;

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

// Runs the program with `args` (already quoted where needed) in the source folder;
// stdout and stderr are kept apart.
Result program(const std::string& args) {
    TempDir temp;
    const fs::path out = temp.path() / "stdout";
    const fs::path err = temp.path() / "stderr";
    const std::string command = "cd " + quote(RV_SOURCE_DIR) + " && " + quote(RV_BINARY) + " " +
                                args + " >" + quote(out.string()) + " 2>" + quote(err.string());
    const int status = std::system(command.c_str());
    Result result;
    REQUIRE(status != -1);
    REQUIRE(WIFEXITED(status));
    result.code = WEXITSTATUS(status);
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

std::string last_line(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') {
        trimmed.pop_back();
    }
    const auto newline = trimmed.rfind('\n');
    return newline == std::string::npos ? trimmed : trimmed.substr(newline + 1);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    for (const auto& entry : fs::directory_iterator(from)) {
        const fs::path target = to / entry.path().filename();
        if (fs::is_directory(entry.path())) {  // follows links
            copy_tree(entry.path(), target);
        } else {
            fs::copy_file(entry.path(), target);
        }
    }
}

}  // namespace

TEST_CASE("cli: check examples/minimal exits 0 with the closing count line") {
    const Result result = program("check examples/minimal");
    INFO(result.out << result.err);
    CHECK(result.code == 0);
    CHECK(result.out == "0 feil, 0 advarsler i 1 rapport\n");
    CHECK(result.err.empty());
}

TEST_CASE("cli: --lang en prints the count line in English") {
    for (const std::string args :
         {"check examples/minimal --lang en", "--lang en check examples/minimal"}) {
        CAPTURE(args);
        const Result result = program(args);
        CHECK(result.code == 0);
        CHECK(last_line(result.out).rfind("0 errors, 0 warnings in 1 report", 0) == 0);
        CHECK_FALSE(contains(result.out, "feil"));
    }
}

TEST_CASE("cli: --format json prints one JSON document") {
    const Result result = program("check examples/minimal --format json");
    INFO(result.out << result.err);
    CHECK(result.code == 0);
    const auto doc = nlohmann::json::parse(result.out, nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    REQUIRE(doc.is_object());
    CHECK(doc.at("diagnostics").is_array());
    CHECK(doc.at("diagnostics").empty());
    CHECK(doc.at("errors") == 0);
    CHECK(doc.at("warnings") == 0);
    CHECK(doc.at("reports") == 1);
}

TEST_CASE("cli: --format json describes each finding") {
    TempDir temp;
    const fs::path content = temp.path() / "content";
    copy_tree(fs::path(RV_SOURCE_DIR) / "examples" / "minimal", content);
    const fs::path report = content / "services" / "eksempeltjeneste" / "2023" / "report.json";
    std::string text = read_file(report);
    const auto at = text.find("\"helse-vest\": 5");
    REQUIRE(at != std::string::npos);
    text.replace(at, 15, "\"helse-vest\": 6");
    std::ofstream(report, std::ios::binary | std::ios::trunc) << text;

    const Result result = program("check " + quote(content.string()) + " --format json --lang en");
    INFO(result.out << result.err);
    CHECK(result.code == 1);
    const auto doc = nlohmann::json::parse(result.out, nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    CHECK(doc.at("errors") == 1);
    CHECK(doc.at("warnings") == 0);
    CHECK(doc.at("reports") == 1);
    REQUIRE(doc.at("diagnostics").size() == 1);
    const auto& d = doc.at("diagnostics")[0];
    CHECK(d.at("code") == "RV041");
    CHECK(d.at("severity") == "error");
    CHECK(d.at("file") == report.string());
    CHECK(d.at("line") == 14);
    CHECK(d.at("column") == 22);
    CHECK(d.at("message") ==
          "The figures per region add up to 23, but total_treated is 22. Correct the figures so "
          "that they agree.");
}

TEST_CASE("cli: a missing content folder exits 2") {
    const Result result = program("check tests/finnes-ikke");
    INFO(result.out << result.err);
    CHECK(result.code == 2);
    CHECK(contains(result.out, "RV010"));
    CHECK(contains(result.out, "tests/finnes-ikke"));
}

TEST_CASE("cli: a bad option exits 2 with a usage hint") {
    const Result result = program("check examples/minimal --bogus");
    INFO(result.out << result.err);
    CHECK(result.code == 2);
    CHECK(contains(result.err, "--bogus"));
    CHECK(contains(result.err, "rapportverk --help"));
    CHECK(result.out.empty());

    for (const std::string args :
         {"check --format xml", "check --lang de", "check --out", "frobnicate", "check a b"}) {
        CAPTURE(args);
        const Result bad = program(args);
        CHECK(bad.code == 2);
        CHECK(contains(bad.err, "rapportverk --help"));
    }
}

TEST_CASE("cli: a usage error follows --lang en") {
    const Result result = program("--lang en check --bogus");
    INFO(result.out << result.err);
    CHECK(result.code == 2);
    CHECK(contains(result.err, "Run \"rapportverk --help\" for usage."));
}

TEST_CASE("cli: check content, the bundled real content, is clean") {
    const Result result = program("check content");  // run in RV_SOURCE_DIR
    INFO(result.out << result.err);
    CHECK(result.code == 0);
    CHECK(last_line(result.out).rfind("0 feil, 0 advarsler i ", 0) == 0);
}

TEST_CASE("cli: --help prints the usage") {
    const Result result = program("--help");
    CHECK(result.code == 0);
    CHECK(result.out.rfind("Bruk: rapportverk", 0) == 0);
    for (const char* word : {"check", "build", "new", "--lang", "--format", "--strict"}) {
        CHECK_MESSAGE(contains(result.out, word), word);
    }
    const Result english = program("--lang en --help");
    CHECK(english.code == 0);
    CHECK(english.out.rfind("Usage: rapportverk", 0) == 0);
    // The order of the options does not matter.
    const Result english_after = program("--help --lang en");
    CHECK(english_after.code == 0);
    CHECK(english_after.out == english.out);
    // Without a command the usage is shown as well.
    const Result bare = program("");
    CHECK(bare.code == 0);
    CHECK(bare.out == result.out);
}
