#include "render/html/preview_page.hpp"

#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "messages/catalog.hpp"

namespace rv::render {

namespace {

namespace mustache = kainjow::mustache;

std::string render(const Theme& theme, const std::string& path, const mustache::data& data) {
    const auto found = theme.files.find(path);
    if (found == theme.files.end()) {
        throw std::runtime_error("the theme has no " + path);
    }
    mustache::mustache page{found->second};
    std::string out = page.is_valid() ? page.render(data) : std::string();
    if (!page.is_valid()) {
        throw std::runtime_error(path + ": " + page.error_message());
    }
    return out;
}

// "path:line:col", as `check` prints it.
std::string where(const model::SourceLocation& at) {
    std::string out = at.file;
    if (at.line > 0) {
        out += ':' + std::to_string(at.line);
        if (at.column > 0) {
            out += ':' + std::to_string(at.column);
        }
    }
    return out;
}

}  // namespace

std::string preview_messages_html(const Theme& theme, const model::Diagnostics& diagnostics,
                                  bool kept_last_site, const std::string& language,
                                  const std::string& failure) {
    if (diagnostics.empty() && failure.empty()) {
        return {};
    }
    long long errors = 0;
    long long warnings = 0;
    mustache::data items{mustache::data::type::list};
    for (const auto& d : diagnostics) {
        const bool warning = d.severity == model::Severity::warning;
        (warning ? warnings : errors) += 1;
        mustache::data item;
        item.set("kind", warning ? "warning" : "error");
        item.set("where", where(d.at));
        item.set("severity", messages::severity_word(d.severity, language));
        item.set("code", d.code);
        item.set("text", messages::text(d.code, language, d.args));
        items.push_back(item);
    }
    std::string counts;
    if (errors > 0) {
        counts = messages::counted("count.errors", errors, language);
    }
    if (warnings > 0) {
        counts +=
            (counts.empty() ? "" : ", ") + messages::counted("count.warnings", warnings, language);
    }
    mustache::data data;
    data.set("lang", language == "en" ? "en" : "nb");  // the page around it may differ
    data.set("title", messages::text("serve.panel_title", language));
    if (!counts.empty()) {
        data.set("summary", messages::text("serve.panel_summary", language, {counts}));
    }
    if (kept_last_site) {
        data.set("blocked", messages::text("serve.panel_kept", language));
    }
    if (!failure.empty()) {
        data.set("failure", failure);
    }
    data.set("errors", errors > 0 || !failure.empty());
    data.set("close", messages::text("serve.panel_close", language));
    data.set("items", items);
    return render(theme, "preview/messages.mustache", data);
}

std::string preview_snippet(const Theme& theme, const std::string& panel_html,
                            long long generation) {
    mustache::data data;
    data.set("panel", panel_html);
    data.set("generation", std::to_string(generation));
    return render(theme, "preview/inject.mustache", data);
}

std::string preview_empty_page(const Theme& theme, const std::string& language) {
    mustache::data data;
    data.set("lang", language == "en" ? "en" : "nb");
    data.set("title", messages::text("serve.empty_title", language));
    data.set("text", messages::text("serve.empty_text", language));
    return render(theme, "preview/empty.mustache", data);
}

}  // namespace rv::render
