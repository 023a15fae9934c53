// `rapportverk build` on several cores and incrementally: --jobs N gives the same bytes for any N;
// a build into the same --out takes over the pages and PDFs of reports whose files did not change,
// and its result is byte for byte a
// --clean build's; a change to shared input rebuilds all, a theme change every page; --clean
// and a damaged cache build all; --no-pdf writes no PDF; errors keep the old site; the
// progress line is drawn only on a terminal. Built from copies of the bundled content.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/site_build.hpp"
#include "fixture.hpp"
#include "messages/catalog.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;
using namespace rv::test;

namespace {

const std::string kEpoch = "1700000000";
const std::string kBensarkom = "services/bensarkom/2023";
const std::string kHipec = "services/hipec/2023";

// A copy of RV_SOURCE_DIR/content (nine services with one 2023 report each) in a temporary
// folder, with room beside it for the sites.
class Bundled {
  public:
    Bundled() : root_(temp_.base() / "innhold") {
        fs::copy(fs::path(RV_SOURCE_DIR) / "content", root_, fs::copy_options::recursive);
    }
    const fs::path& root() const { return root_; }
    fs::path base() const { return temp_.base(); }
    fs::path out(const std::string& name = "site") const { return temp_.base() / name; }
    fs::path file(const std::string& relative) const { return root_ / relative; }

    void write(const std::string& relative, const std::string& text) const {
        write_file(root_ / relative, text);
    }
    void append(const std::string& relative, const std::string& text) const {
        write(relative, read_file(root_ / relative) + text);
    }
    // A copy of the service's 2023 report as its 2022 report.
    void add_2022(const std::string& service) const {
        const fs::path dir = root_ / "services" / service;
        fs::copy(dir / "2023", dir / "2022", fs::copy_options::recursive);
        replace_once(dir / "2022" / "report.json", "\"year\": 2023", "\"year\": 2022");
    }

    CliRun build(const std::string& out = "site",
                 const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{"build", root_.string(), "--out", this->out(out).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(args);
    }

  private:
    TempContent temp_;  // for its folder, removed when the test ends
    fs::path root_;
};

// The message of a build that took over `reused` of `pages` reports.
std::string reused_message(const fs::path& out, int pages, int reused,
                           const std::string& language = "nb") {
    return rv::messages::text("cli.build_done_reused", language,
                              {rv::messages::counted("count.pages", pages, language), out.string(),
                               std::to_string(reused)});
}

// The names of the files that differ between two snapshots ("" when none).
std::string differences(const std::map<std::string, std::string>& a,
                        const std::map<std::string, std::string>& b) {
    std::set<std::string> names;
    for (const auto* side : {&a, &b}) {
        for (const auto& [name, bytes] : *side) {
            const auto other = (side == &a ? b : a).find(name);
            if (other == (side == &a ? b : a).end() || other->second != bytes) {
                names.insert(name);
            }
        }
    }
    std::string out;
    for (const auto& name : names) {
        out += (out.empty() ? "" : " ") + name;
    }
    return out;
}

// Builds the same content with --clean into a fresh folder: `site` must be byte for byte it.
void check_same_as_clean(const Bundled& content, const fs::path& site,
                         const std::vector<std::string>& extra = {}) {
    fs::remove_all(content.out("ren"));
    std::vector<std::string> args = extra;
    args.push_back("--clean");
    const CliRun clean = content.build("ren", args);
    INFO(clean.out << clean.err);
    REQUIRE(clean.code == 0);
    CHECK(differences(snapshot(site), snapshot(content.out("ren"))) == "");
}

std::set<std::string> files_ending(const fs::path& dir, const std::string& suffix) {
    std::set<std::string> out;
    for (const auto& [name, bytes] : snapshot(dir)) {
        if (name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            out.insert(name);
        }
    }
    return out;
}

ino_t inode(const fs::path& path) {
    struct stat info {};
    REQUIRE_MESSAGE(::stat(path.c_str(), &info) == 0, path.string());
    return info.st_ino;
}

// When the file was last written, in nanoseconds.
long long written(const fs::path& path) {
    struct stat info {};
    REQUIRE_MESSAGE(::stat(path.c_str(), &info) == 0, path.string());
    return static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
}

const std::set<std::string> kReportPages = {"allogen-stamcelletransplantasjon/2023/index.html",
                                            "bekkeneksenterasjon/2023/index.html",
                                            "bensarkom/2023/index.html",
                                            "bloedersykdom/2023/index.html",
                                            "fertilitetsbevarende-livmorhalskreft/2023/index.html",
                                            "hipec/2023/index.html",
                                            "malign-trofoblastsykdom/2023/index.html",
                                            "protonterapi/2023/index.html",
                                            "sykdomsrelatert-underernaering/2023/index.html"};

}  // namespace

TEST_CASE("incremental: --jobs 1 and --jobs 3 write the same site and print the same") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    for (const char* service : {"bensarkom", "hipec", "protonterapi", "bloedersykdom"}) {
        content.add_2022(service);  // 13 reports, two years
    }
    content.write(kBensarkom + "/utfordringer.md", "\n");  // RV034 warnings in two reports
    content.write("services/hipec/2022/utfordringer.md", "\n");
    const CliRun one = content.build("j1", {"--jobs", "1"});
    const CliRun three = content.build("j3", {"--jobs", "3"});
    INFO(one.out << one.err << three.out << three.err);
    REQUIRE(one.code == 0);
    REQUIRE(three.code == 0);
    CHECK(contains(one.out, "2 advarsler i 13 rapporter"));
    CHECK(one.out == three.out);                                  // the findings in the same order
    CHECK(files_ending(content.out("j1"), ".pdf").size() == 15);  // 13 reports, 2 volumes
    CHECK(differences(snapshot(content.out("j1")), snapshot(content.out("j3"))) == "");

    // Incrementally too, each site with the other number of threads.
    content.append(kHipec + "/kort-fortalt.md", "\nEt avsnitt skrevet av testen.\n");
    const CliRun again_one = content.build("j1", {"--jobs", "3"});
    const CliRun again_three = content.build("j3", {"--jobs", "1"});
    CHECK(contains(again_one.err, reused_message(content.out("j1"), 13, 12)));
    CHECK(contains(again_three.err, reused_message(content.out("j3"), 13, 12)));
    CHECK(again_one.out == one.out);
    CHECK(again_three.out == one.out);
    CHECK(differences(snapshot(content.out("j1")), snapshot(content.out("j3"))) == "");
    check_same_as_clean(content, content.out("j1"));
}

TEST_CASE("incremental: after one edit only that report is built again, as --clean would") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    content.write(kBensarkom + "/utfordringer.md", "\n");  // an RV034 warning, to be cached
    const fs::path site = content.out();
    const CliRun first = content.build();
    INFO(first.out << first.err);
    REQUIRE(first.code == 0);
    CHECK(contains(first.out, "RV034"));
    CHECK_FALSE(contains(first.err, "uendret"));
    CHECK(fs::is_regular_file(site / ".rapportverk-cache"));
    const ino_t bensarkom_page = inode(site / "bensarkom/2023/index.html");
    const ino_t bensarkom_pdf = inode(site / "bensarkom/2023/rapport.pdf");

    SUBCASE("a section") {
        content.append(kHipec + "/kort-fortalt.md", "\nEt avsnitt skrevet av testen.\n");
        const CliRun run = content.build();
        INFO(run.out << run.err);
        REQUIRE(run.code == 0);
        CHECK(contains(run.err, reused_message(site, 9, 8)));
        CHECK(run.out == first.out);  // the cached report's warning is printed as before
        CHECK(contains(read_file(site / "hipec/2023/index.html"), "Et avsnitt skrevet av testen."));
        // The unchanged report's page and PDF are the previous site's files.
        CHECK(inode(site / "bensarkom/2023/index.html") == bensarkom_page);
        CHECK(inode(site / "bensarkom/2023/rapport.pdf") == bensarkom_pdf);
        check_same_as_clean(content, site);

        // Once more, in English.
        content.append(kHipec + "/kort-fortalt.md", "\nOg et til.\n");
        const CliRun en = content.build("site", {"--lang", "en"});
        REQUIRE(en.code == 0);
        CHECK(contains(en.err, reused_message(site, 9, 8, "en")));
        CHECK(contains(en.err, "8 were unchanged since the previous build and taken over"));
        check_same_as_clean(content, site);
    }
    SUBCASE("service.json") {
        replace_once(content.file("services/hipec/service.json"), "(HIPEC)", "(HIPEC, endret)");
        const CliRun run = content.build();
        REQUIRE(run.code == 0);
        CHECK(contains(run.err, reused_message(site, 9, 8)));
        CHECK(contains(read_file(site / "hipec/2023/index.html"), "(HIPEC, endret)"));
        check_same_as_clean(content, site);
    }
    SUBCASE("an attachment in the report folder") {
        content.write(kHipec + "/vedlegg.txt", "Første utgave.\n");
        REQUIRE(content.build().code == 0);
        content.write(kHipec + "/vedlegg.txt", "Andre, lengre utgave.\n");
        const CliRun run = content.build();
        REQUIRE(run.code == 0);
        CHECK(contains(run.err, reused_message(site, 9, 8)));
        CHECK(read_file(site / "hipec/2023/vedlegg.txt") == "Andre, lengre utgave.\n");
        check_same_as_clean(content, site);
    }
    SUBCASE("nothing") {
        const CliRun run = content.build();
        REQUIRE(run.code == 0);
        CHECK(contains(run.err, reused_message(site, 9, 9)));
        check_same_as_clean(content, site);
    }
}

TEST_CASE("incremental: a theme change renders every page, shared input rebuilds all") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    const fs::path site = content.out();
    REQUIRE(content.build().code == 0);
    ino_t pdf = inode(site / "bensarkom/2023/rapport.pdf");

    SUBCASE("a template in theme/") {
        std::string report =
            read_file(fs::path(RV_SOURCE_DIR) / "themes/default/templates/report.mustache");
        const auto main_end = report.find("</main>");
        REQUIRE(main_end != std::string::npos);
        report.insert(main_end, "<p class=\"fra-testen\">Tema fra testen</p>");
        content.write("theme/templates/report.mustache", report);
        const CliRun run = content.build();
        INFO(run.out << run.err);
        REQUIRE(run.code == 0);
        CHECK_FALSE(contains(run.err, "uendret"));
        for (const auto& page : kReportPages) {
            CAPTURE(page);
            CHECK(contains(read_file(site / page), "Tema fra testen"));
        }
        CHECK(inode(site / "bensarkom/2023/rapport.pdf") == pdf);  // the PDF is taken over
        check_same_as_clean(content, site);
    }
    SUBCASE("--theme") {
        const fs::path theme = content.base() / "regionens-tema";
        write_file(theme / "messages.json", "{\"ui.home\": {\"nb\": \"Regionens forside\"}}\n");
        const CliRun run = content.build("site", {"--theme", theme.string()});
        REQUIRE(run.code == 0);
        CHECK_FALSE(contains(run.err, "uendret"));
        for (const auto& page : kReportPages) {
            CAPTURE(page);
            CHECK(contains(read_file(site / page), "Regionens forside"));
        }
        CHECK(inode(site / "bensarkom/2023/rapport.pdf") == pdf);
        check_same_as_clean(content, site, {"--theme", theme.string()});
    }
    SUBCASE("regions.json, a form, site.json") {
        for (const char* shared : {"regions.json", "forms/behandlingstjeneste.json", "site.json"}) {
            CAPTURE(shared);
            content.append(shared, "\n");
            const CliRun run = content.build();
            INFO(run.out << run.err);
            REQUIRE(run.code == 0);
            CHECK_FALSE(contains(run.err, "uendret"));
            CHECK(contains(run.err, "Bygget 9 rapportsider i " + site.string()));
            // Rendered again: written while the previous PDF was still there.
            CHECK(inode(site / "bensarkom/2023/rapport.pdf") != pdf);
            pdf = inode(site / "bensarkom/2023/rapport.pdf");
        }
        check_same_as_clean(content, site);
    }
    SUBCASE("SOURCE_DATE_EPOCH") {
        const SourceDateEpoch later{"1710000000"};
        const CliRun run = content.build();
        REQUIRE(run.code == 0);
        CHECK_FALSE(contains(run.err, "uendret"));
        check_same_as_clean(content, site);
    }
}

TEST_CASE("incremental: the program itself is an input: another binary rebuilds all") {
    const Bundled content;
    const fs::path copy = content.base() / "rapportverk-kopi";
    fs::copy_file(RV_BINARY, copy);
    const std::string args =
        " build '" + content.root().string() + "' --out '" + content.out().string() + "'";
    const std::string env = "env SOURCE_DATE_EPOCH=" + kEpoch + " ";
    CHECK_FALSE(contains(shell(env + "'" RV_BINARY "'" + args), "uendret"));
    CHECK(contains(shell(env + "'" RV_BINARY "'" + args), "9 var uendret"));
    CHECK_FALSE(contains(shell(env + "'" + copy.string() + "'" + args), "uendret"));
    CHECK(contains(shell(env + "'" + copy.string() + "'" + args), "9 var uendret"));
}

TEST_CASE("incremental: --clean and a damaged cache build all, --no-pdf writes no PDF") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    const fs::path site = content.out();
    const fs::path cache = site / ".rapportverk-cache";
    REQUIRE(content.build().code == 0);
    const auto full = snapshot(site);

    SUBCASE("--clean") {
        const CliRun run = content.build("site", {"--clean"});
        REQUIRE(run.code == 0);
        CHECK_FALSE(contains(run.err, "uendret"));
        CHECK(differences(snapshot(site), full) == "");
    }
    SUBCASE("a damaged or foreign cache file") {
        const std::string good = read_file(cache);
        for (const std::string& bad :
             {std::string("dette er ingen cache\n"), std::string(), good.substr(0, good.size() / 2),
              good + "mer", "rapportverk build cache 999\n" + good.substr(26)}) {
            write_file(cache, bad);
            const CliRun run = content.build();
            INFO(run.out << run.err);
            REQUIRE(run.code == 0);
            CHECK_FALSE(contains(run.err, "uendret"));  // built in full
            CHECK(differences(snapshot(site), full) == "");
        }
    }
    SUBCASE("--no-pdf, then with PDFs again") {
        const CliRun run = content.build("site", {"--no-pdf"});
        REQUIRE(run.code == 0);
        CHECK(files_ending(site, ".pdf").empty());
        for (const auto& [name, bytes] : snapshot(site)) {
            CAPTURE(name);
            CHECK_FALSE(contains(bytes, "rapport.pdf"));
            CHECK_FALSE(contains(bytes, "arsrapporter-"));
        }
        check_same_as_clean(content, site, {"--no-pdf"});
        // Unchanged reports are taken over between two builds without PDFs.
        const CliRun again = content.build("site", {"--no-pdf"});
        CHECK(contains(again.err, reused_message(site, 9, 9)));
        CHECK(files_ending(site, ".pdf").empty());

        const CliRun with_pdf = content.build();
        REQUIRE(with_pdf.code == 0);
        CHECK_FALSE(contains(with_pdf.err, "uendret"));
        CHECK(files_ending(site, ".pdf").size() == 10);  // nine reports and the 2023 volume
        for (const auto& page : kReportPages) {
            CAPTURE(page);
            CHECK(contains(read_file(site / page), "href=\"rapport.pdf\""));
        }
        CHECK(differences(snapshot(site), full) == "");
    }
}

TEST_CASE("incremental: a removed report leaves no page, PDF or sitemap entry behind") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    content.add_2022("bensarkom");
    const fs::path site = content.out();
    REQUIRE(content.build().code == 0);
    REQUIRE(fs::exists(site / "bensarkom/2022/index.html"));
    REQUIRE(fs::exists(site / "arsrapporter-2022.pdf"));
    REQUIRE(contains(read_file(site / "sitemap.xml"), "bensarkom/2022/"));

    fs::remove_all(content.file("services/bensarkom/2022"));
    const CliRun run = content.build();
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);
    CHECK(contains(run.err, reused_message(site, 9, 9)));
    CHECK_FALSE(fs::exists(site / "bensarkom/2022"));
    CHECK_FALSE(fs::exists(site / "arsrapporter-2022.pdf"));
    CHECK_FALSE(contains(read_file(site / "sitemap.xml"), "bensarkom/2022/"));
    for (const auto& [name, bytes] : snapshot(site)) {
        CAPTURE(name);
        CHECK_FALSE(contains(name, "2022"));
    }
    check_same_as_clean(content, site);

    // And a report added: it is built, the others are taken over.
    content.add_2022("hipec");
    const CliRun added = content.build();
    REQUIRE(added.code == 0);
    CHECK(contains(added.err, reused_message(site, 10, 9)));
    CHECK(fs::exists(site / "hipec/2022/index.html"));
    CHECK(contains(read_file(site / "sitemap.xml"), "hipec/2022/"));
    check_same_as_clean(content, site);
}

TEST_CASE("incremental: a site written over its spare equals a fresh build, stale files gone") {
    // Large sites keep the replaced output as a spare and write the next build over it in
    // place; here from one report on, so that the bundled content has one.
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    content.add_2022("bensarkom");
    const fs::path site = content.out();
    const fs::path spare = content.base() / ".site.spare";
    rv::cli::BuildRequest request;
    request.content_dir = content.root().string();
    request.out_dir = site.string();
    request.spare_from_reports = 1;
    const auto build = [&](bool clean) {
        request.clean = clean;
        std::ostringstream err;
        const rv::cli::BuildOutcome outcome = rv::cli::build_site(request, {}, err);
        INFO(err.str());
        REQUIRE(outcome.code == 0);
    };
    build(true);
    CHECK_FALSE(fs::exists(spare));  // nothing was replaced yet
    build(true);
    REQUIRE(fs::exists(spare / "bensarkom/2022/index.html"));  // the first build's site
    const ino_t spare_page = inode(spare / "hipec/2023/index.html");

    // The next build takes the spare: its pages are written over in place (the same files),
    // what no report makes any more goes, and the result is what a fresh build writes.
    fs::remove_all(content.file("services/bensarkom/2022"));
    build(true);
    CHECK(inode(site / "hipec/2023/index.html") == spare_page);
    CHECK_FALSE(fs::exists(site / "bensarkom/2022"));
    CHECK_FALSE(fs::exists(site / "arsrapporter-2022.pdf"));
    check_same_as_clean(content, site);
    REQUIRE(fs::exists(spare / "bensarkom/2022/index.html"));  // the site it replaced

    // An incremental build over the spare: unchanged reports are linked from the site, the
    // spare's own copies of them replaced, never written through.
    content.append("services/hipec/2023/innhold.md", "\nEn setning til.\n");
    const std::string published = read_file(site / "bensarkom/2023/index.html");
    build(false);
    check_same_as_clean(content, site);
    CHECK(read_file(spare / "bensarkom/2023/index.html") == published);
    CHECK(contains(read_file(site / "hipec/2023/index.html"), "En setning til."));

    // Once more with nothing changed: the spare's pages are the site's own files already
    // (linked two builds running) and stay as they are.
    build(false);
    check_same_as_clean(content, site);
    CHECK(inode(site / "bensarkom/2023/index.html") == inode(spare / "bensarkom/2023/index.html"));
}

TEST_CASE("incremental: an error in one report stops the build and keeps the old site") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    const fs::path site = content.out();
    REQUIRE(content.build().code == 0);
    const auto before = snapshot(site);
    const std::string section = kBensarkom + "/kort-fortalt.md";
    const std::string original = read_file(content.file(section));
    content.write(section, "# Overskrift\n\n" + original);  // RV051: a level-1 heading
    const std::string diagnostic = content.file(section).string() + ":1:1: error: RV051";
    for (const std::string jobs : {"1", "3"}) {
        CAPTURE(jobs);
        const CliRun run = content.build("site", {"--jobs", jobs});
        INFO(run.out << run.err);
        CHECK(run.code == 1);
        CHECK(contains(run.out, diagnostic));
        CHECK(contains(run.out, "1 feil, 0 advarsler i 9 rapporter"));
        CHECK(contains(run.err,
                       "Bygget stoppet på grunn av feil; " + site.string() + " er ikke endret."));
        CHECK_FALSE(contains(run.err, "uendret siden"));
        CHECK(differences(snapshot(site), before) == "");
        CHECK(names_in(content.base()) == std::set<std::string>{"content", "innhold", "site"});
    }
    // Fixed: the build goes through and equals a clean one.
    content.write(section, original);
    REQUIRE(content.build().code == 0);
    check_same_as_clean(content, site);

    SUBCASE("a cached report's warning is an error with --strict") {
        content.write(kHipec + "/utfordringer.md", "\n");  // RV034, a warning
        REQUIRE(content.build().code == 0);
        const auto with_warning = snapshot(site);
        const CliRun strict = content.build("site", {"--strict"});  // nothing changed
        INFO(strict.out << strict.err);
        CHECK(strict.code == 1);
        CHECK(contains(strict.out, content.file(kHipec + "/utfordringer.md").string() + ":1:1:"));
        CHECK(contains(strict.out, "RV034"));
        CHECK(contains(strict.err, "er ikke endret."));
        CHECK(differences(snapshot(site), with_warning) == "");
    }
}

// The previous site lacks one report's PDF (removed by hand): that report is rendered again,
// and its new page must be a new file, not written through the hard link into the previous
// site's page, which a failed build must leave as it was.
TEST_CASE("incremental: a report rendered again never writes into the previous site") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    const fs::path site = content.out();
    REQUIRE(content.build().code == 0);
    fs::remove(site / "hipec/2023/rapport.pdf");
    const fs::path page = site / "hipec/2023/index.html";
    const long long page_written = written(page);
    const auto before = snapshot(site);
    // An error in the last report, found after hipec's page is rendered (one thread).
    const std::string last = "services/sykdomsrelatert-underernaering/2023/kort-fortalt.md";
    content.write(last, "# Overskrift\n\n" + read_file(content.file(last)));
    const CliRun run = content.build("site", {"--jobs", "1"});
    INFO(run.out << run.err);
    CHECK(run.code == 1);
    CHECK(differences(snapshot(site), before) == "");
    CHECK(written(page) == page_written);  // not truncated and written again in place
}

TEST_CASE("progress: never drawn when standard error is no terminal, in CI or on TERM=dumb") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    std::string long_text;  // makes each report take long enough for the line to be drawn
    for (int i = 0; i < 2000; ++i) {
        long_text += "\nAvsnitt " + std::to_string(i) + " om behandlingen i regionene.\n";
    }
    for (const char* service : {"bensarkom", "hipec", "protonterapi", "bloedersykdom"}) {
        content.add_2022(service);  // 13 reports
        content.append("services/" + std::string(service) + "/2022/utfordringer.md", long_text);
    }
    // In-process (standard error an ostringstream), with one and more threads.
    for (const std::string jobs : {"1", "3"}) {
        const CliRun run = content.build("site", {"--jobs", jobs, "--clean"});
        REQUIRE(run.code == 0);
        CHECK_FALSE(contains(run.err, "rapporter ·"));
        CHECK(run.err.find('\r') == std::string::npos);
        CHECK(run.err.find('\x1b') == std::string::npos);
    }
    // The program, its standard error a pipe, on a terminal type that could draw.
    const std::string command = "'" RV_BINARY "' build '" + content.root().string() + "' --out '" +
                                content.out().string() + "' --clean --jobs 1";
    const std::string piped = shell("env -u CI TERM=xterm " + command);
    CHECK(contains(piped, "Bygget 13 rapportsider"));
    CHECK_FALSE(contains(piped, "rapporter ·"));
    CHECK(piped.find('\r') == std::string::npos);

    // On a terminal (script(1) gives the program one): drawn, but not in CI or on a dumb one.
    if (!contains(shell("script -qec 'echo terminal-ok' /dev/null </dev/null"), "terminal-ok")) {
        MESSAGE("skipped the terminal cases: script(1) cannot give a terminal here");
        return;
    }
    const auto on_terminal = [&](const std::string& env) {
        return shell("env " + env + " script -qec \"" + command +
                     " >/dev/null\" /dev/null </dev/null");
    };
    const std::string terminal = on_terminal("-u CI TERM=xterm");
    CHECK(contains(terminal, "Bygget 13 rapportsider"));
    CHECK(contains(terminal, "av 13 rapporter ·"));  // the control: a terminal draws it
    for (const std::string env : {"CI=true TERM=xterm", "-u CI TERM=dumb"}) {
        CAPTURE(env);
        const std::string quiet = on_terminal(env);
        CHECK(contains(quiet, "Bygget 13 rapportsider"));
        CHECK_FALSE(contains(quiet, "rapporter ·"));
        CHECK(quiet.find('\x1b') == std::string::npos);
    }
}

TEST_CASE("incremental: a PDF taken over still names the characters its fonts lack") {
    const SourceDateEpoch epoch{kEpoch};
    const Bundled content;
    content.append(kHipec + "/kort-fortalt.md", "\nEt fjes 😀 i teksten.\n");
    const fs::path site = content.out();
    const std::string line =
        (site / "hipec" / "2023" / "rapport.pdf").generic_string() + ": U+1F600";
    const CliRun first = content.build();
    INFO(first.out << first.err);
    REQUIRE(first.code == 0);
    CHECK(contains(first.err, line));
    CHECK(contains(first.err, "arsrapporter-2023.pdf: U+1F600"));
    CHECK_FALSE(contains(first.err, "staging"));  // the path of the site, not the staging folder
    const CliRun again = content.build();         // nothing changed: the PDFs are taken over
    INFO(again.out << again.err);
    REQUIRE(again.code == 0);
    CHECK(contains(again.err, reused_message(site, 9, 9)));
    CHECK(contains(again.err, line));
    CHECK(contains(again.err, "arsrapporter-2023.pdf: U+1F600"));
}
