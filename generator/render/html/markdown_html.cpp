#include "render/html/markdown_html.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <tuple>

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

// The slug's piece for one letter or digit at `text[i]` (æ → "ae"), or "" for any other
// character; `i` moves past a two-byte letter.
std::string_view slug_piece(std::string_view text, std::size_t& i) {
    static constexpr std::string_view lower = "abcdefghijklmnopqrstuvwxyz";
    static constexpr std::string_view digits = "0123456789";
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') {
        return lower.substr(c - 'a', 1);
    }
    if (c >= 'A' && c <= 'Z') {
        return lower.substr(c - 'A', 1);
    }
    if (c >= '0' && c <= '9') {
        return digits.substr(c - '0', 1);
    }
    if (c != 0xC3 || i + 1 >= text.size()) {
        return {};
    }
    switch (static_cast<unsigned char>(text[++i])) {
        case 0xA6:
        case 0x86:
            return "ae";  // æ Æ
        case 0xB8:
        case 0x98:
            return "o";  // ø Ø
        case 0xA5:
        case 0x85:
            return "a";  // å Å
        case 0xA9:
        case 0x89:
            return "e";  // é É
        default:
            return {};
    }
}

// Appends slugify(text) to `out`, which may already hold a prefix: a heading's id is built
// in one string, without a temporary per character.
void append_slug(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    bool hyphen = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view piece = slug_piece(text, i);
        if (piece.empty()) {
            hyphen = out.size() > start;
            continue;
        }
        if (hyphen) {
            out += '-';
            hyphen = false;
        }
        out += piece;
    }
    if (out.size() == start) {
        out += "seksjon";
    }
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

    // Appends the heading's id: its slug, made unique on the page with "-2", "-3", …
    void append_unique_id(const MarkdownNode& heading) {
        std::string base = options_.id_prefix;
        if (!base.empty()) {
            base += '-';
        }
        append_slug(base, model::plain_text(heading));
        auto [at, fresh] = ids_.insert(base);
        for (int n = 2; !fresh; ++n) {
            std::tie(at, fresh) = ids_.insert(base + "-" + std::to_string(n));
        }
        out_ += *at;
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
                const char digit = static_cast<char>('0' + level);
                out_ += "<h";
                out_ += digit;
                out_ += " id=\"";
                append_unique_id(node);
                out_ += "\">";
                children(node);
                out_ += "</h";
                out_ += digit;
                out_ += ">\n";
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
                    if (node.start != 1) {
                        out_ += "<ol start=\"";
                        out_ += std::to_string(node.start);
                        out_ += "\">\n";
                    } else {
                        out_ += "<ol>\n";
                    }
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
                out_ += "<pre><code>";
                append_escaped_html(out_, node.text);
                out_ += "</code></pre>\n";
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
                    out_ += "<a href=\"";
                    append_escaped_html(out_, node.url);
                    out_ += '"';
                    if (node.url.rfind("http://", 0) == 0 || node.url.rfind("https://", 0) == 0) {
                        out_ += " rel=\"noopener noreferrer external\"";  // another site
                    }
                    if (!node.title.empty()) {
                        out_ += " title=\"";
                        append_escaped_html(out_, node.title);
                        out_ += '"';
                    }
                    out_ += ">";
                    children(node);
                    out_ += "</a>";
                }
                break;
            case MarkdownKind::image:
                if (!node.url.empty() && safe_url(node.url)) {
                    out_ += "<img src=\"";
                    append_escaped_html(out_, node.url);
                    out_ += "\" alt=\"";
                    append_escaped_html(out_, model::plain_text(node));
                    out_ += "\">";
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
        out_ += "<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"";
        append_escaped_html(out_, options_.table_label);
        out_ += "\"><table class=\"ds-table\" data-border>\n";
        out_ += "<caption>";
        if (caption) {
            children(*caption);
        } else {
            append_escaped_html(out_, options_.table_caption);
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
    append_slug(out, text);
    return out;
}

}  // namespace rv::render
