// Hostile content (issue 7, item 2): content from many hands must not crash the checker,
// make it hang, write outside the output folder, or put script on the site. Each case ends
// in a clear diagnostic. (Script in Markdown, symbolic links, invalid UTF-8, BOM, CRLF and
// duplicate keys have their tests in render_html_test, diagnostics_test, json_reader_test
// and markdown_reader_test.)
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "load/files.hpp"
#include "messages/catalog.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;
using namespace rv::test;

namespace {

bool has_control_character(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\n') || byte == 0x7F;
    });
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::string line;
    for (char c : text) {
        if (c == '\n') {
            out.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    return out;
}

CliRun check_cli(const TempContent& content, const std::string& language,
                 const std::string& format = "text") {
    return run_cli({"check", content.path().string(), "--lang", language, "--format", format});
}

}  // namespace

TEST_CASE("hostile: files of hundreds of megabytes are refused unread, with the limit named") {
    const TempContent content;
    // Sparse files: 300 MiB that take no room on the disk and would take seconds to read.
    const auto huge = [&](const std::string& relative) {
        fs::resize_file(content.path() / relative, 300u << 20);
    };

    SUBCASE("report.json") {
        huge(kReport);
        const auto result = content.check();
        const auto d = expect_one(result, "RV003", Severity::error, content.file(kReport), 0);
        CHECK(d.args == std::vector<std::string>{"@file.too_large"});
        CHECK(contains(rv::messages::format(d, "en"), "the limit is 8 MiB for JSON"));
        CHECK(contains(rv::messages::format(d, "nb"), "grensen er 8 MiB for JSON"));
    }
    SUBCASE("a section file") {
        huge(section("kort-fortalt"));
        const auto result = content.check();
        const auto d =
            expect_one(result, "RV003", Severity::error, content.file(section("kort-fortalt")), 0);
        CHECK(d.args == std::vector<std::string>{"@file.too_large"});
        CHECK(contains(rv::messages::format(d, "en"), "4 MiB for Markdown"));
        CHECK(codes(result) == "RV003");  // not also an empty required section
    }
    SUBCASE("a real file one byte over the bound") {
        content.write(section("kort-fortalt"), std::string(rv::load::max_markdown_bytes + 1, 'a'));
        CHECK(find(content.check(), "RV003").size() == 1);
        content.write(section("kort-fortalt"), std::string(rv::load::max_markdown_bytes, 'a'));
        CHECK(find(content.check(), "RV003").empty());
    }
    SUBCASE("the build stops and writes nothing") {
        huge(kReport);
        const auto run = run_cli(
            {"build", content.path().string(), "--out", content.site().string(), "--lang", "en"});
        CHECK(run.code == 1);
        CHECK(contains(run.out, "RV003"));
        CHECK(contains(run.err, "The build stopped"));
        CHECK_FALSE(fs::exists(content.site()));
    }
}

TEST_CASE("hostile: JSON nested thousands deep is a syntax error, not an exhausted stack") {
    const TempContent content;
    const std::string arrays = std::string(100000, '[') + std::string(100000, ']');
    std::string objects;
    for (int i = 0; i < 20000; ++i) {
        objects += "{\"a\":";
    }
    objects += "1" + std::string(20000, '}');

    for (const std::string& text : {arrays, objects}) {
        content.write(kReport, text);
        const auto result = content.check();
        // Reading stops at the first value below the bound: the 129th opening bracket.
        const auto d = expect_one(result, "RV001", Severity::error, content.file(kReport), 1);
        CHECK(d.args == std::vector<std::string>{"@json.too_deep"});
        CHECK(contains(rv::messages::format(d, "en"), "nested too deeply (more than 128 levels)"));
        CHECK(contains(rv::messages::format(d, "nb"), "nestet for dypt (mer enn 128 nivåer)"));
    }

    SUBCASE("in site.json the tree cannot be used: exit 2") {
        content.write("site.json", arrays);
        const auto run = check_cli(content, "en");
        CHECK(run.code == 2);
        CHECK(contains(run.out, "RV001"));
        CHECK(contains(run.out, "nested too deeply"));
    }
}

TEST_CASE("hostile: Markdown nested thousands deep is checked and built") {
    const TempContent content;
    std::string quotes;
    std::string lists;
    for (int i = 0; i < 5000; ++i) {
        quotes += "> ";
        lists += "- ";
    }
    content.write(section("kort-fortalt"),
                  quotes + "Sitat.\n\n" + lists + "Punkt.\n\n" + std::string(5000, '*') +
                      "uthevet" + std::string(5000, '*') + "\n\n" + std::string(5000, '[') +
                      "lenke" + std::string(5000, ']') + "\n");
    const auto run = run_cli({"build", content.path().string(), "--out", content.site().string()});
    INFO(run.out << run.err);
    CHECK(run.code == 0);
    const std::string page = read_file(content.page());
    CHECK(contains(page, "Sitat."));
    CHECK(contains(page, "Punkt."));
    CHECK(fs::file_size(content.site() / "eksempeltjeneste" / "2023" / "rapport.pdf") > 1000);
}

TEST_CASE("hostile: folder names with '..', control characters or bytes that are not UTF-8") {
    const TempContent content;
    const std::vector<std::string> services = {
        "a..b", "..skjult", ".git", "rod\x1b[31mtekst", "ny\nlinje", "tab\tnavn", "bl\xe5"};
    for (const auto& name : services) {
        content.copy("services/eksempeltjeneste", "services/" + name);
    }
    content.mkdir(
        "services/eksempeltjeneste/20\x07"
        "23");
    content.mkdir("services/eksempeltjeneste/..2023");
    const auto result = content.check();
    INFO(describe(result));
    const auto slugs = find(result, "RV013");
    REQUIRE(slugs.size() == services.size());
    for (const auto& d : slugs) {
        CHECK(std::find(services.begin(), services.end(), d.args.at(0)) != services.end());
    }
    CHECK(find(result, "RV015").size() == 2);
    CHECK(result.reports == 1);  // only the real service is read

    SUBCASE("text output: one line per finding, control characters shown as \\xNN") {
        const auto run = check_cli(content, "en");
        CHECK(run.code == 1);
        CHECK_FALSE(has_control_character(run.out));
        CHECK(contains(run.out, "rod\\x1B[31mtekst"));
        CHECK(contains(run.out, "ny\\x0Alinje"));
        CHECK(contains(run.out, "20\\x0723"));
        const auto lines = lines_of(run.out);
        CHECK(lines.size() == slugs.size() + 2 + 1);  // the findings and the summary
    }
    SUBCASE("JSON output stays valid JSON (bytes that are not UTF-8 become U+FFFD)") {
        const auto run = check_cli(content, "en", "json");
        CHECK(run.code == 1);
        const auto doc = nlohmann::json::parse(run.out);
        CHECK(doc["errors"] == slugs.size() + 2);
        CHECK(contains(run.out, "bl\xef\xbf\xbd"));
        CHECK(contains(run.out, "rod\\u001b[31mtekst"));
    }
    SUBCASE("the build stops; nothing is written anywhere") {
        const auto before = names_in(content.base());
        const auto run =
            run_cli({"build", content.path().string(), "--out", content.site().string()});
        CHECK(run.code == 1);
        CHECK(names_in(content.base()) == before);
    }
}

TEST_CASE("hostile: section file names with '..' or control characters are not sections") {
    const TempContent content;
    content.write(std::string(kReportDir) + "/..md", "Punktum.\n");
    content.write(std::string(kReportDir) +
                      "/kort\x1b]0;tittel\x07"
                      "fortalt.md",
                  "Tekst.\n");
    const auto result = content.check();
    INFO(describe(result));
    const auto unknown = find(result, "RV032");
    REQUIRE(unknown.size() == 2);
    const auto run = check_cli(content, "en");
    CHECK_FALSE(has_control_character(run.out));
    CHECK(contains(run.out, "kort\\x1B]0;tittel\\x07fortalt"));
}

TEST_CASE("hostile: names in JSON with '..', '/' or NUL do not reach the file system") {
    // A file name cannot hold '/' or NUL, but a JSON string can; the names that make paths
    // come from the folders, and a report that names another service is an error.
    const TempContent content;
    content.replace(kReport, "\"service\": \"eksempeltjeneste\"",
                    "\"service\": \"../../../tmp/x\\u0000y\"");
    content.replace(kService, "\"id\": \"eksempeltjeneste\"", "\"id\": \"../eksempel/../\"");
    const auto result = content.check();
    INFO(describe(result));
    const auto service = expect_one(result, "RV022", Severity::error, content.file(kReport),
                                    content.at(kReport, "\"../../../tmp"));
    CHECK(service.args.at(0) == std::string("../../../tmp/x\0y", 16));
    expect_one(result, "RV020", Severity::error, content.file(kService),
               content.at(kService, "\"../eksempel"));

    const auto run = run_cli(
        {"build", content.path().string(), "--out", content.site().string(), "--lang", "en"});
    CHECK(run.code == 1);
    CHECK_FALSE(has_control_character(run.out));
    CHECK(contains(run.out, "x\\x00y"));
    CHECK(names_in(content.base()) == std::set<std::string>{"content"});
}

TEST_CASE("hostile: counts that are negative, fractional, huge or not numbers") {
    const TempContent content;
    const std::string field = "\"count\": 4";
    struct Case {
        std::string value;
        std::string code;
        std::vector<std::string> args;
    };
    const std::vector<Case> cases = {
        {"-3", "RV106", {"/staff/0/count", "@schema.at_least", "0"}},
        {"2.5", "RV101", {"/staff/0/count", "@type.integer", "@type.decimal"}},
        {"1e30", "RV101", {"/staff/0/count", "@type.integer", "@type.too_large"}},
        {"99999999999999999999", "RV101", {"/staff/0/count", "@type.integer", "@type.too_large"}},
        {"\"fire\"", "RV101", {"/staff/0/count", "@type.integer", "@type.string"}},
        {"null", "RV101", {"/staff/0/count", "@type.integer", "@type.null"}},
        {"true", "RV101", {"/staff/0/count", "@type.integer", "@type.boolean"}},
        {"{}", "RV101", {"/staff/0/count", "@type.integer", "@type.object"}},
    };
    const Position at = content.after(kReport, "\"count\": ");
    std::string previous = field;
    for (const auto& c : cases) {
        CAPTURE(c.value);
        const std::string next = "\"count\": " + c.value;
        content.replace(kReport, previous, next);
        previous = next;
        const auto result = content.check();
        const auto d = expect_one(result, c.code, Severity::error, content.file(kReport), at);
        CHECK(d.args == c.args);
        CHECK(rv::model::has_errors(result.diagnostics, false));
    }
    CHECK(rv::messages::text("RV101", "en", cases[2].args) ==
          "/staff/0/count: a whole number expected, but the value is a number too large to "
          "count with.");

    SUBCASE("1e400 is beyond any number: the file cannot be read") {
        content.replace(kReport, previous, "\"count\": 1e400");
        const auto d =
            expect_one(content.check(), "RV001", Severity::error, content.file(kReport), at);
        CHECK(d.args == std::vector<std::string>{"@json.number_out_of_range"});
    }
}

TEST_CASE("hostile: a huge figure that the form allows is shown, not a crash") {
    // An activity figure may be any number; 1e300 once sent the number formatting into
    // endless recursion.
    const TempContent content;
    content.replace(kReport, "\"value\": 25", "\"value\": 1e300");
    const auto run = run_cli({"build", content.path().string(), "--out", content.site().string()});
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);
    CHECK(contains(read_file(content.page()), "000\u00a0000\u00a0000"));
}

TEST_CASE("hostile: a section file that is a pipe is refused without reading it") {
    const TempContent content;
    content.remove(section("kort-fortalt"));
    // Opening a pipe nobody writes to blocks for ever: it must not be opened at all.
    REQUIRE(::mkfifo(content.file(section("kort-fortalt")).c_str(), 0644) == 0);
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV003", Severity::error, content.file(section("kort-fortalt")), 0);
    CHECK(d.args == std::vector<std::string>{"@file.not_regular"});
    CHECK(contains(rv::messages::format(d, "en"), "a folder or a special file"));
}

TEST_CASE("hostile: an unreadable section file or report.json") {
    const TempContent content;
    fs::permissions(content.base(), fs::perms::owner_all | fs::perms::group_read |
                                        fs::perms::group_exec | fs::perms::others_read |
                                        fs::perms::others_exec);
    for (const auto& relative : {section("kort-fortalt"), std::string(kReport)}) {
        fs::permissions(content.path() / relative, fs::perms::none);
    }
    std::string found;  // "file code arg" per RV003
    if (::geteuid() != 0) {
        for (const auto& d : find(content.check(), "RV003")) {
            found += d.at.file + " " + d.args.at(0) + "\n";
        }
    } else {
        // root reads any file: check as the user "nobody" in a child process.
        int pipe_ends[2];
        REQUIRE(::pipe(pipe_ends) == 0);
        std::fflush(stdout);  // the child must not print what the parent buffered
        std::fflush(stderr);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(pipe_ends[0]);
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
                ::_exit(2);
            }
            std::string report;
            for (const auto& d : rv::cli::check_content(content.path().string()).diagnostics) {
                if (d.code == "RV003") {
                    report += d.at.file + " " + d.args.at(0) + "\n";
                }
            }
            const bool written = ::write(pipe_ends[1], report.data(), report.size()) ==
                                 static_cast<ssize_t>(report.size());
            ::_exit(written ? 0 : 1);
        }
        ::close(pipe_ends[1]);
        char buffer[4096];
        for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;) {
            found.append(buffer, static_cast<std::size_t>(n));
        }
        ::close(pipe_ends[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        REQUIRE_MESSAGE(WIFEXITED(status), "the check as nobody did not finish");
        if (WEXITSTATUS(status) == 2) {
            MESSAGE("skipped: cannot switch to the user nobody (65534)");
            return;
        }
        REQUIRE(WEXITSTATUS(status) == 0);
    }
    CHECK(found == content.file(section("kort-fortalt")) + " @file.unreadable\n" +
                       content.file(kReport) + " @file.unreadable\n");
    CHECK(rv::messages::text("file.unreadable", "en") ==
          "the file cannot be read (check its permissions)");
}

TEST_CASE("hostile: script in JSON strings is text on every page and in the PDFs") {
    const TempContent content;
    content.replace(kReport, "\"label\": \"Operasjoner\"",
                    "\"label\": \"Operasjoner <script>alert(1)</script>\"");
    content.replace(kReport, "\"title\": \"Kort ventetid\"",
                    "\"title\": \"\\\"><img src=x onerror=alert(2)>\"");
    content.replace(kReport, "\"specialty\": \"Ortopedi\"",
                    "\"specialty\": \"Ortopedi</td><script>alert(3)</script>\"");
    const auto run = run_cli({"build", content.path().string(), "--out", content.site().string()});
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);

    int pages = 0;
    for (const auto& entry : fs::recursive_directory_iterator(content.site())) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".html" && ext != ".xml" && ext != ".svg") {
            continue;  // data/*.json and *.csv hold the text as data, for programs
        }
        CAPTURE(entry.path().string());
        const std::string text = read_file(entry.path());
        CHECK_FALSE(contains(text, "<script>alert"));
        CHECK_FALSE(contains(text, "<img src=x"));
        ++pages;
    }
    CHECK(pages > 5);
    const std::string page = read_file(content.page());
    CHECK(contains(page, "Operasjoner &lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(page, "&lt;img src=x onerror=alert(2)&gt;"));

    for (const fs::path& pdf : {content.site() / "eksempeltjeneste" / "2023" / "rapport.pdf",
                                content.site() / "arsrapporter-2023.pdf"}) {
        CAPTURE(pdf.string());
        const std::string bytes = read_file(pdf);
        for (const char* active : {"/JavaScript", "/JS", "/Launch", "javascript:"}) {
            CHECK_FALSE(contains(bytes, active));
        }
        // The text is printed as it was written.
        const fs::path text = content.base() / "pdf.txt";
        const std::string command =
            "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + text.string() + "' 2>/dev/null";
        if (std::system(command.c_str()) != 0) {
            MESSAGE("skipped the PDF text: pdftotext (poppler-utils) is not installed");
            continue;
        }
        const std::string printed = read_file(text);
        CHECK(contains(printed, "<script>alert(1)</script>"));
        CHECK(contains(printed, "onerror=alert(2)>"));
        fs::remove(text);
    }
}
