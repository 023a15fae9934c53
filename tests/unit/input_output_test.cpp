// Reading and writing with few system calls, and what that must not change: a file linked
// into a report folder is found as before, a page in a staging folder is written directly
// only where nothing is yet, the fingerprint of a report from the stamps its reading took
// equals the one from a stat of each file, and a schema pattern gives the same answer from
// its memo, on any thread.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "load/fingerprint.hpp"
#include "load/schema_validator.hpp"
#include "render/staging.hpp"

namespace {

namespace fs = std::filesystem;
using rv::test::codes;
using rv::test::expect_one;
using rv::test::kReport;
using rv::test::kService;
using rv::test::names_in;
using rv::test::read_file;
using rv::test::Severity;
using rv::test::TempContent;
using rv::test::TempDir;

// The RV105 findings of `document` against `schema`: "pointer arg0 arg1" each.
std::vector<std::string> name_findings(const rv::load::SchemaValidator& validator,
                                       const std::string& schema, const nlohmann::json& document) {
    std::vector<std::string> out;
    for (const auto& problem : validator.validate(schema, document)) {
        if (problem.code == "RV105") {
            out.push_back(problem.pointer + " " + problem.args.at(0) + " " + problem.args.at(1));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("reading: report.json and service.json as links inside the content folder, or dangling") {
    const TempContent content;
    SUBCASE("a link that stays inside is read as the file") {
        fs::rename(content.path() / kReport, content.path() / "report-elsewhere.json");
        fs::create_symlink(content.path() / "report-elsewhere.json", content.path() / kReport);
        const auto result = content.check();
        INFO(rv::test::describe(result));
        CHECK(result.diagnostics.empty());
    }
    SUBCASE("a link that leads nowhere: no report.json (RV016)") {
        fs::remove(content.path() / kReport);
        fs::create_symlink(content.path() / "nowhere.json", content.path() / kReport);
        const auto result = content.check();
        expect_one(result, "RV016", Severity::error, content.file(kReport), 0);
        CHECK(codes(result) == "RV016");
    }
    SUBCASE("a service.json that leads nowhere: no service.json (RV014)") {
        fs::remove(content.path() / kService);
        fs::create_symlink(content.path() / "nowhere.json", content.path() / kService);
        const auto result = content.check();
        expect_one(result, "RV014", Severity::error, content.file(kService), 0);
    }
}

TEST_CASE("staging: a file is written directly only where nothing is yet") {
    const TempDir scratch;
    const fs::path site = scratch.path() / "site";
    const fs::path published = scratch.path() / "published.html";
    rv::render::write_file(published, "the published page");
    {
        rv::render::StagedOutput staged(site);
        const fs::path linked = staged.dir() / "a" / "linked.html";
        fs::create_directories(linked.parent_path());
        fs::create_hard_link(published, linked);
        rv::render::write_file(linked, "the new page");  // replaced, not written through
        CHECK(read_file(published) == "the published page");
        CHECK(read_file(linked) == "the new page");

        rv::render::write_file(staged.dir() / "b" / "c" / "index.html", "first");
        rv::render::write_file(staged.dir() / "b" / "c" / "index.html", "second");
        CHECK(read_file(staged.dir() / "b" / "c" / "index.html") == "second");
        CHECK(names_in(staged.dir() / "b" / "c") == std::set<std::string>{"index.html"});

        {
            rv::render::StreamedFile unfinished(staged.dir() / "b" / "unfinished.js");
            unfinished.write("half of it");
        }  // never closed: not left behind
        CHECK(names_in(staged.dir() / "b") == std::set<std::string>{"c"});

        rv::render::StreamedFile streamed(staged.dir() / "d" / "index.js");
        streamed.write("in ");
        streamed.write(std::string(100000, 'x'));
        streamed.close();
        CHECK(read_file(staged.dir() / "d" / "index.js") == "in " + std::string(100000, 'x'));
        staged.commit();
    }
    CHECK(read_file(site / "b" / "c" / "index.html") == "second");
    CHECK(read_file(published) == "the published page");
    // After the commit the site is live: a file linked there is replaced, never written through.
    fs::create_hard_link(published, site / "live.html");
    rv::render::write_file(site / "live.html", "a later page");
    CHECK(read_file(published) == "the published page");
    CHECK(names_in(site) == std::set<std::string>{"a", "b", "d", "live.html"});
}

TEST_CASE("fingerprint: the stamps reading took give what a stat of each file gives") {
    const TempDir scratch;
    const std::vector<std::string> files{(scratch.path() / "a.md").string(),
                                         (scratch.path() / "b.md").string(),
                                         (scratch.path() / "gone.md").string()};
    rv::test::write_file(files[0], "one");
    rv::test::write_file(files[1], "two");
    const std::uint64_t by_stat = rv::load::fingerprint_files(files);
    {
        rv::load::StampBook book;
        REQUIRE(book.open());
        CHECK(book.fingerprint(files) == by_stat);  // nothing noted: a stat of each
        struct stat info {};
        REQUIRE(::stat(files[0].c_str(), &info) == 0);
        rv::load::note_read(files[0], info);
        book.note_now(files[1]);
        book.note_now(files[2]);  // missing: counts as missing
        CHECK(book.fingerprint(files) == by_stat);

        // A file changed after its stamp was taken: the stamp from before counts (the build
        // read it before the change), so the next build sees the change.
        rv::test::write_file(files[0], "one, longer now");
        CHECK(book.fingerprint(files) == by_stat);
        CHECK(rv::load::fingerprint_files(files) != by_stat);
        struct stat later {};
        REQUIRE(::stat(files[0].c_str(), &later) == 0);
        rv::load::note_read(files[0], later);  // the first stamp noted is kept
        CHECK(book.fingerprint(files) == by_stat);

        rv::load::StampBook second;  // one book at a time: this one notes nothing
        CHECK_FALSE(second.open());
        CHECK(second.fingerprint(files) == rv::load::fingerprint_files(files));

        book.forget({files[0]});
        CHECK(book.fingerprint(files) == rv::load::fingerprint_files(files));
    }
    rv::load::StampBook after;  // the first one closed with its scope
    CHECK(after.open());
}

TEST_CASE("schema: patterns and property names answer the same from the memo, on any thread") {
    const rv::load::SchemaValidator validator;
    const auto report = nlohmann::json::parse(R"({
        "patients": {
            "new_treated": {"helse-vest": 1, "Helse Vest": 2},
            "by_host": [{"trust": "OUS", "new_treated": {"BAD_ID": 3, "helse-nord": 1}}]
        },
        "not_reported": {"Bad Key": "x", "ok_key": "y"}
    })");
    const std::vector<std::string> expected{
        "/not_reported/Bad Key Bad Key @hint.not_reported_key",
        "/patients/by_host/0/new_treated/BAD_ID BAD_ID @hint.region_id",
        "/patients/new_treated/Helse Vest Helse Vest @hint.region_id",
    };
    const auto service = nlohmann::json::parse(R"({"icd10": ["C41.2", "bad", "C40-C41"]})");
    const auto codes_of = [&] {
        std::vector<std::string> found;
        for (const auto& problem : validator.validate("service.schema.json", service)) {
            if (problem.code == "RV105") {
                found.push_back(problem.pointer + " " + problem.args.at(0) + " " +
                                problem.args.at(1));
            }
        }
        return found;
    };
    const std::vector<std::string> icd{"/icd10/1 bad @hint.icd10"};
    for (int round = 0; round < 3; ++round) {  // the first compiles, the others remember
        auto found = name_findings(validator, "report.schema.json", report);
        std::sort(found.begin(), found.end());
        CHECK(found == expected);
        CHECK(codes_of() == icd);
    }
    std::vector<int> wrong(4, 0);  // rounds on each thread that found something else
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < wrong.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 50; ++round) {
                auto found = name_findings(validator, "report.schema.json", report);
                std::sort(found.begin(), found.end());
                if (found != expected || codes_of() != icd) {
                    ++wrong[t];
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(wrong == std::vector<int>(4, 0));
}
