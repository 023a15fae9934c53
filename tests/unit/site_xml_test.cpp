// Tests of sitemap.xml and feed.xml of a built site, through `rapportverk build` on a copy of
// examples/minimal: one <url> per page with its absolute address and no <lastmod>; an Atom
// feed with one entry per report whose dates come from SOURCE_DATE_EPOCH or the report year,
// never the clock; the same bytes from build to build (with the open data); no control
// character of the content in the XML.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <tinyxml2.h>

#include "site_files_fixture.hpp"

namespace fs = std::filesystem;

namespace {

using namespace rv::test;

// The text of every child element `name` of `parent`.
std::vector<std::string> texts(const tinyxml2::XMLElement* parent, const char* name) {
    std::vector<std::string> out;
    for (auto* e = parent->FirstChildElement(name); e; e = e->NextSiblingElement(name)) {
        out.push_back(e->GetText() ? e->GetText() : "");
    }
    return out;
}

int count_children(const tinyxml2::XMLElement* parent, const char* name) {
    int n = 0;
    for (auto* e = parent->FirstChildElement(name); e; e = e->NextSiblingElement(name)) {
        ++n;
    }
    return n;
}

// The one child `name` of `parent`, its text; fails the test unless there is exactly one.
std::string only_text(const tinyxml2::XMLElement* parent, const char* name) {
    const auto all = texts(parent, name);
    REQUIRE_MESSAGE(all.size() == 1, "<" << name << "> " << all.size() << " times");
    return all.front();
}

const tinyxml2::XMLElement* link_with_rel(const tinyxml2::XMLElement* parent, const char* rel) {
    for (auto* e = parent->FirstChildElement("link"); e; e = e->NextSiblingElement("link")) {
        const char* value = e->Attribute("rel");
        if (value && std::string(value) == rel) {
            return e;
        }
    }
    return nullptr;
}

bool is_rfc3339(const std::string& text) {
    static const std::regex pattern(
        R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    return std::regex_match(text, pattern);
}

// Every byte XML 1.0 forbids (controls other than tab, line feed, carriage return).
bool has_forbidden_control(const std::string& text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("sitemap.xml lists every page once by its absolute address, without lastmod") {
    TempContent content;
    add_report_2022(content);
    const fs::path site = build(content);

    tinyxml2::XMLDocument doc;
    REQUIRE(doc.LoadFile((site / "sitemap.xml").c_str()) == tinyxml2::XML_SUCCESS);
    const tinyxml2::XMLElement* urlset = doc.RootElement();
    REQUIRE(urlset != nullptr);
    CHECK(std::string(urlset->Name()) == "urlset");
    REQUIRE(urlset->Attribute("xmlns") != nullptr);
    CHECK(std::string(urlset->Attribute("xmlns")) == "http://www.sitemaps.org/schemas/sitemap/0.9");

    std::vector<std::string> locs;
    for (auto* url = urlset->FirstChildElement(); url; url = url->NextSiblingElement()) {
        REQUIRE(std::string(url->Name()) == "url");
        CHECK(url->FirstChildElement("lastmod") == nullptr);
        locs.push_back(only_text(url, "loc"));
    }
    CHECK(locs ==
          std::vector<std::string>{
              base_url, base_url + "eksempeltjeneste/2022/", base_url + "eksempeltjeneste/2023/",
              base_url + "eksempeltjeneste/", base_url + "regioner/helse-sor-ost/",
              base_url + "regioner/helse-vest/", base_url + "regioner/helse-midt-norge/",
              base_url + "regioner/helse-nord/", base_url + "typer/nasjonal-behandlingstjeneste/",
              base_url + "ar/2023/", base_url + "ar/2022/", base_url + "tilgjengelighet/",
              base_url + "tilgjengelighet-erklaering/", base_url + "sok/", base_url + "data/"});

    // Every HTML page of the output is in the sitemap (a 404 page would not be).
    std::set<std::string> pages;
    for (const auto& entry : fs::recursive_directory_iterator(site)) {
        if (entry.path().extension() == ".html" && entry.path().filename() != "404.html") {
            std::string path = entry.path().lexically_relative(site).generic_string();
            if (fs::path(path).filename() == "index.html") {
                path.erase(path.size() - std::string("index.html").size());
            }
            pages.insert(base_url + path);
        }
    }
    CHECK(pages == std::set<std::string>(locs.begin(), locs.end()));
}

TEST_CASE("feed.xml is an Atom feed with one entry per report and no wall-clock date") {
    TempContent content;
    add_report_2022(content);

    const auto check_atom = [](const fs::path& file) {
        tinyxml2::XMLDocument doc;
        REQUIRE(doc.LoadFile(file.c_str()) == tinyxml2::XML_SUCCESS);
        const tinyxml2::XMLElement* feed = doc.RootElement();
        REQUIRE(feed != nullptr);
        REQUIRE(std::string(feed->Name()) == "feed");
        REQUIRE(feed->Attribute("xmlns") != nullptr);
        CHECK(std::string(feed->Attribute("xmlns")) == "http://www.w3.org/2005/Atom");
        // RFC 4287 4.1.1: exactly one id, title, updated; an author (no entry has its own).
        CHECK(only_text(feed, "id") == base_url);
        CHECK(only_text(feed, "title") == "Eksempelnettsted for nasjonale tjenester");
        CHECK(is_rfc3339(only_text(feed, "updated")));
        REQUIRE(feed->FirstChildElement("author") != nullptr);
        CHECK_FALSE(only_text(feed->FirstChildElement("author"), "name").empty());
        const auto* self = link_with_rel(feed, "self");
        REQUIRE(self != nullptr);
        CHECK(std::string(self->Attribute("href")) == base_url + "feed.xml");
        std::map<std::string, std::string> updated_by_id;
        for (auto* entry = feed->FirstChildElement("entry"); entry;
             entry = entry->NextSiblingElement("entry")) {
            const std::string id = only_text(entry, "id");
            CHECK(contains(only_text(entry, "title"), "Nasjonal behandlingstjeneste for"));
            const std::string updated = only_text(entry, "updated");
            CHECK(is_rfc3339(updated));
            // 4.1.2: no content, so a link rel="alternate".
            const auto* alternate = link_with_rel(entry, "alternate");
            REQUIRE(alternate != nullptr);
            CHECK(std::string(alternate->Attribute("href")) == id);
            CHECK(count_children(entry, "content") == 0);
            updated_by_id[id] = updated;
        }
        return std::make_pair(only_text(feed, "updated"), updated_by_id);
    };

    SUBCASE("SOURCE_DATE_EPOCH set: every date is that moment") {
        const SourceDateEpoch epoch(std::string("1700000000"));
        const fs::path site = build(content);
        const auto [updated, entries] = check_atom(site / "feed.xml");
        CHECK(updated == "2023-11-14T22:13:20Z");
        CHECK(entries == std::map<std::string, std::string>{
                             {base_url + "eksempeltjeneste/2022/", "2023-11-14T22:13:20Z"},
                             {base_url + "eksempeltjeneste/2023/", "2023-11-14T22:13:20Z"}});
    }
    SUBCASE("unset: the first moment after each report year; the feed's is the newest") {
        const SourceDateEpoch epoch(std::nullopt);
        const fs::path site = build(content);
        const auto [updated, entries] = check_atom(site / "feed.xml");
        CHECK(updated == "2024-01-01T00:00:00Z");
        CHECK(entries == std::map<std::string, std::string>{
                             {base_url + "eksempeltjeneste/2022/", "2023-01-01T00:00:00Z"},
                             {base_url + "eksempeltjeneste/2023/", "2024-01-01T00:00:00Z"}});
    }
    SUBCASE("a SOURCE_DATE_EPOCH that is not a number is ignored") {
        const SourceDateEpoch epoch(std::string("i går"));
        const fs::path site = build(content);
        CHECK(check_atom(site / "feed.xml").first == "2024-01-01T00:00:00Z");
    }
}

TEST_CASE("sitemap, feed and open data are byte-identical from build to build") {
    TempContent content;
    add_report_2022(content);
    const std::vector<std::string> files = {"sitemap.xml",
                                            "feed.xml",
                                            "data/index.html",
                                            "data/rapporter.json",
                                            "data/nye-pasienter.csv",
                                            "data/aktivitet.csv",
                                            "data/fagpersoner.csv",
                                            "data/mal.csv"};
    for (const std::optional<std::string>& epoch :
         {std::optional<std::string>(), std::optional<std::string>("1700000000")}) {
        const SourceDateEpoch set(epoch);
        const fs::path first = build(content, "first");
        const fs::path second = build(content, "second");
        for (const auto& file : files) {
            INFO(file << (epoch ? " with SOURCE_DATE_EPOCH" : ""));
            REQUIRE(fs::is_regular_file(first / file));
            CHECK(read_file(first / file) == read_file(second / file));
        }
    }
}

TEST_CASE("control characters in content do not reach the XML files") {
    TempContent content;
    content.replace("services/eksempeltjeneste/service.json",
                    "\"nb\": \"Nasjonal behandlingstjeneste for eksempelkirurgi\"",
                    "\"nb\": \"Nasjonal behandlingstjeneste for eksempelkirurgi \\u0001<&>\"");
    const fs::path site = build(content);
    for (const char* file : {"sitemap.xml", "feed.xml"}) {
        INFO(file);
        const std::string text = read_file(site / file);
        CHECK_FALSE(has_forbidden_control(text));
        tinyxml2::XMLDocument doc;
        CHECK(doc.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS);
    }
    CHECK(contains(read_file(site / "feed.xml"), "eksempelkirurgi &lt;&amp;&gt;</title>"));
}
