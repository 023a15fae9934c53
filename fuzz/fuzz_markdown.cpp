// Fuzz target: Markdown text → model tree (load/markdown_reader, through cmark-gfm) → the
// HTML of a report section (render/html/markdown_html). Besides the sanitizers, it checks
// that no input puts markup of its own on the page: raw HTML is never written, so the
// HTML has no script, style, iframe or event attribute, and no javascript: or data: link.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "load/markdown_reader.hpp"
#include "render/html/markdown_html.hpp"

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Every '<' in the HTML starts a tag the renderer wrote (text is escaped); reads each tag
// and its attributes (values are quoted, with '"' escaped) and stops on anything active.
void check_tags(const std::string& html) {
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        ++i;
        std::string name;
        while (i < html.size() && html[i] != ' ' && html[i] != '>') {
            name += html[i++];
        }
        if (name == "script" || name == "style" || name == "iframe" || name == "object" ||
            name == "embed" || name == "form" || name == "base" || name == "meta" ||
            name == "link") {
            std::abort();
        }
        while (i < html.size() && html[i] != '>') {
            if (html[i] == ' ') {
                ++i;
                continue;
            }
            std::string attribute;
            while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>') {
                attribute += html[i++];
            }
            std::string value;
            if (i + 1 < html.size() && html[i] == '=' && html[i + 1] == '"') {
                const auto end = html.find('"', i + 2);
                if (end == std::string::npos) {
                    std::abort();
                }
                value = html.substr(i + 2, end - i - 2);
                i = end + 1;
            } else if (i < html.size() && html[i] == '=') {
                std::abort();  // unquoted attribute value
            }
            if (attribute.rfind("on", 0) == 0 || attribute == "style" || attribute == "srcdoc") {
                std::abort();
            }
            if (attribute == "href" || attribute == "src") {
                value.erase(0, value.find_first_not_of(" \t\n"));
                for (const char* scheme : {"javascript:", "data:", "vbscript:", "file:"}) {
                    if (value.rfind(scheme, 0) == 0) {
                        std::abort();
                    }
                }
            }
        }
    }
}

// Walks the tree (bounded by the reader's depth limit) and checks every position.
void check_positions(const rv::model::MarkdownNode& node, int depth) {
    if (depth > 200 || node.line < 0 || node.column < 0) {
        std::abort();
    }
    for (const auto& child : node.children) {
        check_positions(child, depth + 1);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rv::model::MarkdownNode document = rv::load::read_markdown(text);
    check_positions(document, 0);
    rv::render::MarkdownHtmlOptions options;
    options.id_prefix = "seksjon";
    options.table_label = "tabell";
    check_tags(lower(rv::render::markdown_to_html(document, options)));
    return 0;
}
