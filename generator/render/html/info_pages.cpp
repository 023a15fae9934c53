// The accessibility statement and the 404 page: text from the catalogue, no figures.
#include <string>

#include "messages/catalog.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/site_url.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

}  // namespace

json accessibility_statement_data(const model::Content& content) {
    const std::string language = "nb";
    json data = page_frame(content, "../", messages::text("ui.a11y_title", language), language);
    data["intro"] = messages::text("ui.a11y_intro", language, {content.site.title.in(language)});
    const std::string publisher = content.site.publisher.in(language);
    data["feedback"] = messages::text(
        "ui.a11y_feedback", language,
        {publisher.empty() ? messages::text("ui.a11y_publisher_unknown", language) : publisher});
    return data;
}

std::string site_path(const std::string& base_url) {
    const auto scheme = base_url.find("://");
    const auto slash = base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    std::string path = slash == std::string::npos ? "/" : base_url.substr(slash);
    if (path.empty() || path.back() != '/') {
        path += '/';
    }
    return path;
}

// The 404 page is served at any missing address, however deep: its links and stylesheet
// start at the site's path on the server (from base_url), not at the page's own folder.
json not_found_page_data(const model::Content& content) {
    const std::string language = "nb";
    return page_frame(content, site_path(content.site.base_url),
                      messages::text("ui.not_found_title", language), language);
}

}  // namespace rv::render
