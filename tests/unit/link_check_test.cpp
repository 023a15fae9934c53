// Tests of the link check that ends a build (render/html/link_check.hpp): which links of the
// written pages it reports as broken, and in which order, as the build's error lists them.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "render/html/link_check.hpp"

namespace {

namespace fs = std::filesystem;

// The broken links as "page -> link".
std::vector<std::string> broken(const rv::render::LinkCheck& check, const fs::path& site) {
    std::vector<std::string> out;
    for (const auto& link : check.broken(site)) {
        out.push_back(link.page + " -> " + link.target);
    }
    return out;
}

// Writes a page into `site` and gives it to `check`, as a build does.
void add(rv::render::LinkCheck& check, const fs::path& site, const std::string& page,
         const std::string& html) {
    rv::test::write_file(site / page, html);
    check.add_page(page, html);
}

}  // namespace

TEST_CASE("link check: a link to an id its own page lacks is broken; links come in page order") {
    const rv::test::TempDir dir;
    const fs::path& site = dir.path();
    rv::render::LinkCheck check("/");
    add(check, site, "index.html",
        "<html><body><img src=\"#bilde-mangler\" alt=\"\">"
        "<main id=\"main\"><h2 id=\"tall\">Tall</h2><span id=\"c d\"></span>"
        "<a href=\"#tall\">1</a> <a href=\"#mangler\">2</a> <a href=\"#c%20d\">3</a>"
        "<p data-id=\"falsk\"><a data-href=\"#ikke-en-lenke\" href=\"#falsk\">4</a></p>"
        "<a href=\"index.html#tall\">5</a> <a href=\"index.html#mangler-ogsa\">6</a>"
        "<a href=\"#\">7</a> <a href=\"#main\">8</a></main></body></html>");
    // Every href in page order, then every src: the attributes that are not exactly href, src
    // and id count for nothing.
    CHECK(broken(check, site) == std::vector<std::string>{"index.html -> #mangler",
                                                          "index.html -> #falsk",
                                                          "index.html -> index.html#mangler-ogsa",
                                                          "index.html -> #bilde-mangler"});
}

TEST_CASE("link check: links to other files and their ids are checked against the written site") {
    const rv::test::TempDir dir;
    const fs::path& site = dir.path();
    rv::render::LinkCheck check("/arsrapporter/");
    rv::test::write_file(site / "assets/style.css", "body {}\n");
    add(check, site, "index.html", "<main id=\"main\"><h2 id=\"tall\">Tall</h2></main>");
    add(check, site, "tjeneste/2023/index.html",
        "<link href=\"../../assets/style.css\" rel=\"stylesheet\">"
        "<a href=\"../../index.html#tall\">1</a>"
        "<a href=\"../../index.html#borte\">2</a>"
        "<a href=\"../../finnes-ikke.html\">3</a>"
        "<a href=\"../\">4</a>"
        "<a href=\"../../index.html?side=2&amp;visning=alle#tall\">5</a>"
        "<a href=\"/arsrapporter/index.html#tall\">6</a>"
        "<a href=\"/annet-nettsted/index.html\">7</a>"
        "<a href=\"../../../utenfor.html\">8</a>"
        "<a href=\"./../.././assets/style.css\">9</a>"
        "<a href=\"https://example.org/\">10</a> <a href=\"mailto:post@example.org\">11</a>"
        "<a href=\"//cdn.example.org/x.js\">12</a>"
        "<img src=\"../../bilde.png\" alt=\"\"> <img src=\"../../assets/style.css\" alt=\"\">");
    CHECK(broken(check, site) ==
          std::vector<std::string>{"tjeneste/2023/index.html -> ../../index.html#borte",
                                   "tjeneste/2023/index.html -> ../../finnes-ikke.html",
                                   "tjeneste/2023/index.html -> ../",
                                   "tjeneste/2023/index.html -> /annet-nettsted/index.html",
                                   "tjeneste/2023/index.html -> ../../../utenfor.html",
                                   "tjeneste/2023/index.html -> ../../bilde.png"});
}

TEST_CASE("link check: a site whose every link leads somewhere has nothing broken") {
    const rv::test::TempDir dir;
    const fs::path& site = dir.path();
    rv::render::LinkCheck check("/");
    rv::test::write_file(site / "assets/style.css", "body {}\n");
    add(check, site, "index.html",
        "<link href=\"assets/style.css\"><main id=\"main\"><a href=\"#main\">1</a>"
        "<a href=\"tjeneste/2023/index.html#tall\">2</a><a href=\"tjeneste/\">3</a></main>");
    add(check, site, "tjeneste/index.html", "<a href=\"../index.html\">1</a>");
    add(check, site, "tjeneste/2023/index.html",
        "<link href=\"../../assets/style.css\"><h2 id=\"tall\">Tall</h2>"
        "<a href=\"../../index.html#main\">1</a><a href=\"../index.html\">2</a>"
        "<a href=\"index.html#tall\">3</a><a href=\"/index.html\">4</a>");
    CHECK(check.broken(site).empty());
}
