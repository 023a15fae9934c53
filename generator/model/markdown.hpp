#pragma once
// A Markdown document as plain data: the tree cmark-gfm parsed, without cmark.
// Both the HTML renderer and the PDF layout read this one tree.
#include <string>
#include <vector>

namespace rv::model {

enum class MarkdownKind {
    document,
    paragraph,
    heading,  // level
    block_quote,
    list,        // ordered, start, tight
    item,        // task: -1 no checkbox, 0 unchecked, 1 checked
    code_block,  // text, info
    thematic_break,
    table,       // children are table_row; the first row has header = true
    table_row,   // header
    table_cell,  // align: 0 none, 'l', 'c', 'r'
    html_block,  // text; never shown on a page
    text,        // text
    soft_break,
    line_break,
    code,  // text
    emphasis,
    strong,
    strikethrough,
    link,         // url, title
    image,        // url, title; children are the alt text
    html_inline,  // text; never shown on a page
    footnote_reference,
    footnote_definition,
};

struct MarkdownNode {
    MarkdownKind kind = MarkdownKind::document;
    std::string text;   // literal text (text, code, code_block, html)
    std::string url;    // link and image destination
    std::string title;  // link and image title
    std::string info;   // code block info string
    int level = 0;      // heading level
    bool ordered = false;
    bool tight = false;
    bool header = false;
    int start = 1;
    int task = -1;
    char align = 0;
    int line = 0;    // 1-based start line in the section file
    int column = 0;  // 1-based start column (characters)
    std::vector<MarkdownNode> children;
};

// The plain text of a node and its descendants (used for alt text, titles, word counts).
std::string plain_text(const MarkdownNode& node);
// The same, appended to `out`.
void append_plain_text(const MarkdownNode& node, std::string& out);

// A table's title in Markdown: the paragraph right above it, when it starts with "Tabell"
// or "Table" and then a space, a colon or a number ("Tabell 2: Operasjoner per år").
// Print and web show it as the table's caption; a table without one gets RV058.
bool is_table_caption(const MarkdownNode& paragraph);

// The caption paragraph of the table at `children[index]`, or null.
const MarkdownNode* table_caption(const std::vector<MarkdownNode>& children, std::size_t index);

}  // namespace rv::model
