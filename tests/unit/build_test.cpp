// Tests for `rapportverk build` through rv::cli::run: a clean build writes one page per
// report; a build that stops (content errors, --strict warnings, an unwritable target)
// leaves the previous output byte for byte as it was, and no staging folder behind.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "fixture.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;

namespace {

using Workspace = rv::test::TempContent;
using rv::test::contains;
using rv::test::names_in;
using rv::test::snapshot;
using Run = rv::test::CliRun;
using rv::test::read_file;
using rv::test::replace_once;
using rv::test::write_file;

Run run(const std::vector<std::string>& args) {
    return rv::test::run_cli(args);
}

Run build(const fs::path& content, const fs::path& out, bool strict = false) {
    std::vector<std::string> args = {"build", content.string(), "--out", out.string()};
    if (strict) {
        args.push_back("--strict");
    }
    return run(args);
}

}  // namespace

TEST_CASE("build: a clean build writes the index and one page per report") {
    Workspace ws;
    add_report_2022(ws);
    const fs::path site = ws.base() / "site";
    const Run result = build(ws.content(), site);
    INFO(result.out << result.err);
    REQUIRE(result.code == 0);
    CHECK(contains(result.out, "0 feil, 0 advarsler i 2 rapporter"));
    CHECK(contains(result.err, "Bygget 2 rapportsider"));

    CHECK(fs::is_regular_file(site / "index.html"));
    CHECK(fs::is_regular_file(site / "eksempeltjeneste" / "2022" / "index.html"));
    CHECK(fs::is_regular_file(site / "eksempeltjeneste" / "2023" / "index.html"));
    int pages = 0;
    for (const auto& [name, contents] : snapshot(site)) {
        if (fs::path(name).filename() == "index.html") {
            ++pages;
            CHECK_MESSAGE(contains(contents, "</html>"), name);
        }
    }
    // The index, two reports, the open data page (data/), the service page, four regions,
    // one service type, two years, the national table, the accessibility statement and the
    // search page.
    CHECK(pages == 15);
    // The index links each report page.
    const std::string index = read_file(site / "index.html");
    CHECK(contains(index, "href=\"eksempeltjeneste/2022/index.html\""));
    CHECK(contains(index, "href=\"eksempeltjeneste/2023/index.html\""));
    // Only the output itself is left beside it.
    CHECK(names_in(ws.base()) == std::set<std::string>{"content", "site"});
}

TEST_CASE("build: the same content builds to the same bytes") {
    Workspace ws;
    const fs::path site = ws.base() / "site";
    REQUIRE(build(ws.content(), site).code == 0);
    const auto first = snapshot(site);
    REQUIRE(build(ws.content(), site).code == 0);
    CHECK(snapshot(site) == first);
    CHECK(names_in(ws.base()) == std::set<std::string>{"content", "site"});
}

TEST_CASE("build: a successful rebuild replaces the whole output") {
    Workspace ws;
    const fs::path site = ws.base() / "site";
    REQUIRE(build(ws.content(), site).code == 0);
    write_file(site / "gammel.html", "stale");
    write_file(ws.report_dir() / "aktivitet.md", "Tjenesten gjorde 31 operasjoner i 2023.\n");
    const Run result = build(ws.content(), site);
    INFO(result.out << result.err);
    REQUIRE(result.code == 0);
    CHECK_FALSE(fs::exists(site / "gammel.html"));
    CHECK(contains(read_file(site / "eksempeltjeneste" / "2023" / "index.html"),
                   "Tjenesten gjorde 31 operasjoner i 2023."));
    CHECK(names_in(ws.base()) == std::set<std::string>{"content", "site"});
}

TEST_CASE("build: a report with errors stops the build and keeps the previous output") {
    Workspace ws;
    const fs::path site = ws.base() / "site";
    REQUIRE(build(ws.content(), site).code == 0);
    const auto before = snapshot(site);
    REQUIRE(before.count("eksempeltjeneste/2023/index.html") == 1);

    // The per-region figures now add up to 23, but total_treated stays 22.
    replace_once(ws.report_dir() / "report.json", "\"helse-vest\": 5", "\"helse-vest\": 6");
    // A changed text that must not reach the site.
    write_file(ws.report_dir() / "aktivitet.md", "Ny tekst som ikke skal publiseres.\n");
    const Run result = build(ws.content(), site);
    INFO(result.out << result.err);
    CHECK(result.code == 1);
    CHECK(contains(result.out, "RV041"));
    CHECK(contains(result.out, "report.json:14:"));
    CHECK(contains(result.out, "1 feil, 0 advarsler i 1 rapport"));
    CHECK(contains(result.err, "Bygget stoppet"));
    CHECK(contains(result.err, site.string()));

    CHECK(snapshot(site) == before);
    CHECK(names_in(ws.base()) == std::set<std::string>{"content", "site"});
}

TEST_CASE("build: with no previous output, a stopped build creates nothing") {
    Workspace ws;
    replace_once(ws.report_dir() / "report.json", "\"helse-vest\": 5", "\"helse-vest\": 6");
    const fs::path site = ws.base() / "site";
    CHECK(build(ws.content(), site).code == 1);
    CHECK_FALSE(fs::exists(site));
    CHECK(names_in(ws.base()) == std::set<std::string>{"content"});
}

TEST_CASE("build: an output folder that cannot be written fails with a message") {
    Workspace ws;
    const fs::path site = ws.base() / "site";
    REQUIRE(build(ws.content(), site).code == 0);
    const auto before = snapshot(site);

    if (::geteuid() == 0) {
        // root may write into read-only folders; make creation fail another way: the
        // target lies under a regular file.
        const fs::path blocker = ws.base() / "blokk";
        write_file(blocker, "not a folder");
        const fs::path target = blocker / "site";
        const Run result = build(ws.content(), target);
        INFO(result.out << result.err);
        CHECK(result.code == 1);
        CHECK(contains(result.err, "Kunne ikke skrive"));
        CHECK(contains(result.err, target.string()));
        CHECK(read_file(blocker) == "not a folder");
        CHECK(fs::is_regular_file(blocker));
        CHECK(snapshot(site) == before);
        CHECK(names_in(ws.base()) == std::set<std::string>{"blokk", "content", "site"});
    } else {
        // The old output lives in a folder that has become read-only.
        const fs::path parent = ws.base() / "skrivebeskyttet";
        const fs::path target = parent / "site";
        REQUIRE(build(ws.content(), target).code == 0);
        const auto old = snapshot(target);
        fs::permissions(parent, fs::perms::owner_read | fs::perms::owner_exec);
        const Run result = build(ws.content(), target);
        fs::permissions(parent, fs::perms::owner_all);
        INFO(result.out << result.err);
        CHECK(result.code == 1);
        CHECK(contains(result.err, "Kunne ikke skrive"));
        CHECK(contains(result.err, target.string()));
        CHECK(snapshot(target) == old);
        CHECK(names_in(parent) == std::set<std::string>{"site"});
    }
}

TEST_CASE("build: --strict turns a warning into a stopped build") {
    Workspace ws;
    // An optional section left empty: warning RV034.
    write_file(ws.report_dir() / "planer.md", "");
    const fs::path site = ws.base() / "site";

    const Run strict = build(ws.content(), site, true);
    INFO(strict.out << strict.err);
    CHECK(strict.code == 1);
    CHECK(contains(strict.out, "RV034"));
    CHECK(contains(strict.out, "1 feil, 0 advarsler i 1 rapport"));
    CHECK(contains(strict.err, "Bygget stoppet"));
    CHECK_FALSE(fs::exists(site));

    const Run relaxed = build(ws.content(), site);
    INFO(relaxed.out << relaxed.err);
    CHECK(relaxed.code == 0);
    CHECK(contains(relaxed.out, "RV034"));
    CHECK(contains(relaxed.out, "0 feil, 1 advarsel i 1 rapport"));
    REQUIRE(fs::exists(site / "eksempeltjeneste" / "2023" / "index.html"));
    const auto built = snapshot(site);

    // Once built, a strict build that stops leaves that output alone.
    CHECK(build(ws.content(), site, true).code == 1);
    CHECK(snapshot(site) == built);
    CHECK(names_in(ws.base()) == std::set<std::string>{"content", "site"});
}

TEST_CASE("build: a section file that links outside the content folder is not published") {
    Workspace ws;
    // The loader promises never to follow a path out of the content tree.
    const fs::path secret = ws.base() / "hemmelig.txt";
    write_file(secret, "HEMMELIG-TEKST-UTENFOR-INNHOLDET\n");
    const fs::path section = ws.report_dir() / "aktivitet.md";
    fs::remove(section);
    fs::create_symlink(secret, section);
    const fs::path site = ws.base() / "site";
    const Run result = build(ws.content(), site);
    INFO(result.out << result.err);
    // Either the build refuses the link, or the page leaves the outside text out.
    if (result.code == 0) {
        CHECK_FALSE(contains(read_file(site / "eksempeltjeneste" / "2023" / "index.html"),
                             "HEMMELIG-TEKST-UTENFOR-INNHOLDET"));
    } else {
        CHECK(result.code == 1);
        CHECK_FALSE(fs::exists(site));
    }
}

TEST_CASE("build: an output folder that holds the content is refused, the content kept") {
    Workspace ws;
    const auto content_before = snapshot(ws.content());
    SUBCASE("the content folder itself") {
        const Run result = build(ws.content(), ws.content());
        INFO(result.out << result.err);
        CHECK(result.code != 0);
        CHECK_FALSE(result.err.empty());
    }
    SUBCASE("a folder above the content folder") {
        const Run result = build(ws.content(), ws.base());
        INFO(result.out << result.err);
        CHECK(result.code != 0);
        CHECK_FALSE(result.err.empty());
    }
    REQUIRE(fs::is_directory(ws.content()));
    CHECK(snapshot(ws.content()) == content_before);
}
