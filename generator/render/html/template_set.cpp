#include "render/html/template_set.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>

#include "embedded/embedded.hpp"
#include "messages/formatting.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

TemplateSet::TemplateSet(const Theme& theme) : theme_(theme) {
    for (const auto& [path, text] : theme_.files) {
        constexpr std::string_view folder = "templates/";
        constexpr std::string_view extension = ".mustache";
        const std::string_view name(path);
        if (name.starts_with(folder) && name.ends_with(extension) &&
            name.find('/', folder.size()) == std::string_view::npos) {
            const std::string page(
                name.substr(folder.size(), name.size() - folder.size() - extension.size()));
            pages_.emplace(page, MustacheTemplate(text));
        }
    }
    for (const std::string partial : {"head", "foot", "finder_form"}) {
        if (const auto found = pages_.find(partial); found != pages_.end()) {
            partials_.emplace(partial, found->second);
        }
    }
    for (const std::string language : {"nb", "en"}) {
        nlohmann::json json = {{"lang", language}};
        json.update(labels(language));
        labels_[language] = theme_.texts.empty() ? json : with_theme_texts(json);
        labels_[language].erase("lang");
    }
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& json) const {
    const auto found = pages_.find(name);
    if (found == pages_.end()) {
        throw std::runtime_error("the theme has no templates/" + name + ".mustache");
    }
    const MustacheTemplate& page = found->second;
    if (!page.valid()) {
        throw std::runtime_error("templates/" + name + ".mustache: " + page.error());
    }
    std::string out;
    out.reserve(16 * 1024);
    try {
        if (json.contains("t")) {  // a page with labels of its own
            if (theme_.texts.empty()) {
                const nlohmann::json* contexts[] = {&json};
                page.render(contexts, partials_, out);
            } else {
                const nlohmann::json page_data = with_theme_texts(json);
                const nlohmann::json* contexts[] = {&page_data};
                page.render(contexts, partials_, out);
            }
        } else {
            // The labels ("t", with the theme's texts) are the same on every page of a
            // language: the context under the page's own data.
            const std::string& language =
                json.value("lang", std::string("nb")) == "en" ? "en" : "nb";
            const nlohmann::json* contexts[] = {&labels_.at(language), &json};
            page.render(contexts, partials_, out);
        }
    } catch (const std::runtime_error& error) {
        throw std::runtime_error("templates/" + name + ".mustache: " + error.what());
    }
    return out;
}

// The page's labels ("t") with the theme's texts in the page's language.
nlohmann::json TemplateSet::with_theme_texts(const nlohmann::json& json) const {
    nlohmann::json out = json;
    const std::string language = json.value("lang", std::string("nb"));
    if (out.contains("t") && out["t"].is_object()) {
        for (const auto& [key, text] : theme_.texts) {
            const std::string& value = text.in(language);
            if (!value.empty()) {
                out["t"][key.substr(3)] = value;
            }
        }
    }
    return out;
}

Theme Theme::embedded_default() {
    Theme theme;
    for (const auto* files : {&embedded::default_theme(), &embedded::default_theme_vendor()}) {
        for (const auto& file : *files) {
            theme.files.emplace(std::string(file.path), std::string(file.contents));
        }
    }
    return theme;
}

Theme Theme::for_content(const model::Content& content) {
    Theme theme = embedded_default();
    for (const auto& layer : content.themes) {
        for (const auto& [path, contents] : layer.files) {
            theme.files[path] = contents;
        }
        for (const auto& [key, text] : layer.texts) {
            theme.texts[key] = text;
        }
    }
    return theme;
}

}  // namespace rv::render
