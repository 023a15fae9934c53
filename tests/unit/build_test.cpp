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

namespace fs = std::filesystem;

namespace {

// A temporary folder holding a copy of examples/minimal as `content/` (symbolic links
// copied as real files); removed at the end of the test.
class Workspace {
  public:
    Workspace() {
        std::string pattern = (fs::temp_directory_path() / "rv-build-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        base_ = pattern;
        copy_tree(fs::path(RV_SOURCE_DIR) / "examples" / "minimal", content());
    }
    ~Workspace() {
        std::error_code ec;
        for (const auto& entry : fs::recursive_directory_iterator(base_, ec)) {
            fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(base_, ec);
    }
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const fs::path& base() const { return base_; }
    fs::path content() const { return base_ / "content"; }
    fs::path report_dir() const { return content() / "services" / "eksempeltjeneste" / "2023"; }

  private:
    fs::path base_;

    static void copy_tree(const fs::path& from, const fs::path& to) {
        fs::create_directories(to);
        for (const auto& entry : fs::directory_iterator(from)) {
            const fs::path target = to / entry.path().filename();
            if (fs::is_directory(entry.path())) {
                copy_tree(entry.path(), target);
            } else {
                fs::copy_file(entry.path(), target);
            }
        }
    }
};

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    Run result;
    result.code = rv::cli::run(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

Run build(const fs::path& content, const fs::path& out, bool strict = false) {
    std::vector<std::string> args = {"build", content.string(), "--out", out.string()};
    if (strict) {
        args.push_back("--strict");
    }
    return run(args);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

void replace_once(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = read_file(path);
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from << " not in " << path);
    text.replace(at, from.size(), to);
    write_file(path, text);
}

// Every file and folder under `dir`, relative, with the contents of the files.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().lexically_relative(dir).generic_string();
        out[name] = entry.is_directory() ? std::string("<folder>") : read_file(entry.path());
    }
    return out;
}

// The names in `dir`, e.g. to see that no ".site.staging-…" or ".site.previous-…" is left.
std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        out.insert(entry.path().filename().string());
    }
    return out;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Adds a 2022 report, a copy of 2023 with the year changed.
void add_report_2022(const Workspace& ws) {
    const fs::path dir = ws.report_dir().parent_path() / "2022";
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(ws.report_dir())) {
        fs::copy_file(entry.path(), dir / entry.path().filename());
    }
    replace_once(dir / "report.json", "\"year\": 2023", "\"year\": 2022");
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
    // one service type, two years, the national table and the accessibility statement.
    CHECK(pages == 14);
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
