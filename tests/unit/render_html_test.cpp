// Tests of the HTML a reader gets: the report page built from examples/minimal (language,
// headings, notice, section order, the patients table, Norwegian number formats, no
// scripts), and rv::render::markdown_to_html on trees from rv::load::read_markdown.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/html/site_renderer.hpp"

#include "cli/commands.hpp"
#include "fixture.hpp"
#include "load/markdown_reader.hpp"
#include "render/html/html_escape.hpp"
#include "render/html/markdown_html.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;

namespace {

using Workspace = rv::test::TempContent;
using rv::test::build;
using rv::test::contains;
using rv::test::read_file;
using rv::test::replace_once;
using rv::test::write_file;

const std::string nbsp = "\u00a0";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

int count(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

// The text between the first `open` at or after `from` and the next `close`.
std::string between(const std::string& text, const std::string& open, const std::string& close,
                    std::size_t from = 0) {
    const auto start = text.find(open, from);
    REQUIRE_MESSAGE(start != std::string::npos, open);
    const auto end = text.find(close, start);
    REQUIRE_MESSAGE(end != std::string::npos, close);
    return text.substr(start, end + close.size() - start);
}

std::string html(const std::string& markdown, const std::string& prefix = "innhold") {
    return rv::render::markdown_to_html(rv::load::read_markdown(markdown),
                                        {1, prefix, "Tabell", "Tabell i avsnittet"});
}

}  // namespace

TEST_CASE("html: the report page of the example") {
    Workspace ws;
    build(ws);
    const std::string page = read_file(ws.page());
    REQUIRE_FALSE(page.empty());

    CHECK(contains(page, "<html lang=\"nb\""));
    CHECK(count(page, "<h1>") + count(page, "<h1 ") == 1);
    CHECK(contains(page, "<h1>Nasjonal behandlingstjeneste for eksempelkirurgi</h1>"));

    // The site's own example notice, marked as a note.
    const auto site = nlohmann::json::parse(read_file(ws.content() / "site.json"));
    const std::string notice = site.at("example_notice").at("nb").get<std::string>();
    CHECK(contains(page,
                   "class=\"example-notice ds-alert\" data-color=\"warning\" role=\"note\"><p>" +
                       notice + "</p>"));

    SUBCASE("sections follow the form's order with numbered h2 headings") {
        const auto form =
            nlohmann::json::parse(read_file(ws.content() / "forms" / "behandlingstjeneste.json"));
        std::vector<std::string> expected;
        for (const auto& section : form.at("sections")) {
            const std::string id = section.at("id").get<std::string>();
            if (fs::exists(ws.report_dir() / (id + ".md"))) {
                expected.push_back("<h2 id=\"" + id + "\"><span class=\"number\">" +
                                   std::to_string(expected.size() + 1) + "</span> " +
                                   section.at("title").at("nb").get<std::string>() + "</h2>");
            }
        }
        REQUIRE(expected.size() == 10);
        CHECK(expected.front() ==
              "<h2 id=\"kort-fortalt\"><span class=\"number\">1</span> Kort fortalt</h2>");
        std::size_t previous = 0;
        for (const auto& heading : expected) {
            const auto at = page.find(heading);
            CHECK_MESSAGE(at != std::string::npos, heading);
            CHECK_MESSAGE(at > previous, heading);
            previous = at == std::string::npos ? previous : at;
        }
        // The first numbered heading is "Kort fortalt", and there are ten.
        const std::string mark = "<span class=\"number\">";
        const auto first = page.find(mark);
        REQUIRE(first != std::string::npos);
        const std::string kort_fortalt = mark + "1</span> Kort fortalt</h2>";
        CHECK(page.compare(first, kort_fortalt.size(), kort_fortalt) == 0);
        CHECK(page.rfind("<h2 ", first) == page.rfind("<h2 id=\"kort-fortalt\">", first));
        CHECK(count(page, mark) == 10);
        // A "##" heading in a section is an h3 below its h2.
        CHECK(contains(page, "<h3 id=\"innhold-avgrensning\">Avgrensning</h3>"));
    }

    SUBCASE("the patients table") {
        const std::string table = between(page,
                                          "<table class=\"ds-table\" data-border>\n<caption>Nye "
                                          "pasienter per helseregion i 2023</caption>",
                                          "</table>");
        CHECK(count(table, "<th scope=\"col\">") == 5);
        CHECK(count(table, "<th scope=\"row\">") == 5);  // four regions and the total
        CHECK(contains(table, "<tr><th scope=\"row\">Helse Sør-Øst</th><td>12</td><td>1</td><td>3" +
                                  nbsp + "076" + nbsp + "276</td><td>0,4</td></tr>"));
        CHECK(contains(table, "<tr><th scope=\"row\">Helse Vest</th><td>5</td>"));
        // 22 is the total, with the national rate per 100 000 (22 / 5 425 270).
        const std::string foot = between(table, "<tfoot>", "</tfoot>");
        CHECK(foot ==
              "<tfoot><tr><th scope=\"row\">I "
              "alt</th><td>22</td><td>1</td><td></td><td>0,4</td></tr></tfoot>");
        CHECK_FALSE(contains(table, "0.4"));
    }

    SUBCASE("no script but the search page's own files (script-src 'self')") {
        for (const auto& entry : fs::recursive_directory_iterator(ws.site())) {
            if (!entry.is_regular_file() || entry.path().extension() != ".html") {
                continue;
            }
            const std::string html = lower(read_file(entry.path()));
            if (entry.path().parent_path().filename() == "sok") {
                CHECK(count(html, "<script") == 2);
                CHECK(count(html, "<script src=\"") == 2);
            } else {
                CHECK_MESSAGE(!contains(html, "<script"), entry.path());
            }
        }
    }
}

TEST_CASE("html: a rate with a decimal comma and a thousands space") {
    Workspace ws;
    // 12 345 of Helse Nord's 481 926 inhabitants: 2561,57… per 100 000.
    const fs::path report = ws.report_dir() / "report.json";
    replace_once(report, "\"helse-nord\": 2", "\"helse-nord\": 12345");
    replace_once(report, "\"total_treated\": 22", "\"total_treated\": 12365");
    build(ws);
    const std::string page = read_file(ws.page());
    CHECK(contains(page, "<tr><th scope=\"row\">Helse Nord</th><td>12" + nbsp +
                             "345</td><td>–</td><td>481" + nbsp + "926</td><td>2561,6</td></tr>"));
    // 12 365 of 5 425 270: 227,91… per 100 000.
    CHECK(contains(page, "<tfoot><tr><th scope=\"row\">I alt</th><td>12" + nbsp +
                             "365</td><td>1</td><td></td><td>227,9</td></tr></tfoot>"));
}

TEST_CASE("html: content cannot put scripts or javascript: links on the page") {
    Workspace ws;
    write_file(ws.report_dir() / "kort-fortalt.md",
               "<script>alert(1)</script>\n\n"
               "Les [mer](javascript:alert(1)) og <script>alert(2)</script> her.\n\n"
               "<SCRIPT SRC=//x.example/a.js></SCRIPT>\n\n"
               "[Trygg lenke](https://eksempel.example/) & <b onmouseover=\"x\">fet</b>\n");
    replace_once(ws.content() / "services" / "eksempeltjeneste" / "service.json",
                 "\"Nasjonal behandlingstjeneste for eksempelkirurgi\"",
                 "\"Eksempelkirurgi <script>alert(3)</script> & \\\"sitat\\\"\"");
    build(ws);  // raw HTML and unsafe links are warnings only
    const std::string page = read_file(ws.page());
    const std::string section = between(page, "<section class=\"report-section", "</section>");
    CHECK_FALSE(contains(lower(page), "<script"));
    CHECK_FALSE(contains(lower(page), "javascript:"));
    CHECK_FALSE(contains(lower(page), "onmouseover"));
    CHECK(contains(section, "Les mer og"));
    CHECK(contains(section,
                   "<a href=\"https://eksempel.example/\" rel=\"noopener noreferrer "
                   "external\">Trygg lenke</a> &amp;"));
    CHECK(contains(page, "<h1>Eksempelkirurgi &lt;script&gt;alert(3)&lt;/script&gt; &amp; "));
    const std::string index = read_file(ws.site() / "index.html");
    CHECK_FALSE(contains(lower(index), "<script"));
}

TEST_CASE("markdown_to_html: headings move down a level and get ids") {
    CHECK(html("## Avgrensning\n") == "<h3 id=\"innhold-avgrensning\">Avgrensning</h3>\n");
    CHECK(html("### Små og store\n") == "<h4 id=\"innhold-sma-og-store\">Små og store</h4>\n");
    CHECK(html("###### Seks\n") == "<h6 id=\"innhold-seks\">Seks</h6>\n");
    CHECK(html("## Mål\n", "") == "<h3 id=\"mal\">Mål</h3>\n");
    // Repeated titles get distinct ids.
    const std::string twice = html("## Plan\n\n## Plan\n");
    CHECK(contains(twice, "<h3 id=\"innhold-plan\">Plan</h3>"));
    CHECK(contains(twice, "<h3 id=\"innhold-plan-2\">Plan</h3>"));
}

TEST_CASE("markdown_to_html: every heading id is a slug of its title, unique on the page") {
    CHECK(html("## Ærlig -- Øst & Vest 2023!\n") ==
          "<h3 id=\"innhold-aerlig-ost-vest-2023\">Ærlig -- Øst &amp; Vest 2023!</h3>\n");
    // A title with no letter or digit still gets an id.
    CHECK(html("## !!!\n") == "<h3 id=\"innhold-seksjon\">!!!</h3>\n");
    CHECK(html("## !!!\n", "") == "<h3 id=\"seksjon\">!!!</h3>\n");
    CHECK(html("## Plan\n\n## Plan\n\n## Plan\n") ==
          "<h3 id=\"innhold-plan\">Plan</h3>\n<h3 id=\"innhold-plan-2\">Plan</h3>\n"
          "<h3 id=\"innhold-plan-3\">Plan</h3>\n");
    // A title that reads like a numbered repeat does not take a later repeat's id.
    CHECK(html("## Plan 2\n\n## Plan\n\n## Plan\n", "") ==
          "<h3 id=\"plan-2\">Plan 2</h3>\n<h3 id=\"plan\">Plan</h3>\n"
          "<h3 id=\"plan-3\">Plan</h3>\n");
}

TEST_CASE("markdown_to_html: long text is escaped wherever its first special character is") {
    CHECK(html("Pasientene sier at \"det går bra\" og 'fint' & mer\n") ==
          "<p>Pasientene sier at &quot;det går bra&quot; og &#39;fint&#39; &amp; mer</p>\n");
    CHECK(html("Seksten tegn foran\x01 og etter, og enda flere tegn\x02\n") ==
          "<p>Seksten tegn foran og etter, og enda flere tegn</p>\n");
    CHECK(html("```\nif (a < b && c > d) { return \"x\"; }\n```\n") ==
          "<pre><code>if (a &lt; b &amp;&amp; c &gt; d) { return &quot;x&quot;; }\n"
          "</code></pre>\n");
}

TEST_CASE("markdown_to_html: raw HTML and unsafe links never reach the page") {
    const std::string block = html("<script>alert(1)</script>\n\nTekst.\n");
    CHECK_FALSE(contains(lower(block), "<script"));
    CHECK_FALSE(contains(block, "alert(1)"));
    CHECK(contains(block, "<p>Tekst.</p>"));

    const std::string inline_html =
        html("Før <script>alert(1)</script> etter <img src=x onerror=alert(2)>\n");
    CHECK_FALSE(contains(lower(inline_html), "<script"));
    CHECK_FALSE(contains(lower(inline_html), "<img"));
    CHECK_FALSE(contains(lower(inline_html), "onerror"));

    for (const std::string link :
         {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](java&#x73;cript:alert(1))",
          "[x](<javascript:alert(1)>)", "[x](vbscript:msgbox(1))",
          "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](file:///etc/passwd)",
          "![x](javascript:alert(1))"}) {
        CAPTURE(link);
        const std::string out = lower(html(link + "\n"));
        CHECK_FALSE(contains(out, "javascript:"));
        CHECK_FALSE(contains(out, "vbscript:"));
        CHECK_FALSE(contains(out, "data:"));
        CHECK_FALSE(contains(out, "file:"));
        CHECK_FALSE(contains(out, "href="));
        CHECK_FALSE(contains(out, "src="));
    }
    CHECK(html("[x](javascript:alert(1))\n") == "<p>x</p>\n");
    // An autolink with an unsafe scheme keeps its text, but is no link.
    CHECK_FALSE(contains(html("<javascript:alert(1)>\n"), "href"));
    // Safe destinations stay.
    CHECK(html("[a](https://x.example/) [b](mailto:post@x.example) [c](vedlegg/plan.pdf)\n") ==
          "<p><a href=\"https://x.example/\" rel=\"noopener noreferrer external\">a</a> <a "
          "href=\"mailto:post@x.example\">b</a> "
          "<a href=\"vedlegg/plan.pdf\">c</a></p>\n");
}

TEST_CASE("markdown_to_html: table header cells get scope=col") {
    const std::string out = html("| Mål | Resultat |\n| --- | ---: |\n| Ventetid | 86 % |\n");
    CHECK(contains(out,
                   "<thead>\n<tr><th scope=\"col\">Mål</th><th scope=\"col\" "
                   "class=\"align-right\">Resultat</th></tr>\n</thead>"));
    CHECK(contains(
        out, "<tbody>\n<tr><td>Ventetid</td><td class=\"align-right\">86 %</td></tr>\n</tbody>"));
    CHECK(count(out, "<th ") == 2);
}

TEST_CASE("markdown_to_html: text and attributes are escaped") {
    CHECK(html("a < b & c > d \"e\" 'f'\n") ==
          "<p>a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;</p>\n");
    CHECK(html("`<b>&`\n") == "<p><code>&lt;b&gt;&amp;</code></p>\n");
    CHECK(html("    <i>kode</i>\n") == "<pre><code>&lt;i&gt;kode&lt;/i&gt;\n</code></pre>\n");
    CHECK(html("[t](<https://x.example/a\"b> \"ti\\\"tle\")\n") ==
          "<p><a href=\"https://x.example/a&quot;b\" rel=\"noopener noreferrer external\" "
          "title=\"ti&quot;tle\">t</a></p>\n");
    CHECK(html("![a \"b\" < c](bilde.png)\n") ==
          "<p><img src=\"bilde.png\" alt=\"a &quot;b&quot; &lt; c\"></p>\n");
    CHECK(html("## Tittel < 3 & mer\n") ==
          "<h3 id=\"innhold-tittel-3-mer\">Tittel &lt; 3 &amp; mer</h3>\n");
}

TEST_CASE("html: pages keep a Content-Security-Policy and mark links to other sites") {
    // Links to other sites open without giving them a handle on this page.
    const std::string html = rv::render::markdown_to_html(
        rv::load::read_markdown("[Helse Vest](https://helse-vest.no/) og [lokalt](vedlegg.pdf)"),
        {1, "s", "Tabell", "Tabell i avsnittet"});
    CHECK(html.find("<a href=\"https://helse-vest.no/\" rel=\"noopener noreferrer external\">") !=
          std::string::npos);
    CHECK(html.find("<a href=\"vedlegg.pdf\">") != std::string::npos);

    // Every page of the theme carries the policy: no script but the site's own, no plugins.
    const auto theme = rv::render::Theme::embedded_default();
    const std::string& head = theme.files.at("templates/head.mustache");
    CHECK(head.find("http-equiv=\"Content-Security-Policy\"") != std::string::npos);
    CHECK(head.find("script-src 'self'") != std::string::npos);
    CHECK(head.find("object-src 'none'") != std::string::npos);
    for (const auto& [path, text] : theme.files) {
        CAPTURE(path);
        CHECK(text.find("<script>") == std::string::npos);   // no inline script anywhere
        CHECK(text.find(" style=\"") == std::string::npos);  // the policy forbids inline style
    }
}

TEST_CASE("html: every escaping table gives what a byte-by-byte escape gives, on random text") {
    // Random text of the bytes that matter, mostly in runs of ordinary letters, so that special
    // bytes fall at every place of an eight-byte word, next to each other and next to the
    // bytes a borrow in the word-wise scan could flag (a space after a control character).
    const std::string alphabet = std::string("&<>\"'\t\n\r\x01\x1f\x7f \x20!~") + '\0';
    const std::string letters = "abcdefghijklmnopqrstuvwxyzæøå";
    std::uint32_t state = 20240912;
    const auto next = [&state] {
        state = state * 1664525U + 1013904223U;
        return state >> 8;
    };
    for (const auto* table :
         {&rv::render::page_text, &rv::render::template_value, &rv::render::template_raw,
          &rv::render::xml_attribute, &rv::render::xml_text}) {
        for (int round = 0; round < 400; ++round) {
            std::string text;
            const std::size_t length = next() % 64;
            for (std::size_t i = 0; i < length; ++i) {
                text += next() % 3 == 0 ? alphabet[next() % alphabet.size()]
                                        : letters[next() % letters.size()];
            }
            std::string expected;
            for (const char c : text) {
                const char* replacement = table->replacement[static_cast<unsigned char>(c)];
                expected += replacement != nullptr ? std::string(replacement) : std::string(1, c);
            }
            std::string escaped;
            rv::render::append_escaped(escaped, text, *table);
            CHECK(escaped == expected);
        }
    }
}

TEST_CASE("html: escaping long text, scanned in blocks, misses no character") {
    std::string text;
    std::string expected;
    for (const char* special : {"&", "<", ">", "\"", "'", "\x01", "\r", "\x7f", "\t", "\n"}) {
        text += std::string("abcdefghijk") + special;
        const std::string_view c(special);
        expected += "abcdefghijk";
        expected += c == "&"      ? "&amp;"
                    : c == "<"    ? "&lt;"
                    : c == ">"    ? "&gt;"
                    : c == "\""   ? "&quot;"
                    : c == "'"    ? "&#39;"
                    : c == "\x7f" ? "\x7f"
                    : c == "\t"   ? "\t"
                    : c == "\n"   ? "\n"
                                  : "";  // other control characters are left out
    }
    CHECK(rv::render::escape_html(text + "æøå") == expected + "æøå");
}
