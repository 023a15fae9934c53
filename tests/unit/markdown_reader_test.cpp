// Tests for rv::load::read_markdown: node kinds, attributes, positions (character columns),
// raw HTML and unsafe URLs, and robustness against arbitrary bytes.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <cmark-gfm.h>

#include "load/cmark_threads.hpp"
#include "load/markdown_reader.hpp"

using rv::load::read_markdown;
using rv::model::MarkdownKind;
using rv::model::MarkdownNode;

namespace {

// Every node of the tree in document order (pre-order).
std::vector<const MarkdownNode*> all_nodes(const MarkdownNode& root) {
    std::vector<const MarkdownNode*> out;
    std::function<void(const MarkdownNode&)> visit = [&](const MarkdownNode& node) {
        out.push_back(&node);
        for (const auto& child : node.children) {
            visit(child);
        }
    };
    visit(root);
    return out;
}

std::vector<const MarkdownNode*> find_all(const MarkdownNode& root, MarkdownKind kind) {
    std::vector<const MarkdownNode*> out;
    for (const MarkdownNode* node : all_nodes(root)) {
        if (node->kind == kind) {
            out.push_back(node);
        }
    }
    return out;
}

const MarkdownNode& find_first(const MarkdownNode& root, MarkdownKind kind) {
    const auto found = find_all(root, kind);
    REQUIRE_FALSE(found.empty());
    return *found.front();
}

// kind, line, column and text of every node, for comparing two parses.
std::vector<std::string> shape(const MarkdownNode& root) {
    std::vector<std::string> out;
    for (const MarkdownNode* node : all_nodes(root)) {
        out.push_back(std::to_string(static_cast<int>(node->kind)) + "@" +
                      std::to_string(node->line) + ":" + std::to_string(node->column) + " " +
                      node->text);
    }
    return out;
}

int depth(const MarkdownNode& node) {
    int deepest = 0;
    for (const auto& child : node.children) {
        deepest = std::max(deepest, depth(child));
    }
    return deepest + 1;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80                 ? 1
                        : c >= 0xC2 && c <= 0xDF ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
        if (n == 0 || i + n > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

void check_all_text_valid(const MarkdownNode& root) {
    for (const MarkdownNode* node : all_nodes(root)) {
        CHECK(valid_utf8(node->text));
        CHECK(valid_utf8(node->url));
        CHECK(valid_utf8(node->title));
        CHECK(valid_utf8(node->info));
        CHECK(node->line >= 1);
        CHECK(node->column >= 1);
    }
}

}  // namespace

TEST_CASE("markdown: empty input is an empty document") {
    const MarkdownNode doc = read_markdown("");
    CHECK(doc.kind == MarkdownKind::document);
    CHECK(doc.children.empty());
    CHECK(doc.line == 1);
    CHECK(doc.column == 1);
}

TEST_CASE("markdown: headings keep their level, line and column") {
    const MarkdownNode doc = read_markdown("# One\n\nText\n\n### Three *x*\n\n   ## Indented\n");
    const auto headings = find_all(doc, MarkdownKind::heading);
    REQUIRE(headings.size() == 3);
    CHECK(headings[0]->level == 1);
    CHECK(headings[0]->line == 1);
    CHECK(headings[0]->column == 1);
    CHECK(rv::model::plain_text(*headings[0]) == "One");
    CHECK(headings[1]->level == 3);
    CHECK(headings[1]->line == 5);
    CHECK(headings[1]->column == 1);
    CHECK(headings[2]->level == 2);
    CHECK(headings[2]->line == 7);
    CHECK(headings[2]->column == 4);
    const MarkdownNode& emphasis = find_first(*headings[1], MarkdownKind::emphasis);
    CHECK(emphasis.line == 5);
    CHECK(emphasis.column == 11);
}

TEST_CASE("markdown: a table has a header row, body rows and cell alignments") {
    const MarkdownNode doc = read_markdown(
        "| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 | 6 | 7 | 8 |\n");
    REQUIRE(doc.children.size() == 1);
    const MarkdownNode& table = doc.children[0];
    CHECK(table.kind == MarkdownKind::table);
    REQUIRE(table.children.size() == 3);
    for (const auto& row : table.children) {
        CHECK(row.kind == MarkdownKind::table_row);
        REQUIRE(row.children.size() == 4);
        CHECK(row.children[0].kind == MarkdownKind::table_cell);
        CHECK(row.children[0].align == 'l');
        CHECK(row.children[1].align == 'c');
        CHECK(row.children[2].align == 'r');
        CHECK(row.children[3].align == 0);
    }
    CHECK(table.children[0].header);
    CHECK_FALSE(table.children[1].header);
    CHECK_FALSE(table.children[2].header);
    CHECK(rv::model::plain_text(table.children[0].children[1]) == "C");
    CHECK(rv::model::plain_text(table.children[2].children[3]) == "8");
    CHECK(table.children[2].line == 4);
    CHECK(table.children[2].children[1].column == 6);
}

TEST_CASE("markdown: a task list marks items checked, unchecked or not a task") {
    const MarkdownNode doc = read_markdown("- [ ] todo\n- [x] done\n- plain\n");
    const MarkdownNode& list = find_first(doc, MarkdownKind::list);
    REQUIRE(list.children.size() == 3);
    CHECK(list.children[0].kind == MarkdownKind::item);
    CHECK(list.children[0].task == 0);
    CHECK(list.children[1].kind == MarkdownKind::item);
    CHECK(list.children[1].task == 1);
    CHECK(list.children[2].kind == MarkdownKind::item);
    CHECK(list.children[2].task == -1);
    CHECK(rv::model::plain_text(list.children[0]) == "todo");
    CHECK(rv::model::plain_text(list.children[1]) == "done");
}

TEST_CASE("markdown: an image keeps url, title and its alt text as children") {
    const MarkdownNode doc = read_markdown("![A *red* `box`](img/box.png \"The box\")\n");
    const MarkdownNode& image = find_first(doc, MarkdownKind::image);
    CHECK(image.url == "img/box.png");
    CHECK(image.title == "The box");
    CHECK(rv::model::plain_text(image) == "A red box");
    CHECK(image.line == 1);
    CHECK(image.column == 1);
}

TEST_CASE("markdown: links keep url and title; bare URLs become links") {
    const MarkdownNode doc =
        read_markdown("See [docs](https://example.org/a?b=1 \"Docs\") and https://bare.example\n");
    const auto links = find_all(doc, MarkdownKind::link);
    REQUIRE(links.size() == 2);
    CHECK(links[0]->url == "https://example.org/a?b=1");
    CHECK(links[0]->title == "Docs");
    CHECK(rv::model::plain_text(*links[0]) == "docs");
    CHECK(links[0]->column == 5);
    CHECK(links[1]->url == "https://bare.example");
    // cmark gives autolinked URLs no position: they take the paragraph's.
    CHECK(links[1]->line == 1);
    CHECK(links[1]->column == 1);
}

TEST_CASE("markdown: dangerous link and image URLs come out empty") {
    const MarkdownNode doc = read_markdown(
        "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](&#106;avascript:x) "
        "<javascript:y> [d](vbscript:x) [e](file:///etc/passwd) [f](data:text/html,x) "
        "[g](< javascript:z>) ![h](javascript:i) ![ok](data:image/png;base64,AA) "
        "[fine](https://example.org/javascript:no) [rel](page.html)\n");
    const auto links = find_all(doc, MarkdownKind::link);
    REQUIRE(links.size() == 10);
    for (int i = 0; i < 8; ++i) {
        CHECK_MESSAGE(links[i]->url.empty(), links[i]->url);
    }
    CHECK(links[8]->url == "https://example.org/javascript:no");
    CHECK(links[9]->url == "page.html");
    CHECK(rv::model::plain_text(*links[0]) == "a");
    const auto images = find_all(doc, MarkdownKind::image);
    REQUIRE(images.size() == 2);
    CHECK(images[0]->url.empty());
    CHECK(images[1]->url == "data:image/png;base64,AA");
}

TEST_CASE("markdown: raw HTML is kept only in html_block and html_inline nodes") {
    const MarkdownNode doc = read_markdown(
        "<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\n"
        "Text <span style=\"color:red\">red</span> and <img src=x onerror=alert(2)>.\n");
    const auto blocks = find_all(doc, MarkdownKind::html_block);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0]->text.find("<div class=\"x\">") == 0);
    CHECK(blocks[0]->text.find("<script>alert(1)</script>") != std::string::npos);
    CHECK(blocks[0]->line == 1);
    const auto inlines = find_all(doc, MarkdownKind::html_inline);
    REQUIRE(inlines.size() == 3);
    CHECK(inlines[0]->text == "<span style=\"color:red\">");
    CHECK(inlines[1]->text == "</span>");
    CHECK(inlines[2]->text == "<img src=x onerror=alert(2)>");
    CHECK(inlines[0]->line == 5);
    CHECK(inlines[0]->column == 6);
    for (const MarkdownNode* node : all_nodes(doc)) {
        if (node->kind == MarkdownKind::html_block || node->kind == MarkdownKind::html_inline) {
            continue;
        }
        for (const std::string* field : {&node->text, &node->url, &node->title, &node->info}) {
            CHECK(field->find('<') == std::string::npos);
            CHECK(field->find("script") == std::string::npos);
            CHECK(field->find("onerror") == std::string::npos);
        }
    }
    CHECK(rv::model::plain_text(doc) == "Text red and .");
}

TEST_CASE("markdown: an HTML comment is an html_block of its own") {
    const MarkdownNode doc =
        read_markdown("Intro\n\n<!-- Author guidance:\n write two paragraphs -->\n\nBody\n");
    REQUIRE(doc.children.size() == 3);
    CHECK(doc.children[0].kind == MarkdownKind::paragraph);
    CHECK(doc.children[1].kind == MarkdownKind::html_block);
    CHECK(doc.children[1].text == "<!-- Author guidance:\n write two paragraphs -->\n");
    CHECK(doc.children[1].line == 3);
    CHECK(doc.children[2].kind == MarkdownKind::paragraph);
    CHECK(rv::model::plain_text(doc) == "IntroBody");
}

TEST_CASE("markdown: columns count characters, not bytes") {
    const MarkdownNode doc = read_markdown("æøå *x* `c` [l](u)\n\n> Blåbær **y**\n");
    const MarkdownNode& emphasis = find_first(doc, MarkdownKind::emphasis);
    CHECK(emphasis.line == 1);
    CHECK(emphasis.column == 5);
    CHECK(emphasis.children.at(0).column == 6);
    // cmark puts a code span at its content, after the backtick.
    CHECK(find_first(doc, MarkdownKind::code).column == 10);
    CHECK(find_first(doc, MarkdownKind::link).column == 13);
    const MarkdownNode& strong = find_first(doc, MarkdownKind::strong);
    CHECK(strong.line == 3);
    CHECK(strong.column == 10);
}

TEST_CASE("markdown: columns stay right far along a line of multibyte characters") {
    // Long enough that characters are counted eight bytes at a time, with two-, three- and
    // four-byte characters straddling those words.
    const MarkdownNode doc = read_markdown(
        "Blåbærsyltetøy og *jordbær* med `kode` og æææææææææ **ø** å ~~x~~ "
        "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 [lenke](u) *e*\n");
    const auto emphases = find_all(doc, MarkdownKind::emphasis);
    REQUIRE(emphases.size() == 2);
    CHECK(emphases[0]->column == 19);
    CHECK(emphases[0]->children.at(0).column == 20);
    CHECK(find_first(doc, MarkdownKind::code).column == 34);
    CHECK(find_first(doc, MarkdownKind::strong).column == 53);
    CHECK(find_first(doc, MarkdownKind::strikethrough).column == 61);
    CHECK(find_first(doc, MarkdownKind::link).column == 70);
    CHECK(emphases[1]->line == 1);
    CHECK(emphases[1]->column == 81);
}

TEST_CASE("markdown: a column left of the last one asked on a line is still right") {
    // The soft break has no position of its own and takes the emphasis's, which lies left
    // of the text before it on the same line.
    const MarkdownNode doc = read_markdown("Æ *ø\nb* c\n");
    const MarkdownNode& emphasis = find_first(doc, MarkdownKind::emphasis);
    CHECK(emphasis.column == 3);
    REQUIRE(emphasis.children.size() == 3);
    CHECK(emphasis.children[0].column == 4);
    CHECK(emphasis.children[1].kind == MarkdownKind::soft_break);
    CHECK(emphasis.children[1].line == 1);
    CHECK(emphasis.children[1].column == 3);
    CHECK(emphasis.children[2].line == 2);
    CHECK(emphasis.children[2].column == 1);
}

TEST_CASE("markdown: a tab counts as one column; CRLF with multibyte text keeps columns") {
    const MarkdownNode doc = read_markdown(
        "1. Første\n\tpunkt med *tab* og `k`\n\n> Sitat «med» *vekt*\r\n> og «mer» **sterk**\r\n"
        "\r\n| Å | Ø |\r\n|---|---|\r\n| æ | *ø* |\r\n");
    const auto emphases = find_all(doc, MarkdownKind::emphasis);
    REQUIRE(emphases.size() == 3);
    CHECK(emphases[0]->line == 2);
    CHECK(emphases[0]->column == 12);
    CHECK(find_first(doc, MarkdownKind::code).column == 22);
    CHECK(emphases[1]->line == 4);
    CHECK(emphases[1]->column == 15);
    const MarkdownNode& strong = find_first(doc, MarkdownKind::strong);
    CHECK(strong.line == 5);
    CHECK(strong.column == 12);
    const MarkdownNode& table = find_first(doc, MarkdownKind::table);
    REQUIRE(table.children.size() == 2);
    CHECK(table.children[0].header);
    CHECK_FALSE(table.children[1].header);
    CHECK(table.children[0].children.at(1).column == 6);
    CHECK(table.children[1].line == 9);
    CHECK(emphases[2]->line == 9);
    CHECK(emphases[2]->column == 7);
}

TEST_CASE("markdown: inline columns on continuation lines count the stripped indent") {
    const MarkdownNode doc = read_markdown(
        "para\n   indented *a*\n\n> quote\n>   more *b*\nlazy *c*\n\n- item\n  next *d*\n");
    const auto emphases = find_all(doc, MarkdownKind::emphasis);
    REQUIRE(emphases.size() == 4);
    CHECK(emphases[0]->line == 2);
    CHECK(emphases[0]->column == 13);
    CHECK(emphases[1]->line == 5);
    CHECK(emphases[1]->column == 10);
    CHECK(emphases[2]->line == 6);
    CHECK(emphases[2]->column == 6);
    CHECK(emphases[3]->line == 9);
    CHECK(emphases[3]->column == 8);
}

TEST_CASE("markdown: a code span over two lines does not shift later lines") {
    const MarkdownNode doc = read_markdown("a `b\nc` *d* <span\nx> *e*\n");
    const auto emphases = find_all(doc, MarkdownKind::emphasis);
    REQUIRE(emphases.size() == 2);
    CHECK(emphases[0]->line == 2);
    CHECK(emphases[0]->column == 4);
    CHECK(emphases[1]->line == 3);
    CHECK(emphases[1]->column == 4);
}

TEST_CASE("markdown: CRLF and CR line ends give the same tree as LF") {
    const std::string lf =
        "# Title\n\nSome *text*\nnext  \nline `x`\n\n- a\n- b\n\n```sh\nls\n```\n";
    std::string crlf, cr;
    for (const char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    const auto expected = shape(read_markdown(lf));
    CHECK(shape(read_markdown(crlf)) == expected);
    CHECK(shape(read_markdown(cr)) == expected);
    const MarkdownNode doc = read_markdown(crlf);
    CHECK(find_first(doc, MarkdownKind::code).line == 5);
    CHECK(find_first(doc, MarkdownKind::code_block).text == "ls\n");
    CHECK(find_first(doc, MarkdownKind::line_break).line > 0);
}

TEST_CASE("markdown: a BOM is skipped and does not shift columns") {
    const auto plain = shape(read_markdown("# Heading *x*\ntext\n"));
    const MarkdownNode doc = read_markdown("\xEF\xBB\xBF# Heading *x*\ntext\n");
    CHECK(shape(doc) == plain);
    const MarkdownNode& heading = find_first(doc, MarkdownKind::heading);
    CHECK(heading.column == 1);
    CHECK(find_first(doc, MarkdownKind::emphasis).column == 11);
    CHECK(rv::model::plain_text(heading) == "Heading x");
}

TEST_CASE("markdown: NUL bytes and invalid UTF-8 become U+FFFD without crashing") {
    static const char kInput[] = "a\0b *x*\n\xC3(\xFF \xE2\x82 *y* \xED\xA0\x80\n";
    const std::string input(kInput, sizeof(kInput) - 1);
    const MarkdownNode doc = read_markdown(input);
    check_all_text_valid(doc);
    const auto emphases = find_all(doc, MarkdownKind::emphasis);
    REQUIRE(emphases.size() == 2);
    CHECK(emphases[0]->column == 5);  // the NUL counts as one character
    CHECK(rv::model::plain_text(doc).find("a\xEF\xBF\xBD"
                                          "b") == 0);
    CHECK(emphases[1]->line == 2);
    CHECK(emphases[1]->column == 7);  // after "\xC3", "(", "\xFF", " ", "\xE2\x82", " "
}

TEST_CASE("markdown: arbitrary bytes never crash") {
    std::uint32_t state = 12345;
    static const char kChars[] = "#>-*_`[]()!<>|:\\ \t\n\r\0\xC3\xA6\xFF\xEF\xBB\xBF\"'=&;x1~^";
    const std::string alphabet(kChars, sizeof(kChars) - 1);  // keeps the NUL
    for (int round = 0; round < 200; ++round) {
        std::string input;
        const int length = 1 + static_cast<int>(state % 400);
        for (int i = 0; i < length; ++i) {
            state = state * 1664525u + 1013904223u;
            input += (state >> 24) % 3 == 0 ? static_cast<char>(state >> 8)
                                            : alphabet[(state >> 8) % alphabet.size()];
        }
        const MarkdownNode doc = read_markdown(input);
        CHECK(doc.kind == MarkdownKind::document);
        check_all_text_valid(doc);
    }
}

TEST_CASE("markdown: a nested list keeps its structure") {
    const MarkdownNode doc = read_markdown("3. one\n   - two\n     - three\n4. four\n\n   para\n");
    REQUIRE(doc.children.size() == 1);
    const MarkdownNode& outer = doc.children[0];
    CHECK(outer.kind == MarkdownKind::list);
    CHECK(outer.ordered);
    CHECK(outer.start == 3);
    CHECK_FALSE(outer.tight);
    REQUIRE(outer.children.size() == 2);
    const MarkdownNode& first = outer.children[0];
    REQUIRE(first.children.size() == 2);
    CHECK(first.children[0].kind == MarkdownKind::paragraph);
    const MarkdownNode& middle = first.children[1];
    CHECK(middle.kind == MarkdownKind::list);
    CHECK_FALSE(middle.ordered);
    CHECK(middle.tight);
    CHECK(middle.line == 2);
    CHECK(middle.column == 4);
    REQUIRE(middle.children.size() == 1);
    REQUIRE(middle.children[0].children.size() == 2);
    const MarkdownNode& inner = middle.children[0].children[1];
    CHECK(inner.kind == MarkdownKind::list);
    CHECK(inner.line == 3);
    CHECK(rv::model::plain_text(inner) == "three");
    CHECK(rv::model::plain_text(outer.children[1]) == "fourpara");
}

TEST_CASE("markdown: very deep nesting is flattened, not a stack overflow") {
    std::string quotes, items;
    for (int i = 0; i < 20000; ++i) {
        quotes += "> ";
        items += "- ";
    }
    for (const std::string& prefix : {quotes, items}) {
        const MarkdownNode doc = read_markdown(prefix + "deep *text*\n");
        CHECK(depth(doc) <= 110);
        CHECK(rv::model::plain_text(doc) == "deep text");
    }
}

TEST_CASE("markdown: code blocks, inline kinds and breaks") {
    const MarkdownNode doc = read_markdown(
        "```c++ extra\nint x;\n```\n\n    indented\n\n*e* **s** ~~d~~ `c`\\\nnext\nsoft\n\n---\n");
    const auto blocks = find_all(doc, MarkdownKind::code_block);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0]->text == "int x;\n");
    CHECK(blocks[0]->info == "c++ extra");
    CHECK(blocks[1]->text == "indented\n");
    CHECK(blocks[1]->info.empty());
    CHECK(find_first(doc, MarkdownKind::emphasis).children.at(0).text == "e");
    CHECK(find_first(doc, MarkdownKind::strong).children.at(0).text == "s");
    const MarkdownNode& strike = find_first(doc, MarkdownKind::strikethrough);
    CHECK(rv::model::plain_text(strike) == "d");
    CHECK(strike.column == 11);
    CHECK(find_first(doc, MarkdownKind::code).text == "c");
    CHECK(find_all(doc, MarkdownKind::line_break).size() == 1);
    const MarkdownNode& soft = find_first(doc, MarkdownKind::soft_break);
    CHECK(soft.line == 7);  // cmark gives breaks no position: they take the paragraph's
    CHECK(soft.column == 1);
    CHECK(find_first(doc, MarkdownKind::thematic_break).line == 11);
}

TEST_CASE("markdown: footnote references and definitions share a number") {
    const MarkdownNode doc = read_markdown(
        "[^z]: Zed note\n[^unused]: never used\n\nA[^a] B[^z] C[^a] D[^none]\n\n"
        "[^a]: First *note*\n");
    const auto refs = find_all(doc, MarkdownKind::footnote_reference);
    REQUIRE(refs.size() == 3);
    CHECK(refs[0]->text == "1");
    CHECK(refs[1]->text == "2");
    CHECK(refs[2]->text == "1");
    CHECK(refs[0]->line == 4);
    CHECK(refs[0]->column == 2);
    const auto defs = find_all(doc, MarkdownKind::footnote_definition);
    REQUIRE(defs.size() == 2);
    // Definitions come last, in the order of their first reference; unused ones are dropped.
    CHECK(&doc.children.back() == defs[1]);
    CHECK(defs[0]->text == "1");
    CHECK(rv::model::plain_text(*defs[0]) == "First note");
    CHECK(defs[1]->text == "2");
    CHECK(rv::model::plain_text(*defs[1]) == "Zed note");
    CHECK(rv::model::plain_text(doc.children[0]).find("[^none]") != std::string::npos);
}

TEST_CASE("markdown: parses overlap without a lock on Debian 12's cmark-gfm") {
    // 0.29.0.gfm.6 is the version this program's replacement of the library's character
    // table management was made for (load/cmark_threads.hpp).
    if (cmark_version() == ((0 << 24) | (29 << 16) | (0 << 8) | 6)) {
        CHECK(rv::load::parse_lock() == rv::load::ParseLock::none);
    }
}

TEST_CASE("markdown: concurrent reads give the same tree as a single read") {
    std::string input;
    for (int i = 0; i < 50; ++i) {
        input +=
            "a ~~b~~ c www.example.no d https://example.no/e\n\n| x | y |\n|---|---|\n"
            "| ~~1~~ | 2 |\n\n- [x] t\n\n";
    }
    const auto expected = shape(read_markdown(input));
    // Every extension that starts at a character of its own: strikethrough (~), autolinks
    // (w and :).
    REQUIRE(find_all(read_markdown(input), MarkdownKind::strikethrough).size() == 100);
    REQUIRE(find_all(read_markdown(input), MarkdownKind::link).size() == 100);
    std::vector<int> mismatches(6, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 15; ++i) {
                mismatches[t] += shape(read_markdown(input)) == expected ? 0 : 1;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const int count : mismatches) {
        CHECK(count == 0);
    }
}
