#include <cctype>
#include <filesystem>

#include "model/url.hpp"
#include "validate/checks.hpp"

namespace rv::validate {

namespace {

using model::MarkdownKind;
using model::MarkdownNode;
using model::Severity;

bool is_comment(const std::string& html) {
    const auto first = html.find_first_not_of(" \t\r\n");
    const auto last = html.find_last_not_of(" \t\r\n");
    return first != std::string::npos && html.compare(first, 4, "<!--") == 0 && last >= 2 &&
           html.compare(last - 2, 3, "-->") == 0;
}

class MarkdownChecker {
  public:
    MarkdownChecker(const model::Content& content, const model::Report& report,
                    const model::Section& section, model::Diagnostics& out)
        : content_(content), report_(report), section_(section), out_(out) {}

    void run() { visit(section_.document); }

  private:
    const model::Content& content_;
    const model::Report& report_;
    const model::Section& section_;
    model::Diagnostics& out_;
    int previous_heading_ = 1;  // the section title stands in for level 1

    model::SourceLocation at(const MarkdownNode& node) const {
        return {section_.file, node.line, node.column};
    }

    void visit(const MarkdownNode& node) {
        switch (node.kind) {
            case MarkdownKind::heading:
                heading(node);
                break;
            case MarkdownKind::image:
                if (plain_text(node).find_first_not_of(" \t") == std::string::npos) {
                    out_.push_back({"RV050", Severity::error, at(node), {node.url}});
                }
                local_target(node);
                if (const model::Image* image =
                        model::find_image(report_.images, content_.root, section_.file, node.url);
                    image && !image->problem.empty()) {
                    out_.push_back(
                        {"RV057", Severity::error, at(node), {node.url, "@" + image->problem}});
                }
                break;
            case MarkdownKind::link:
                local_target(node);
                break;
            case MarkdownKind::html_block:
            case MarkdownKind::html_inline:
                if (!is_comment(node.text)) {
                    out_.push_back({"RV054", Severity::warning, at(node), {}});
                }
                break;
            default:
                break;
        }
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            const MarkdownNode& child = node.children[i];
            if (child.kind == MarkdownKind::table && !model::table_caption(node.children, i)) {
                out_.push_back({"RV058", Severity::warning, at(child), {}});
            }
            visit(child);
        }
    }

    void heading(const MarkdownNode& node) {
        if (node.level == 1) {
            out_.push_back({"RV051", Severity::error, at(node), {model::plain_text(node)}});
        } else if (node.level > previous_heading_ + 1) {
            out_.push_back({"RV052",
                            Severity::error,
                            at(node),
                            {std::to_string(node.level), std::to_string(previous_heading_)}});
        }
        previous_heading_ = node.level;
    }

    // A link or image to a file beside the report must name a file that exists.
    void local_target(const MarkdownNode& node) {
        if (node.url.empty()) {
            out_.push_back({"RV055", Severity::warning, at(node), {model::plain_text(node)}});
            return;
        }
        if (model::has_url_scheme(node.url) || node.url.front() == '#' ||
            node.url.rfind("//", 0) == 0) {
            return;
        }
        std::string target = node.url.substr(0, node.url.find_first_of("?#"));
        if (target.empty()) {
            return;
        }
        namespace fs = std::filesystem;
        const fs::path section_dir = fs::path(section_.file).parent_path();
        const fs::path resolved =
            (section_dir / model::percent_decode(target))
                .lexically_normal()
                .lexically_relative(fs::path(content_.root).lexically_normal());
        const std::string relative = resolved.generic_string();
        if (relative.empty() || relative.rfind("..", 0) == 0 || target.front() == '/') {
            out_.push_back({"RV056", Severity::error, at(node), {node.url}});
        } else if (!content_.files.contains(relative) || model::is_source_file(relative)) {
            out_.push_back({"RV053", Severity::error, at(node), {node.url}});
        }
    }
};

}  // namespace

void check_markdown(const model::Content& content, const model::Report& report,
                    const model::Section& section, model::Diagnostics& out) {
    MarkdownChecker(content, report, section, out).run();
}

}  // namespace rv::validate
