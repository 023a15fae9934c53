#include "render/html/site_renderer.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "analyse/availability.hpp"
#include "embedded/embedded.hpp"
#include "render/html/feed.hpp"
#include "render/html/open_data.hpp"
#include "render/html/search_index.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/sitemap.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

namespace {

namespace mustache = kainjow::mustache;

// HTML allows no control characters but tab and line ends; content may carry them.
std::string without_control_characters(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 0x20 && byte != 0x7F) || c == '\n' || c == '\t' || c == '\r') {
            out += c;
        }
    }
    return out;
}

mustache::data to_data(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data out{mustache::data::type::object};
            for (const auto& [key, child] : value.items()) {
                out.set(key, to_data(child));
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
            return {format_decimal(value.get<double>(), 1)};
        default:
            return {false};
    }
}

class TemplateSet {
  public:
    explicit TemplateSet(const Theme& theme) : theme_(theme) {}

    std::string render(const std::string& name, const nlohmann::json& json) const {
        mustache::mustache page{source("templates/" + name + ".mustache")};
        if (!page.is_valid()) {
            throw std::runtime_error("templates/" + name + ".mustache: " + page.error_message());
        }
        mustache::data data = to_data(theme_.texts.empty() ? json : with_theme_texts(json));
        for (const std::string partial : {"head", "foot", "finder_form"}) {
            const std::string text = source("templates/" + partial + ".mustache");
            data.set(partial, mustache::partial{[text]() { return text; }});
        }
        std::string out = page.render(data);
        if (!page.is_valid()) {
            throw std::runtime_error("templates/" + name + ".mustache: " + page.error_message());
        }
        return out;
    }

  private:
    const Theme& theme_;

    // The page's labels ("t") with the theme's texts in the page's language.
    nlohmann::json with_theme_texts(const nlohmann::json& json) const {
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

    const std::string& source(const std::string& path) const {
        const auto found = theme_.files.find(path);
        if (found == theme_.files.end()) {
            throw std::runtime_error("the theme has no " + path);
        }
        return found->second;
    }
};

}  // namespace

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

SiteSummary render_site(const model::Content& content, const Theme& theme,
                        const std::filesystem::path& out_dir, const Downloads& downloads) {
    SiteSummary summary;
    const TemplateSet templates(theme);
    for (const auto& [path, contents] : theme.files) {
        if (path.rfind("assets/", 0) == 0) {
            write_file(out_dir / path, contents);
        }
    }
    std::vector<std::string> pages;  // every page, for the sitemap
    nlohmann::json index = index_page_data(content, downloads);
    index["overviews"] = overview_links(content);
    index["finder"] = finder_data(content, "");
    write_file(out_dir / "index.html", templates.render("index", index));
    pages.push_back("index.html");
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            const auto figures = analyse::availability(content, report);
            write_file(out_dir / report_path(service, report),
                       templates.render("report", report_page_data(content, service, report,
                                                                   figures, downloads)));
            pages.push_back(report_path(service, report));
            ++summary.report_pages;
        }
    }
    write_site_pages(content, [&](const std::string& path, const std::string& name,
                                  const nlohmann::json& data, bool listed) {
        write_file(out_dir / path, templates.render(name, data));
        if (listed) {
            pages.push_back(path);
        }
    });
    nlohmann::json search = search_page_data(content);
    search["scripts"] = {{{"src", "sokeindeks.js"}}, {{"src", "../assets/search.js"}}};
    write_file(out_dir / search_page_path, templates.render("search", search));
    pages.push_back(search_page_path);
    write_file(out_dir / search_index_path, search_index_script(content));
    write_file(out_dir / open_data_page_path,
               templates.render("opendata", open_data_page_data(content)));
    pages.push_back(open_data_page_path);
    write_open_data(content, out_dir);
    write_sitemap(content, pages, out_dir);
    write_feed(content, out_dir);
    return summary;
}

}  // namespace rv::render
