#pragma once
// Prints diagnostics for people (one line each, then a count) or for machines (JSON).
#include <ostream>
#include <string>

#include "model/diagnostic.hpp"

namespace rv::cli {

struct Counts {
    int errors = 0;
    int warnings = 0;
};

// Orders diagnostics by file, line and column so output is stable.
void sort_diagnostics(model::Diagnostics& diagnostics);

Counts count(const model::Diagnostics& diagnostics, bool strict);

void print_text(std::ostream& out, const model::Diagnostics& diagnostics, const Counts& counts,
                int reports, const std::string& language);

void print_json(std::ostream& out, const model::Diagnostics& diagnostics, const Counts& counts,
                int reports, const std::string& language);

}  // namespace rv::cli
