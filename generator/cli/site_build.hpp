#pragma once
// `build` (and each rebuild of `serve`): check the content and write the site, one report at a
// time on all cores. Each report's sections are read, checked, printed into its PDF and page
// and let go, so memory grows with the largest report, not with their number; what the
// overview pages need of a report stays in the model (report.json) or in a compact summary
// (search text). Everything goes into a staging folder that replaces the output only when
// every file was written and every internal link resolves.
#include <functional>
#include <ostream>
#include <string>

#include "cli/commands.hpp"

namespace rv::cli {

struct BuildRequest {
    std::string content_dir;
    std::string theme_dir;
    std::string out_dir;
    std::string language = "nb";  // of messages
    int jobs = 0;                 // 0: one thread per core
    bool pdf = true;
    bool strict = false;
    bool progress = false;  // a progress line on the terminal
};

struct BuildOutcome {
    int code = exit_clean;  // exit_clean, exit_errors, exit_unusable or 128 + signal
    int signal = 0;
    bool usable = false;
    bool checked_clean = false;  // the check found nothing that stops the build
    model::Diagnostics diagnostics;
    int reports = 0;
    int pages = 0;  // HTML pages written
    int pdfs = 0;
};

// `on_checked` receives the check's result as soon as every report is checked (to print it),
// before the rest of the site is written. Messages of the build go to `err`.
BuildOutcome build_site(const BuildRequest& request,
                        const std::function<void(const CheckResult&)>& on_checked,
                        std::ostream& err);

}  // namespace rv::cli
