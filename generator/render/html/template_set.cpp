#include "render/html/template_set.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "embedded/embedded.hpp"
#include "messages/formatting.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

namespace {

namespace mustache = kainjow::mustache;

// HTML allows no control characters but tab and line ends; content may carry them.
bool allowed(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 0x20 && byte != 0x7F) || c == '\n' || c == '\t' || c == '\r';
}

std::string without_control_characters(const std::string& text) {
    if (std::all_of(text.begin(), text.end(), allowed)) {
        return text;  // nearly always: one copy, no filtering
    }
    std::string out;
    out.reserve(text.size());
    std::copy_if(text.begin(), text.end(), std::back_inserter(out), allowed);
    return out;
}

mustache::data to_data(const nlohmann::json& value, const std::string& skip = {}) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data out{mustache::data::type::object};
            for (const auto& [key, child] : value.items()) {
                if (skip.empty() || key != skip) {
                    out.set(key, to_data(child));
                }
            }
            return out;
        }
        case nlohmann::json::value_t::array: {
            mustache::data out{mustache::data::type::list};
            for (const auto& child : value) {
                out.push_back(to_data(child));
            }
            return out;
        }
        case nlohmann::json::value_t::string:
            // An empty text is false, so that {{#x}}…{{/x}} leaves out what is not given.
            if (value.get_ref<const std::string&>().empty()) {
                return {false};
            }
            return {without_control_characters(value.get_ref<const std::string&>())};
        case nlohmann::json::value_t::boolean:
            return {value.get<bool>()};
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            return {std::to_string(value.get<long long>())};
        case nlohmann::json::value_t::number_float:
            return {messages::format_decimal(value.get<double>(), 1)};
        default:
            return {false};
    }
}

}  // namespace

namespace {

std::atomic<std::uint64_t> template_sets{0};

// Each thread keeps the templates it parsed, for the TemplateSet it last rendered with:
// parsing once per thread instead of once per page (kainjow's render is not const, so the
// parsed templates are not shared between threads).
struct ParsedTemplates {
    std::uint64_t owner = 0;
    std::map<std::string, std::unique_ptr<mustache::mustache>> pages;
};

}  // namespace

TemplateSet::TemplateSet(const Theme& theme) : theme_(theme), id_(++template_sets) {
    for (const std::string language : {"nb", "en"}) {
        nlohmann::json json = {{"lang", language}};
        json.update(labels(language));
        labels_[language] = to_data(theme_.texts.empty() ? json["t"] : with_theme_texts(json)["t"]);
    }
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& json) const {
    thread_local ParsedTemplates parsed;
    if (parsed.owner != id_) {
        parsed.owner = id_;
        parsed.pages.clear();
    }
    auto& slot = parsed.pages[name];
    if (!slot) {
        slot = std::make_unique<mustache::mustache>(source("templates/" + name + ".mustache"));
    }
    mustache::mustache& page = *slot;
    if (!page.is_valid()) {
        throw std::runtime_error("templates/" + name + ".mustache: " + page.error_message());
    }
    // The labels ("t") are the same on every page of a language: converted once.
    const std::string language = json.value("lang", std::string("nb")) == "en" ? "en" : "nb";
    const auto standard = labels_.find(language);
    const bool usual_labels = json.contains("t") && json["t"] == labels(language)["t"];
    mustache::data data = usual_labels
                              ? to_data(json, "t")
                              : to_data(theme_.texts.empty() ? json : with_theme_texts(json));
    if (usual_labels) {
        data.set("t", standard->second);
    }
    for (const std::string partial : {"head", "foot", "finder_form"}) {
        const std::string& text = source("templates/" + partial + ".mustache");
        data.set(partial, mustache::partial{[&text]() { return text; }});
    }
    std::string out = page.render(data);
    if (!page.is_valid()) {
        const std::string error = page.error_message();
        slot.reset();  // parse it again next time, with a fresh error state
        throw std::runtime_error("templates/" + name + ".mustache: " + error);
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

const std::string& TemplateSet::source(const std::string& path) const {
    const auto found = theme_.files.find(path);
    if (found == theme_.files.end()) {
        throw std::runtime_error("the theme has no " + path);
    }
    return found->second;
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
