#pragma once
// The data each page template receives, built from the model and the analysis.
// Numbers are formatted here, the Norwegian way (3 076 276; 1,3).
#include <string>

#include <nlohmann/json.hpp>

#include "analyse/availability.hpp"
#include "model/content.hpp"

namespace rv::render {

// Every ui.* and type.* text of the catalogue, as {"t": {"contents": "Innhold", …}}.
nlohmann::json labels(const std::string& language);

nlohmann::json report_page_data(const model::Content& content, const model::Service& service,
                                const model::Report& report,
                                const analyse::Availability& availability);

nlohmann::json index_page_data(const model::Content& content);

// The path of a report page relative to the site root: "<slug>/<year>/index.html".
std::string report_path(const model::Service& service, const model::Report& report);

std::string format_count(double value);
std::string format_decimal(double value, int decimals);

}  // namespace rv::render
