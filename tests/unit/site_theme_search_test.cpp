// Tests of the theme folders (theme/ in the content, --theme DIR) and of the site's search
// (sok/index.html with its index sokeindeks.js), built through `rapportverk build` from a
// copy of examples/minimal. The browser tests (tests/browser) use the search as a visitor.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "render/html/search_index.hpp"
#include "site_files_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using rv::test::contains;
using rv::test::TempContent;

std::string built(const fs::path& site, const std::string& path) {
    REQUIRE_MESSAGE(fs::exists(site / path), path);
    return rv::test::read_file(site / path);
}

}  // namespace

TEST_CASE("theme: theme/ in the content changes the look and the wording of the pages") {
    const TempContent content;
    content.write("theme/assets/style.css", "body { color: #123456; }\n");
    content.write("theme/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    content.write("theme/messages.json",
                  "{\"ui.home\": {\"nb\": \"Til forsiden for regionen\"}}\n");
    const fs::path site = rv::test::build(content);
    CHECK(built(site, "assets/style.css") == "body { color: #123456; }\n");
    CHECK(fs::exists(site / "assets/logo.svg"));
    CHECK(fs::exists(site / "assets/designsystemet.css"));  // the default's other files stay
    const std::string page = built(site, "eksempeltjeneste/2023/index.html");
    CHECK(contains(page, "Til forsiden for regionen"));
    CHECK_FALSE(contains(page, ">Forside<"));
    // The theme is not content: it is neither copied nor listed as a page.
    CHECK_FALSE(fs::exists(site / "theme"));
}

TEST_CASE("theme: a template in theme/ replaces the default's; --theme lies under theme/") {
    const TempContent content;
    const fs::path region_theme = content.base() / "regionens-tema";
    rv::test::write_file(region_theme / "templates/notfound.mustache",
                         "{{> head}}<main id=\"main\"><h1>Regionens 404</h1></main>{{> foot}}");
    rv::test::write_file(region_theme / "messages.json",
                         "{\"ui.home\": {\"nb\": \"Regionens forside\"},"
                         " \"ui.open_data\": {\"nb\": \"Regionens åpne data\"}}");
    content.write("theme/messages.json", "{\"ui.home\": {\"nb\": \"Tjenestens forside\"}}");
    const fs::path site = content.base() / "site";
    const auto run = rv::test::run_cli({"build", content.path().string(), "--theme",
                                        region_theme.string(), "--out", site.string()});
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);
    const std::string not_found = built(site, "404.html");
    CHECK(contains(not_found, "<h1>Regionens 404</h1>"));
    const std::string index = built(site, "index.html");
    CHECK(contains(index, "Tjenestens forside"));  // theme/ over --theme
    CHECK_FALSE(contains(index, "Regionens forside"));
    CHECK(contains(index, "Regionens åpne data"));  // what theme/ leaves, --theme gives
}

// The words of `vocabulary` whose bits are set in `bits` (base64, lowest bit first), as
// " w1 w2 … " so that a test can look for whole words.
namespace {

std::string words_of(const std::string& vocabulary, const std::string& bits) {
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes;
    unsigned buffer = 0;
    int held = 0;
    for (const char c : bits) {
        const auto value = alphabet.find(c);
        if (value == std::string::npos) {
            continue;  // padding
        }
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        held += 6;
        if (held >= 8) {
            held -= 8;
            bytes += static_cast<char>((buffer >> held) & 0xFF);
        }
    }
    std::string out = " ";
    std::size_t number = 0;
    std::istringstream words(vocabulary);
    for (std::string word; words >> word; ++number) {
        if (number / 8 < bytes.size() &&
            (static_cast<unsigned char>(bytes[number / 8]) >> (number % 8) & 1U) != 0) {
            out += word + " ";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("search: words are lower-cased Norwegian words, each once, in order") {
    CHECK(rv::render::distinct_words("Bensarkom og BENSARKOM, Ærlig «ord» – 2023 ØST-øst") ==
          std::vector<std::string>{"bensarkom", "og", "ærlig", "ord", "2023", "øst"});
    CHECK(rv::render::distinct_words("").empty());
    CHECK(rv::render::distinct_words("…–«»").empty());
}

TEST_CASE("search: the index has every service and report, the page lists every service") {
    const TempContent content;
    rv::test::add_report_2022(content);
    content.replace("services/eksempeltjeneste/2023/kort-fortalt.md", "\n",
                    "\nOrdetsomfinnesbareher står i teksten slutterher\n\nbegynnerher.\n");
    const fs::path site = rv::test::build(content);
    const std::string script = built(site, "sok/sokeindeks.js");
    REQUIRE(script.rfind("window.rvSearchIndex = {", 0) == 0);
    const auto index = nlohmann::json::parse(script.substr(22, script.size() - 22 - 2));
    std::vector<std::string> hrefs;
    for (const auto& entry : index["entries"]) {
        hrefs.push_back(entry["kind"].get<std::string>() + " " + entry["href"].get<std::string>());
    }
    CHECK(hrefs == std::vector<std::string>{"service eksempeltjeneste/index.html",
                                            "report eksempeltjeneste/2022/index.html",
                                            "report eksempeltjeneste/2023/index.html"});
    const auto& report_2023 = index["entries"][2];
    // The service holds every word of its reports once; each report marks its own.
    const std::string vocabulary = index["entries"][0]["vocabulary"].get<std::string>();
    const auto words_2023 = words_of(vocabulary, report_2023["bits"].get<std::string>());
    const auto words_2022 = words_of(vocabulary, index["entries"][1]["bits"].get<std::string>());
    CHECK(contains(words_2023, " ordetsomfinnesbareher "));
    // Words of neighbouring paragraphs stay apart.
    CHECK(contains(words_2023, " slutterher begynnerher "));
    CHECK_FALSE(contains(words_2022, "ordetsomfinnesbareher"));
    CHECK(contains(words_2022, " eksempeltjenesten "));
    CHECK(contains(words_2023, " eksempeltjenesten "));
    CHECK(vocabulary.find("eksempeltjenesten") == vocabulary.rfind("eksempeltjenesten"));  // once
    CHECK_FALSE(report_2023.contains("words"));
    CHECK(report_2023["service_href"] == "eksempeltjeneste/index.html");
    CHECK(report_2023["title"] == "Årsrapport 2023");

    const std::string page = built(site, "sok/index.html");
    CHECK(contains(page, "<script src=\"sokeindeks.js\" defer></script>"));
    CHECK(contains(page, "<script src=\"../assets/search.js\" defer></script>"));
    CHECK(contains(page, "href=\"../eksempeltjeneste/index.html\""));  // the list without JS
    CHECK(contains(page, "role=\"status\""));
    const std::string front = built(site, "index.html");
    CHECK(contains(front, "<form class=\"finder\" id=\"search-form\" action=\"sok/index.html\""));
    CHECK(contains(front, "<option value=\"helse-vest\">Helse Vest</option>"));
    CHECK(contains(front, "rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\""));
    CHECK(built(site, "sitemap.xml").find("/sok/") != std::string::npos);
}

TEST_CASE("build: a broken internal link stops the build and leaves the old site") {
    const TempContent content;
    const fs::path site = rv::test::build(content);
    const auto before = rv::test::snapshot(site);
    // A theme's footer that links to a page the site does not have, and to a missing id.
    content.write("theme/templates/foot.mustache",
                  "<footer><a href=\"{{root}}finnes-ikke.html\">X</a>"
                  " <a href=\"{{root}}index.html#ingen-slik-id\">Y</a></footer></body></html>");
    const auto run = rv::test::run_cli({"build", content.path().string(), "--out", site.string()});
    CHECK(run.code == 1);
    CHECK(contains(run.err, "index.html: lenken «finnes-ikke.html» peker ikke til noen side"));
    CHECK(contains(run.err, "lenken «index.html#ingen-slik-id»"));
    CHECK(rv::test::snapshot(site) == before);
    CHECK(rv::test::names_in(content.base()) == std::set<std::string>{"content", "site"});
}
