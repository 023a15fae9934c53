#pragma once
// The data each page template receives, built from the model and the analysis.
// Numbers are formatted here, the Norwegian way (3 076 276; 1,3).
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "analyse/availability.hpp"
#include "messages/formatting.hpp"
#include "model/content.hpp"

namespace rv::render {

// Every ui.* and type.* text of the catalogue, as {"t": {"contents": "Innhold", …}}. The
// TemplateSet gives them to every page; a page's data leaves them out.
const nlohmann::json& labels(const std::string& language);

// The site's title and example notice in `language`, as every page's "site".
nlohmann::json site_data(const model::Content& content, const std::string& language);

// The data every plain page starts from: language, the way to the site root, the
// site, and a title shown as the page's h1 and in its <title>.
nlohmann::json page_frame(const model::Content& content, const std::string& root,
                          const std::string& title, const std::string& language);

// Files offered for download by site-relative path, with their size in bytes.
using DownloadSizes = std::map<std::string, std::uintmax_t>;

nlohmann::json report_page_data(const model::Content& content, const model::Service& service,
                                const model::Report& report,
                                const analyse::Availability& availability,
                                const DownloadSizes& downloads = {});

nlohmann::json index_page_data(const model::Content& content, const DownloadSizes& downloads = {});

using messages::format_size;

// The path of a report page relative to the site root: "<slug>/<year>/index.html".
std::string report_path(const model::Service& service, const model::Report& report);

using messages::format_count;
using messages::format_decimal;

}  // namespace rv::render
