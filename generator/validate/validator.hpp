#pragma once
// Checks the loaded content against the report forms and the rules of the domain.
// Reads the model only; never touches files (links are checked against Content::files).
#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::validate {

// Everything: validate_shared, then validate_report for every report.
model::Diagnostics validate(const model::Content& content);

// What does not belong to one report: forms, services, reviewers' texts, theme folders.
model::Diagnostics validate_shared(const model::Content& content);

// One report: its report.json against the form and the rules, its sections (which must be
// read) and their Markdown. Reads nothing but `content`, so reports can be checked on
// several threads at once.
model::Diagnostics validate_report(const model::Content& content, const model::Service& service,
                                   const model::Report& report);

}  // namespace rv::validate
