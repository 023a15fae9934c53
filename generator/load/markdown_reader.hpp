#pragma once
// Markdown text → the plain model tree, through cmark-gfm (table, strikethrough,
// autolink, tagfilter, tasklist). Never passes raw HTML through: it is kept as
// html_block / html_inline nodes that no renderer shows.
#include <string_view>

#include "model/markdown.hpp"

namespace rv::load {

// Parses `text` (UTF-8). Never fails: any text is some Markdown document.
// Lines and columns of nodes are 1-based; columns count characters, not bytes.
model::MarkdownNode read_markdown(std::string_view text);

}  // namespace rv::load
