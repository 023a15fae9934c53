#pragma once
// `rapportverk review [DIR] --year Y [--span N] [--out DIR] [--format text|json]`: the review
// documents. Without --format it writes one PDF per service with a report in the year and
// the national document into <out>/<year>/ (default output/review; never into a built site
// or the content folder), through a staging folder. --format text|json prints each
// service's findings and availability analysis instead; with --out as well it does both.
#include <ostream>

#include "cli/options.hpp"

namespace rv::cli {

int run_review(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace rv::cli
