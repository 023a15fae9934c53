// The building blocks a large build stands on: the staging folder that replaces the output
// in one step (and can leave the previous output to a background process), files written
// as new files (never through a hard link into the previous site), the work spread over
// threads with the first failure passed on, and the compact table of JSON positions.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "fixture.hpp"
#include "model/parallel.hpp"
#include "model/source_location.hpp"
#include "render/staging.hpp"

namespace {

namespace fs = std::filesystem;
using rv::test::names_in;
using rv::test::read_file;
using rv::test::TempDir;

}  // namespace

TEST_CASE("staging: the new output replaces the old in one step, and the old one goes") {
    const TempDir scratch;
    const fs::path site = scratch.path() / "site";
    rv::render::write_file(site / "old.html", "old");
    {
        rv::render::StagedOutput staged(site);
        rv::render::write_file(staged.dir() / "a" / "index.html", "new");
        CHECK(read_file(site / "old.html") == "old");  // nothing changes before commit
        staged.commit();
    }
    CHECK(read_file(site / "a" / "index.html") == "new");
    CHECK_FALSE(fs::exists(site / "old.html"));
    CHECK(names_in(scratch.path()) == std::set<std::string>{"site"});
}

TEST_CASE("staging: a previous output left to a background process is gone soon after") {
    const TempDir scratch;
    const fs::path site = scratch.path() / "site";
    for (int i = 0; i < 300; ++i) {
        rv::render::write_file(site / std::to_string(i % 30) / (std::to_string(i) + ".html"), "x");
    }
    {
        rv::render::StagedOutput staged(site);
        rv::render::write_file(staged.dir() / "index.html", "new");
        staged.remove_previous_in_background();
        staged.commit();
    }
    CHECK(read_file(site / "index.html") == "new");  // in place at once
    CHECK_FALSE(fs::exists(site / "0"));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (names_in(scratch.path()).size() > 1 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(names_in(scratch.path()) == std::set<std::string>{"site"});
}

TEST_CASE("staging: a file is written as a new file, never through a hard link") {
    const TempDir scratch;
    const fs::path previous = scratch.path() / "previous.html";
    const fs::path linked = scratch.path() / "linked.html";
    rv::render::write_file(previous, "the published page");
    fs::create_hard_link(previous, linked);
    rv::render::write_file(linked, "the new page");
    CHECK(read_file(previous) == "the published page");
    CHECK(read_file(linked) == "the new page");

    rv::render::StreamedFile streamed(previous);
    streamed.write("in ");
    streamed.write("pieces");
    streamed.close();
    CHECK(read_file(previous) == "in pieces");
}

TEST_CASE("staging: a kept spare is written over in place, and what is not written goes") {
    const TempDir scratch;
    const fs::path site = scratch.path() / "site";
    const fs::path spare = scratch.path() / ".site.spare";
    for (const char* content : {"first", "second"}) {
        rv::render::StagedOutput staged(site, true);
        CHECK_FALSE(staged.recycled());  // no spare yet: the first build had no output before
        rv::render::write_file(staged.dir() / "a" / "index.html", content);
        rv::render::write_file(staged.dir() / "old" / "gone.html", "stale");
        rv::render::write_file(staged.dir() / "longer.html", std::string(5000, 'x'));
        staged.commit();
    }
    REQUIRE(read_file(spare / "a" / "index.html") == "first");  // the replaced output
    struct stat before {};
    REQUIRE(::stat((spare / "a" / "index.html").c_str(), &before) == 0);
    const fs::path outside = scratch.path() / "outside.html";
    fs::create_hard_link(spare / "longer.html", outside);  // as a page linked into a site

    {
        rv::render::StagedOutput staged(site, true);
        REQUIRE(staged.recycled());
        rv::render::write_file(staged.dir() / "a" / "index.html", "third, longer than before");
        rv::render::write_file(staged.dir() / "longer.html", "short");
        rv::render::StreamedFile streamed(staged.dir() / "b" / "new.html");
        streamed.write("new");
        streamed.close();
        fs::copy_file(outside, staged.dir() / "copied.html");
        rv::render::note_output(staged.dir() / "copied.html");
        staged.commit();
    }
    struct stat after {};
    REQUIRE(::stat((site / "a" / "index.html").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // the same file, written over
    CHECK(read_file(site / "a" / "index.html") == "third, longer than before");
    CHECK(read_file(site / "longer.html") == "short");    // cut to what was written
    CHECK(read_file(outside) == std::string(5000, 'x'));  // a hard link: never written through
    CHECK(read_file(site / "b" / "new.html") == "new");
    CHECK(read_file(site / "copied.html") == std::string(5000, 'x'));
    CHECK_FALSE(fs::exists(site / "old"));  // neither written nor noted: gone, folder too
    CHECK(names_in(site) == std::set<std::string>{"a", "b", "copied.html", "longer.html"});
    CHECK(read_file(spare / "a" / "index.html") == "second");

    // A build that keeps no spare removes one left from before.
    {
        rv::render::StagedOutput staged(site);
        rv::render::write_file(staged.dir() / "index.html", "small");
        staged.commit();
    }
    CHECK(names_in(scratch.path()) == std::set<std::string>{"outside.html", "site"});
}

TEST_CASE("parallel: every item once on any number of threads, the first failure passed on") {
    for (const int jobs : {1, 2, 7}) {
        CAPTURE(jobs);
        std::vector<std::atomic<int>> seen(500);
        rv::model::for_each_index(seen.size(), jobs, [&](std::size_t i) { ++seen[i]; });
        for (const auto& count : seen) {
            CHECK(count == 1);
        }
        std::atomic<int> done{0};
        CHECK_THROWS_WITH_AS(
            rv::model::for_each_index(1000, jobs,
                                      [&](std::size_t i) {
                                          if (i == 10) {
                                              throw std::runtime_error("item 10 failed");
                                          }
                                          ++done;
                                      }),
            "item 10 failed", std::runtime_error);
        CHECK(done < 1000);  // the others stopped taking items
    }
    rv::model::for_each_index(0, 4, [](std::size_t) { FAIL("no items, no calls"); });
}

TEST_CASE("positions: the compact table finds each pointer, the last of a repeat winning") {
    rv::model::PositionMap positions;
    positions.add("", {1, 1, false});
    positions.add("/b", {2, 3, false});
    positions.add("/a/0", {3, 5, true});
    positions.add("/b", {4, 7, false});  // a repeated key in the JSON: the later one counts
    CHECK(positions.find("/b")->second.line == 4);  // before finish(): searched as added
    positions.finish();
    CHECK(positions.size() == 3);
    CHECK(positions.find("/b")->second.line == 4);
    CHECK(positions.find("/b")->second.column == 7);
    CHECK(positions.find("/a/0")->second.empty);
    CHECK(positions.count("/a") == 0);
    CHECK(positions.find("/c") == positions.end());
    CHECK(rv::model::locate("f.json", positions, "/a/0/x").line == 3);  // the nearest parent
    std::set<std::string> keys;
    for (const auto& [pointer, at] : positions) {
        keys.insert(std::string(pointer));
        CHECK(at.line > 0);
    }
    CHECK(keys == std::set<std::string>{"", "/a/0", "/b"});
}
