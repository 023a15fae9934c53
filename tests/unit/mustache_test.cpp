// Tests of the Mustache templates a theme is written in: what a page shows for each tag,
// value and line layout, and the message a broken template gets. The dialect is the one
// themes were written against (kainjow::mustache 4), described in render/html/mustache.hpp.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "render/html/mustache.hpp"

namespace {

using nlohmann::json;
using rv::render::MustacheTemplate;

std::string render(const std::string& text, const json& data,
                   const MustacheTemplate::Partials& partials = {}) {
    const MustacheTemplate page(text);
    REQUIRE_MESSAGE(page.valid(), page.error());
    std::string out;
    const json* contexts[] = {&data};
    page.render(contexts, partials, out);
    return out;
}

std::string error_of(const std::string& text) {
    return MustacheTemplate(text).error();
}

}  // namespace

TEST_CASE("mustache: variables are escaped, triple braces and & are not") {
    const json data = {{"x", "<a href=\"/\">Tom & 'Jerry'</a>"}};
    CHECK(render("{{x}}", data) ==
          "&lt;a href=&quot;/&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    CHECK(render("{{{x}}}", data) == "<a href=\"/\">Tom & 'Jerry'</a>");
    CHECK(render("{{& x}}", data) == "<a href=\"/\">Tom & 'Jerry'</a>");
    CHECK(render("[{{ x }}]", {{"x", "æøå"}}) == "[æøå]");
    CHECK(render("[{{missing}}]", data) == "[]");
}

TEST_CASE("mustache: long escaped text, scanned in blocks, misses no character") {
    std::string text;
    std::string expected;
    for (const char* special : {"&", "<", ">", "\"", "'", "\x01", "\x7f", "\t"}) {
        text += std::string("abcdefghijk") + special;
        const std::string_view c(special);
        expected += "abcdefghijk";
        expected += c == "&"    ? "&amp;"
                    : c == "<"  ? "&lt;"
                    : c == ">"  ? "&gt;"
                    : c == "\"" ? "&quot;"
                    : c == "'"  ? "&apos;"
                    : c == "\t" ? "\t"
                                : "";
    }
    CHECK(render("{{x}}", {{"x", text + "æøå"}}) == expected + "æøå");
}

TEST_CASE("mustache: numbers print as text, other values print nothing") {
    const json data = {{"n", 12000},          {"u", 7U},        {"f", 1.5},
                       {"yes", true},         {"no", false},    {"list", {1, 2}},
                       {"obj", {{"a", "b"}}}, {"null", nullptr}};
    CHECK(render("{{n}} {{u}} {{f}}", data) == "12000 7 1,5");
    CHECK(render("[{{yes}}{{no}}{{list}}{{obj}}{{null}}]", data) == "[]");
}

TEST_CASE("mustache: control characters never reach the page, tab and line ends do") {
    const json data = {{"x", std::string("a\x01") + "b\x7f\tc\nd"}};
    CHECK(render("{{x}}", data) == "ab\tc\nd");
    CHECK(render("{{{x}}}", data) == "ab\tc\nd");
    // Long raw HTML is scanned eight bytes at a time: control characters anywhere in it.
    const json html = {{"x", std::string("<p>0123456789\x01"
                                         "abcdefghijklmnop\x7f</p>\n<p>æøå") +
                                 std::string(1, '\0') + "</p>"}};
    CHECK(render("{{{x}}}", html) == "<p>0123456789abcdefghijklmnop</p>\n<p>æøå</p>");
}

TEST_CASE("mustache: sections repeat over lists and enter objects; falsy values hide them") {
    const json data = {{"items", {{{"name", "a"}}, {{"name", "b"}}}},
                       {"person", {{"name", "Kari"}}},
                       {"words", {"x", "y"}},
                       {"empty", json::array()},
                       {"blank", ""},
                       {"off", false},
                       {"none", nullptr},
                       {"on", true},
                       {"name", "outer"}};
    CHECK(render("{{#items}}<{{name}}>{{/items}}", data) == "<a><b>");
    CHECK(render("{{#person}}{{name}}{{/person}}", data) == "Kari");
    CHECK(render("{{#words}}({{.}}){{/words}}", data) == "(x)(y)");
    CHECK(render("{{#on}}{{name}}{{/on}}", data) == "outer");  // looked up outwards
    for (const char* key : {"empty", "blank", "off", "none", "missing"}) {
        CAPTURE(key);
        const std::string name(key);
        CHECK(render("[{{#" + name + "}}shown{{/" + name + "}}]", data) == "[]");
        CHECK(render("[{{^" + name + "}}shown{{/" + name + "}}]", data) == "[shown]");
    }
    CHECK(render("[{{^items}}shown{{/items}}]", data) == "[]");
}

TEST_CASE("mustache: dotted names resolve within one context, else further out") {
    const json data = {{"a", {{"b", {{"c", "deep"}}}}},
                       {"t", {{"label", "Etikett"}}},
                       {"inner", {{"t", {{"other", "x"}}}}}};
    CHECK(render("{{a.b.c}}", data) == "deep");
    CHECK(render("[{{a.x.c}}]", data) == "[]");
    // Inside "inner", t.label is not in inner's t: the outer context's t answers.
    CHECK(render("{{#inner}}{{t.label}}/{{t.other}}{{/inner}}", data) == "Etikett/x");
}

TEST_CASE("mustache: the context stack is searched from the innermost context out") {
    const json labels = {{"t", {{"home", "Hjem"}}}, {"title", "under"}};
    const json page = {{"title", "Forside"}, {"lang", "nb"}};
    const MustacheTemplate page_template("{{title}} {{t.home}} {{lang}}");
    std::string out;
    const json* contexts[] = {&labels, &page};
    page_template.render(contexts, {}, out);
    CHECK(out == "Forside Hjem nb");
}

TEST_CASE("mustache: a line left blank by section tags is dropped, other lines are kept") {
    const json data = {{"items", {"a", "b"}}, {"x", "X"}, {"off", false}};
    CHECK(render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", data) ==
          "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
    CHECK(render("a\n  {{x}}  \nb", data) == "a\n  X  \nb");
    CHECK(render("a\n\nb", data) == "a\n\nb");             // empty lines stay
    CHECK(render("a\n{{! note }}\nb", data) == "a\n\nb");  // a comment leaves its line
    CHECK(render("a\r\n{{#x}}\r\nb\r\n{{/x}}\r\n", data) == "a\r\nb\r\n");
    CHECK(render("{{#x}}\n{{/x}}", data) == "");  // the last line too
    // A section that is not rendered leaves the line's spaces (as kainjow did).
    CHECK(render("a\n  {{#off}}\nz\n{{/off}}\nb", data) == "a\n  \nb");
}

TEST_CASE("mustache: comments, partials and new delimiters") {
    const json data = {{"name", "Kari"}, {"items", {"x", "y"}}};
    CHECK(render("a{{! anything {{ here }}b", data) == "ab");
    MustacheTemplate::Partials partials;
    partials.emplace("head", MustacheTemplate("<h1>{{name}}</h1>\n"));
    partials.emplace("item", MustacheTemplate("[{{.}}]"));
    CHECK(render("{{> head}}<p>{{#items}}{{> item}}{{/items}}</p>", data, partials) ==
          "<h1>Kari</h1>\n<p>[x][y]</p>");
    CHECK(render("[{{> unknown}}]", data, partials) == "[]");
    CHECK(render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", data) ==
          "Kari {{name}} Kari");
}

TEST_CASE("mustache: partials that include each other stop with a message") {
    MustacheTemplate::Partials partials;
    partials.emplace("loop", MustacheTemplate("x{{> loop}}"));
    const MustacheTemplate page("{{> loop}}");
    std::string out;
    const json data = json::object();
    const json* contexts[] = {&data};
    CHECK_THROWS_WITH_AS(page.render(contexts, partials, out),
                         doctest::Contains("partials nest more than 32 deep"), std::runtime_error);
}

TEST_CASE("mustache: a broken template says what is wrong and on which line") {
    CHECK(error_of("a\n{{name") == "unclosed tag {{name (line 2)");
    CHECK(error_of("a\nb\n{{#list}}x\ny\n") == "section \"list\" is never closed (line 3)");
    CHECK(error_of("{{#a}}\n{{/b}}") == "section \"a\" is closed by {{/b}} (line 2)");
    CHECK(error_of("x{{/a}}") == "{{/a}} closes no section (line 1)");
    CHECK(error_of("{{=<%>=}}") == "malformed delimiter tag {{=<%>=}} (line 1)");
    const MustacheTemplate broken("{{#a}}");
    std::string out;
    const json data = json::object();
    const json* contexts[] = {&data};
    CHECK_THROWS_AS(broken.render(contexts, {}, out), std::runtime_error);
}

TEST_CASE("mustache: a long value shows every character wherever the first one to change is") {
    // Values are looked at sixteen bytes at a time up to the first byte to change: put one at
    // every place of the first few blocks, after plain text with a line break in it.
    const std::string plain = "<p>Pasienter fra hele landet\r\n</p>\tæøå ";
    for (std::size_t at = 0; at <= plain.size(); ++at) {
        CAPTURE(at);
        const std::string before = plain.substr(0, at);
        const std::string after = plain.substr(at);
        const json data = {{"x", before + "\x01" + after + "\x7f" + plain}};
        CHECK(render("{{{x}}}", data) == plain + plain);
        const json markup = {{"x", before + "&" + after}};
        CHECK(render("{{{x}}}", markup) == before + "&" + after);
    }
    const json text = {{"x", plain + "Tom & Jerry"}};
    CHECK(render("{{x}}", text) ==
          "&lt;p&gt;Pasienter fra hele landet\r\n&lt;/p&gt;\tæøå Tom &amp; Jerry");
}
