#pragma once
// The parts of a report in print, in the order of the HTML report page: the title block,
// the numbered sections (Markdown or the not_reported reason), the figures (patients per
// region with rate per 100 000 and a bar chart, activity, staff, goals, registries,
// accreditations, reference group), what is not reported, sources and the colophon.
#include <string>

#include "messages/formatting.hpp"
#include "model/content.hpp"
#include "render/pdf/block_layout.hpp"

namespace rv::pdf {

std::string ui(const std::string& key, const std::string& language,
               const std::vector<std::string>& args = {});

std::string report_language(const model::Report& report);
using messages::member_label;
using messages::region_name;

// The cover of a report: kicker, names, facts. `big`: a whole title page. A non-empty
// `anchor` marks the kicker and puts the service in the outline at level 1.
void report_title(Builder& b, const model::Content& content, const model::Service& service,
                  const model::Report& report, bool big, const std::string& anchor = "");

// Everything after the contents; anchors start with `prefix`.
void report_body(Builder& b, const model::Content& content, const model::Service& service,
                 const model::Report& report, const std::string& prefix);

void colophon(Builder& b, const std::string& language, long long date);

}  // namespace rv::pdf
