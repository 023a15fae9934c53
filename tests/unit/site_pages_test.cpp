// Tests of the site's pages beside the reports: the service page, the overviews per
// region, type and year, the national table of new patients, the accessibility statement
// and the 404 page, built through `rapportverk build` from a copy of examples/minimal.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "site_files_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using rv::test::base_url;
using rv::test::contains;
using rv::test::TempContent;

const std::string nbsp = "\u00a0";

std::string page(const fs::path& site, const std::string& path) {
    REQUIRE_MESSAGE(fs::exists(site / path), path);
    return rv::test::read_file(site / path);
}

int count(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

const std::vector<std::string> new_pages = {"eksempeltjeneste/index.html",
                                            "regioner/helse-sor-ost/index.html",
                                            "regioner/helse-vest/index.html",
                                            "regioner/helse-midt-norge/index.html",
                                            "regioner/helse-nord/index.html",
                                            "typer/nasjonal-behandlingstjeneste/index.html",
                                            "ar/2023/index.html",
                                            "ar/2022/index.html",
                                            "tilgjengelighet/index.html",
                                            "tilgjengelighet-erklaering/index.html",
                                            "404.html"};

// Every href of `html` that is not external, without its #fragment.
std::vector<std::string> internal_hrefs(const std::string& html) {
    static const std::regex href(R"(href="([^"]*)\")");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href);
         it != std::sregex_iterator(); ++it) {
        std::string target = (*it)[1].str();
        if (target.rfind("http:", 0) == 0 || target.rfind("https:", 0) == 0 ||
            target.rfind("mailto:", 0) == 0) {
            continue;
        }
        target = target.substr(0, target.find('#'));
        if (!target.empty()) {
            out.push_back(target);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("site pages: every page exists, has one h1, and every internal link resolves") {
    TempContent content;
    rv::test::add_report_2022(content);
    const fs::path site = rv::test::build(content);

    for (const auto& path : new_pages) {
        const std::string html = page(site, path);
        CHECK_MESSAGE(contains(html, "<html lang=\"nb\""), path);
        CHECK_MESSAGE(count(html, "<h1>") + count(html, "<h1 ") == 1, path);
        CHECK_MESSAGE(contains(html, "<main id=\"main\">"), path);
        CHECK_MESSAGE(contains(html, "tilgjengelighet-erklaering/index.html"), path);
        // Every table has a caption, and every header cell a scope.
        CHECK_MESSAGE(count(html, "<table ") == count(html, "<caption>"), path);
        CHECK_MESSAGE(count(html, "<th>") == 0, path);
    }

    // Links of every HTML page of the site, the new ones and the old ones that link them.
    for (const auto& entry : fs::recursive_directory_iterator(site)) {
        // The 404 page links from the site's path on the server (checked below).
        if (entry.path().extension() != ".html" || entry.path().filename() == "404.html") {
            continue;
        }
        const std::string html = rv::test::read_file(entry.path());
        for (const auto& href : internal_hrefs(html)) {
            const fs::path target = (entry.path().parent_path() / href).lexically_normal();
            CHECK_MESSAGE(fs::is_regular_file(target), entry.path() << " links " << href);
        }
    }

    // Every page but the 404 page is in the sitemap.
    const std::string sitemap = page(site, "sitemap.xml");
    for (const auto& path : new_pages) {
        std::string url = base_url + path;
        if (fs::path(path).filename() == "index.html") {
            url.erase(url.size() - std::string("index.html").size());
        }
        const bool listed = contains(sitemap, "<loc>" + url + "</loc>");
        CHECK_MESSAGE(listed == (path != "404.html"), path);
    }
}

TEST_CASE("site pages: the service page and the links to it") {
    TempContent content;
    rv::test::add_report_2022(content);
    const fs::path site = rv::test::build(content);
    const std::string html = page(site, "eksempeltjeneste/index.html");

    CHECK(contains(html, "<h1>Nasjonal behandlingstjeneste for eksempelkirurgi</h1>"));
    CHECK(contains(html, "<span lang=\"en\">Norwegian National Unit for Example Surgery</span>"));
    CHECK(contains(html,
                   "<a href=\"../typer/nasjonal-behandlingstjeneste/index.html\">"
                   "Nasjonal behandlingstjeneste</a>"));
    CHECK(contains(html,
                   "Eksempel universitetssykehus HF (<a "
                   "href=\"../regioner/helse-vest/index.html\">Helse Vest</a>)"));
    CHECK(contains(html, "<dd>2015-06-01</dd>"));
    CHECK(contains(html, "<dd>C41.2, C41.4</dd>"));
    CHECK(contains(html, "<a href=\"mailto:post@eksempel.example\">"));
    CHECK(contains(
        html,
        "<a href=\"https://eksempel.example/tjeneste\" rel=\"noopener noreferrer external\">"));
    // Every year's report, newest first.
    const auto y2023 = html.find("<a href=\"2023/index.html\">Årsrapport 2023</a>");
    const auto y2022 = html.find("<a href=\"2022/index.html\">Årsrapport 2022</a>");
    REQUIRE(y2023 != std::string::npos);
    REQUIRE(y2022 != std::string::npos);
    CHECK(y2023 < y2022);

    // Trends: 22 new patients both years (2022 is a copy), so no change in 2023; the
    // activity figure 25 against the report's own previous year 21 in 2022.
    CHECK(contains(html, "<caption>Nye pasienter behandlet per år</caption>"));
    CHECK(contains(html, "<tr><th scope=\"row\">2023</th><td>22</td><td>22</td><td>0 (0,0" + nbsp +
                             "%)</td></tr>"));
    CHECK(contains(html, "<tr><th scope=\"row\">2022</th><td>22</td><td>–</td><td>–</td></tr>"));
    CHECK(contains(html, "<caption>Operasjoner (inngrep) per år</caption>"));
    CHECK(contains(html, "<tr><th scope=\"row\">2022</th><td>25</td><td>21</td><td>+4 (+19,0" +
                             nbsp + "%)</td></tr>"));
    CHECK(count(html, "<th scope=\"col\">") == 8);

    // Linked from the index page and from each report's breadcrumb.
    CHECK(contains(page(site, "index.html"), "href=\"eksempeltjeneste/index.html\""));
    for (const char* year : {"2022", "2023"}) {
        const std::string report =
            page(site, std::string("eksempeltjeneste/") + year + "/index.html");
        CHECK(contains(report, "<nav class=\"breadcrumb\" aria-label=\"Du er her\">"));
        CHECK(contains(report,
                       "<li><a href=\"../../index.html\">Forside</a></li><li><a "
                       "href=\"../index.html\">Nasjonal behandlingstjeneste for "
                       "eksempelkirurgi</a></li><li><a href=\"index.html\" "
                       "aria-current=\"page\">" +
                           std::string(year) + "</a></li>"));
    }
}

TEST_CASE("site pages: the overviews and the national table") {
    TempContent content;
    rv::test::add_report_2022(content);
    const fs::path site = rv::test::build(content);

    const std::string index = page(site, "index.html");
    for (const char* href : {"tilgjengelighet/index.html", "regioner/helse-vest/index.html",
                             "typer/nasjonal-behandlingstjeneste/index.html", "ar/2023/index.html",
                             "ar/2022/index.html"}) {
        CHECK_MESSAGE(contains(index, std::string("href=\"") + href + "\""), href);
    }

    // Helse Vest hosts the service; 5 new patients from the region in 2023, the latest
    // year: 5 × 100 000 / 1 127 089 = 0,44 per 100 000.
    const std::string vest = page(site, "regioner/helse-vest/index.html");
    CHECK(contains(vest, "<h1>Helse Vest</h1>"));
    CHECK(contains(vest, "<a class=\"service-name\" href=\"../../eksempeltjeneste/index.html\">"));
    CHECK(contains(vest, "<td>2023</td><td>5</td><td>0,4</td></tr>"));
    // Helse Nord hosts nothing but still shows its patients.
    const std::string nord = page(site, "regioner/helse-nord/index.html");
    CHECK(contains(nord, "Ingen tjenester har vertssted i denne regionen."));
    CHECK(contains(nord, "<td>2023</td><td>2</td><td>0,4</td></tr>"));

    CHECK(contains(page(site, "typer/nasjonal-behandlingstjeneste/index.html"),
                   "href=\"../../eksempeltjeneste/index.html\""));
    CHECK(contains(page(site, "ar/2022/index.html"),
                   "href=\"../../eksempeltjeneste/2022/index.html\""));
    CHECK(contains(page(site, "ar/2023/index.html"),
                   "href=\"../../eksempeltjeneste/2023/index.html\""));

    // The national table for site.json's default_year (2023): regions and the total.
    const std::string national = page(site, "tilgjengelighet/index.html");
    CHECK(contains(national,
                   "<caption>Nye pasienter behandlet per helseregion i 2023, alle "
                   "tjenester</caption>"));
    CHECK(count(national, "<th scope=\"col\">") == 6);  // service, four regions, total
    CHECK(contains(national, "</a></th><td>12</td><td>5</td><td>3</td><td>2</td><td>22</td></tr>"));
    CHECK(contains(national, "Innbyggertall for 2023 finnes ikke; tallene for 2022 er brukt"));
    CHECK_FALSE(contains(national, "0.4"));
}

TEST_CASE("site pages: the accessibility statement and the 404 page") {
    TempContent content;
    const fs::path site = rv::test::build(content);
    const std::string statement = page(site, "tilgjengelighet-erklaering/index.html");
    CHECK(contains(statement, "<h1>Tilgjengelighetserklæring</h1>"));
    CHECK(contains(statement, "WCAG 2.1 på nivå A og AA"));
    CHECK(contains(statement, "eksempelinnhold"));  // the example site says so
    CHECK(contains(statement, "Gi tilbakemelding"));
    CHECK(contains(statement, "https://www.uutilsynet.no/"));

    const std::string missing = page(site, "404.html");
    CHECK(contains(missing, "<html lang=\"nb\""));
    CHECK(contains(missing, "<h1>Fant ikke siden</h1>"));
    // Served at any missing address, however deep: links start at the site's path on
    // the server, taken from base_url (https://eksempel.example/ → /).
    CHECK(contains(missing, "<a href=\"/index.html\">Forside"));
    CHECK(contains(missing, "href=\"/assets/style.css\""));
    CHECK_FALSE(contains(missing, "href=\"index.html\""));
}
