#pragma once
// `rapportverk review --year Y [--span N]`: each service's findings against the review
// criteria and its equal-availability analysis, as text or JSON. The first step towards
// the print-ready review documents; the analysis is the same one they will print.
#include <ostream>

#include "cli/options.hpp"

namespace rv::cli {

int run_review(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace rv::cli
