#pragma once
// Checks the loaded content against the report forms and the rules of the domain.
// Reads the model only; never touches files (links are checked against Content::files).
#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::validate {

model::Diagnostics validate(const model::Content& content);

}  // namespace rv::validate
