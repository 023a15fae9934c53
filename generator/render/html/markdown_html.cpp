#include "render/html/markdown_html.hpp"

#include <algorithm>
#include <set>

#include "render/html/html_escape.hpp"

namespace rv::render {

namespace {

using model::MarkdownKind;
using model::MarkdownNode;

bool safe_url(const std::string& url) {
    const auto colon = url.find(':');
    const auto slash = url.find('/');
    if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) {
        return true;  // relative
    }
    const std::string scheme = url.substr(0, colon);
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

class HtmlWriter {
  public:
    explicit HtmlWriter(const MarkdownHtmlOptions& options) : options_(options) {}

    std::string run(const MarkdownNode& document) {
        children(document);
        return std::move(out_);
    }

  private:
    const MarkdownHtmlOptions& options_;
    std::string out_;
    std::set<std::string> ids_;
    bool in_tight_list_ = false;

    void children(const MarkdownNode& node) {
        const auto& nodes = node.children;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i + 1 < nodes.size() && model::table_caption(nodes, i + 1) == &nodes[i]) {
                continue;  // a table's title: written as its caption
            }
            if (nodes[i].kind == MarkdownKind::table) {
                table(nodes[i], model::table_caption(nodes, i));
            } else {
                write(nodes[i]);
            }
        }
    }

    void wrap(const char* tag, const MarkdownNode& node) {
        out_ += '<';
        out_ += tag;
        out_ += '>';
        children(node);
        out_ += "</";
        out_ += tag;
        out_ += '>';
    }

    std::string unique_id(const std::string& text) {
        std::string base =
            options_.id_prefix.empty() ? slugify(text) : options_.id_prefix + "-" + slugify(text);
        std::string id = base;
        for (int n = 2; ids_.contains(id); ++n) {
            id = base + "-" + std::to_string(n);
        }
        ids_.insert(id);
        return id;
    }

    void write(const MarkdownNode& node) {
        switch (node.kind) {
            case MarkdownKind::document:
                children(node);
                break;
            case MarkdownKind::paragraph:
                if (in_tight_list_) {
                    children(node);
                } else {
                    wrap("p", node);
                    out_ += '\n';
                }
                break;
            case MarkdownKind::heading: {
                const int level = std::min(6, std::max(1, node.level + options_.heading_shift));
                const std::string tag = "h" + std::to_string(level);
                out_ += "<" + tag + " id=\"" + unique_id(model::plain_text(node)) + "\">";
                children(node);
                out_ += "</" + tag + ">\n";
                break;
            }
            case MarkdownKind::block_quote:
                out_ += "<blockquote>\n";
                children(node);
                out_ += "</blockquote>\n";
                break;
            case MarkdownKind::list: {
                const bool was_tight = in_tight_list_;
                in_tight_list_ = node.tight;
                if (node.ordered) {
                    out_ += node.start != 1 ? "<ol start=\"" + std::to_string(node.start) + "\">\n"
                                            : "<ol>\n";
                } else {
                    out_ += "<ul>\n";
                }
                children(node);
                out_ += node.ordered ? "</ol>\n" : "</ul>\n";
                in_tight_list_ = was_tight;
                break;
            }
            case MarkdownKind::item:
                out_ += "<li>";
                if (node.task >= 0) {
                    out_ += node.task == 1 ? "<span class=\"task task-done\">☑</span> "
                                           : "<span class=\"task\">☐</span> ";
                }
                children(node);
                out_ += "</li>\n";
                break;
            case MarkdownKind::code_block:
                out_ += "<pre><code>" + escape_html(node.text) + "</code></pre>\n";
                break;
            case MarkdownKind::thematic_break:
                out_ += "<hr>\n";
                break;
            case MarkdownKind::table:
                table(node, nullptr);
                break;
            case MarkdownKind::text:
                append_escaped_html(out_, node.text);
                break;
            case MarkdownKind::soft_break:
                out_ += '\n';
                break;
            case MarkdownKind::line_break:
                out_ += "<br>\n";
                break;
            case MarkdownKind::code:
                out_ += "<code>";
                append_escaped_html(out_, node.text);
                out_ += "</code>";
                break;
            case MarkdownKind::emphasis:
                wrap("em", node);
                break;
            case MarkdownKind::strong:
                wrap("strong", node);
                break;
            case MarkdownKind::strikethrough:
                wrap("del", node);
                break;
            case MarkdownKind::link:
                if (node.url.empty() || !safe_url(node.url)) {
                    children(node);  // the text stays, the unsafe destination goes
                } else {
                    out_ += "<a href=\"" + escape_html(node.url) + "\"";
                    if (node.url.rfind("http://", 0) == 0 || node.url.rfind("https://", 0) == 0) {
                        out_ += " rel=\"noopener noreferrer external\"";  // another site
                    }
                    if (!node.title.empty()) {
                        out_ += " title=\"" + escape_html(node.title) + "\"";
                    }
                    out_ += ">";
                    children(node);
                    out_ += "</a>";
                }
                break;
            case MarkdownKind::image:
                if (!node.url.empty() && safe_url(node.url)) {
                    out_ += "<img src=\"" + escape_html(node.url) + "\" alt=\"" +
                            escape_html(model::plain_text(node)) + "\">";
                }
                break;
            case MarkdownKind::html_block:
            case MarkdownKind::html_inline:
            case MarkdownKind::footnote_reference:
            case MarkdownKind::footnote_definition:
                break;  // raw HTML is never shown; footnotes are not part of the contract yet
            case MarkdownKind::table_row:
            case MarkdownKind::table_cell:
                children(node);
                break;
        }
    }

    // `caption`: the paragraph above that titles the table; without one the caption says
    // which section the table is in, so that every table has one.
    void table(const MarkdownNode& node, const MarkdownNode* caption) {
        // The wrapper scrolls on narrow screens: keyboard users must be able to reach it.
        out_ += "<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"" +
                escape_html(options_.table_label) + "\"><table class=\"ds-table\" data-border>\n";
        out_ += "<caption>";
        if (caption) {
            children(*caption);
        } else {
            out_ += escape_html(options_.table_caption);
        }
        out_ += "</caption>\n";
        bool body_open = false;
        for (const auto& row : node.children) {
            if (row.header) {
                out_ += "<thead>\n";
            } else if (!body_open) {
                out_ += "<tbody>\n";
                body_open = true;
            }
            out_ += "<tr>";
            for (const auto& cell : row.children) {
                const char* tag = row.header ? "th" : "td";
                out_ += "<";
                out_ += tag;
                if (row.header) {
                    out_ += " scope=\"col\"";
                }
                if (cell.align == 'c') {
                    out_ += " class=\"align-center\"";
                } else if (cell.align == 'r') {
                    out_ += " class=\"align-right\"";
                }
                out_ += ">";
                children(cell);
                out_ += "</";
                out_ += tag;
                out_ += ">";
            }
            out_ += "</tr>\n";
            if (row.header) {
                out_ += "</thead>\n";
            }
        }
        if (body_open) {
            out_ += "</tbody>\n";
        }
        out_ += "</table></section>\n";
    }
};

}  // namespace

std::string markdown_to_html(const model::MarkdownNode& document,
                             const MarkdownHtmlOptions& options) {
    return HtmlWriter(options).run(document);
}

void append_escaped_html(std::string& out, std::string_view text) {
    append_escaped(out, text, page_text);
}

std::string escape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    append_escaped_html(out, text);
    return out;
}

std::string slugify(const std::string& text) {
    std::string out;
    bool hyphen = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::string piece;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            piece = static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            piece = static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[++i]);
            if (next == 0xA6 || next == 0x86)
                piece = "ae";  // æ Æ
            else if (next == 0xB8 || next == 0x98)
                piece = "o";  // ø Ø
            else if (next == 0xA5 || next == 0x85)
                piece = "a";  // å Å
            else if (next == 0xA9 || next == 0x89)
                piece = "e";  // é É
        }
        if (piece.empty()) {
            hyphen = !out.empty();
            continue;
        }
        if (hyphen) {
            out += '-';
            hyphen = false;
        }
        out += piece;
    }
    return out.empty() ? "seksjon" : out;
}

}  // namespace rv::render
