#include "model/markdown.hpp"

namespace rv::model {

namespace {
void collect_text(const MarkdownNode& node, std::string& out) {
    switch (node.kind) {
        case MarkdownKind::text:
        case MarkdownKind::code:
            out += node.text;
            return;
        case MarkdownKind::soft_break:
        case MarkdownKind::line_break:
            out += ' ';
            return;
        case MarkdownKind::html_block:
        case MarkdownKind::html_inline:
            return;
        default:
            break;
    }
    for (const auto& child : node.children) {
        collect_text(child, out);
    }
}
}  // namespace

std::string plain_text(const MarkdownNode& node) {
    std::string out;
    collect_text(node, out);
    return out;
}

}  // namespace rv::model
