#pragma once
// The model's Markdown tree → HTML. Raw HTML is never written; links keep only safe
// destinations; headings move down `heading_shift` levels and get ids.
#include <string>
#include <string_view>

#include "model/markdown.hpp"

namespace rv::render {

struct MarkdownHtmlOptions {
    int heading_shift = 1;      // "##" in a section becomes <h3> under the section's <h2>
    std::string id_prefix;      // prefix for heading ids, e.g. the section id
    std::string table_label;    // names a table's scrolling region for screen readers
    std::string table_caption;  // the caption of a table with no "Tabell …" line above it
};

std::string markdown_to_html(const model::MarkdownNode& document,
                             const MarkdownHtmlOptions& options);

// Escapes & < > " ' for text and attribute values, and leaves out control characters
// (but tab and line feed).
std::string escape_html(const std::string& text);
void append_escaped_html(std::string& out, std::string_view text);

// "Kort fortalt – 2023" → "kort-fortalt-2023" (æ→ae, ø→o, å→a).
std::string slugify(const std::string& text);

}  // namespace rv::render
