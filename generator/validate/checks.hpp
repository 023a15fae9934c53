#pragma once
// The checks of one report and of one Markdown section (internal to validate/).
#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::validate {

void check_report(const model::Content& content, const model::Service& service,
                  const model::Report& report, model::Diagnostics& out);

void check_markdown(const model::Content& content, const model::Report& report,
                    const model::Section& section, model::Diagnostics& out);

// Whether a region id is known; reports RV040 with a suggestion when it is not.
void check_region(const model::Content& content, const std::string& region,
                  const model::SourceLocation& at, model::Diagnostics& out);

// The texts of theme folders' messages.json name page texts of the catalogue (RV091).
void check_themes(const model::Content& content, model::Diagnostics& out);

}  // namespace rv::validate
