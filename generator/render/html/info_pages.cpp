// The accessibility statement and the 404 page: text from the catalogue, no figures.
#include <string>

#include "messages/catalog.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

json info_page(const model::Content& content, const std::string& root, const std::string& title,
               const std::string& language) {
    json data = labels(language);
    data["lang"] = language;
    data["root"] = root;
    data["site"] = site_data(content, language);
    data["page_title"] = title + " – " + content.site.title.in(language);
    data["title"] = title;
    return data;
}

}  // namespace

json accessibility_statement_data(const model::Content& content) {
    const std::string language = "nb";
    json data = info_page(content, "../", messages::text("ui.a11y_title", language), language);
    data["intro"] = messages::text("ui.a11y_intro", language, {content.site.title.in(language)});
    const std::string publisher = content.site.publisher.in(language);
    data["feedback"] = messages::text(
        "ui.a11y_feedback", language,
        {publisher.empty() ? messages::text("ui.a11y_publisher_unknown", language) : publisher});
    return data;
}

// The 404 page is served at any missing address, so its links only hold from the site
// root; the page says where home is in words as well.
json not_found_page_data(const model::Content& content) {
    const std::string language = "nb";
    return info_page(content, "", messages::text("ui.not_found_title", language), language);
}

}  // namespace rv::render
