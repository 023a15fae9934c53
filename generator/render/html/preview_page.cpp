#include "render/html/preview_page.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "messages/catalog.hpp"
#include "render/html/mustache.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

std::string render(const Theme& theme, const std::string& path, const json& data) {
    const auto found = theme.files.find(path);
    if (found == theme.files.end()) {
        throw std::runtime_error("the theme has no " + path);
    }
    const MustacheTemplate page(found->second);
    if (!page.valid()) {
        throw std::runtime_error(path + ": " + page.error());
    }
    std::string out;
    const json* contexts[] = {&data};
    page.render(contexts, {}, out);
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
    json items = json::array();
    for (const auto& d : diagnostics) {
        const bool warning = d.severity == model::Severity::warning;
        (warning ? warnings : errors) += 1;
        items.push_back({{"kind", warning ? "warning" : "error"},
                         {"where", where(d.at)},
                         {"severity", messages::severity_word(d.severity, language)},
                         {"code", d.code},
                         {"text", messages::text(d.code, language, d.args)}});
    }
    std::string counts;
    if (errors > 0) {
        counts = messages::counted("count.errors", errors, language);
    }
    if (warnings > 0) {
        counts +=
            (counts.empty() ? "" : ", ") + messages::counted("count.warnings", warnings, language);
    }
    json data = json::object();
    data["lang"] = language == "en" ? "en" : "nb";  // the page around it may differ
    data["title"] = messages::text("serve.panel_title", language);
    if (!counts.empty()) {
        data["summary"] = messages::text("serve.panel_summary", language, {counts});
    }
    if (kept_last_site) {
        data["blocked"] = messages::text("serve.panel_kept", language);
    }
    if (!failure.empty()) {
        data["failure"] = failure;
    }
    data["errors"] = errors > 0 || !failure.empty();
    data["close"] = messages::text("serve.panel_close", language);
    data["items"] = items;
    return render(theme, "preview/messages.mustache", data);
}

std::string preview_snippet(const Theme& theme, const std::string& panel_html,
                            long long generation) {
    json data = json::object();
    data["panel"] = panel_html;
    data["generation"] = std::to_string(generation);
    return render(theme, "preview/inject.mustache", data);
}

std::string preview_empty_page(const Theme& theme, const std::string& language) {
    json data = json::object();
    data["lang"] = language == "en" ? "en" : "nb";
    data["title"] = messages::text("serve.empty_title", language);
    data["text"] = messages::text("serve.empty_text", language);
    return render(theme, "preview/empty.mustache", data);
}

}  // namespace rv::render
