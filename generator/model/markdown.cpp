#include "model/markdown.hpp"

namespace rv::model {

void append_plain_text(const MarkdownNode& node, std::string& out) {
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
        append_plain_text(child, out);
    }
}

std::string plain_text(const MarkdownNode& node) {
    std::string out;
    append_plain_text(node, out);
    return out;
}

bool is_table_caption(const MarkdownNode& paragraph) {
    if (paragraph.kind != MarkdownKind::paragraph) {
        return false;
    }
    const std::string text = plain_text(paragraph);
    for (const std::string word : {"Tabell", "Table"}) {
        if (text.rfind(word, 0) == 0 && text.size() > word.size()) {
            const char next = text[word.size()];
            if (next == ' ' || next == ':' || next == '.' || (next >= '0' && next <= '9')) {
                return true;
            }
        }
    }
    return false;
}

const MarkdownNode* table_caption(const std::vector<MarkdownNode>& children, std::size_t index) {
    if (index == 0 || index >= children.size() || children[index].kind != MarkdownKind::table) {
        return nullptr;
    }
    const MarkdownNode& before = children[index - 1];
    return is_table_caption(before) ? &before : nullptr;
}

}  // namespace rv::model
