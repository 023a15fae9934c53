#pragma once
// The check of a content tree in two steps, so that a build can do its work on each report
// while the report's sections are read: first what is shared (site, regions, forms, services,
// every report.json), then the reports one at a time on all cores — read the sections,
// check them, hand the report to the build, and let the sections go.
#include <functional>
#include <optional>
#include <string>

#include "cli/commands.hpp"

namespace rv::cli {

// Loads the tree (with or without the reports' sections) and checks what is shared.
// `jobs`: threads for reading the reports (0: one per core).
CheckResult check_shared(const std::string& content_dir, const std::string& theme_dir,
                         bool read_sections, int jobs = 0);

struct ReportPass {
    int jobs = 0;  // 0: one thread per core
    bool strict = false;
    // false: each report's sections are let go once it is checked and visited.
    bool keep_sections = true;
    // Asked first for each report, on any thread: the findings of an earlier check when the
    // report is unchanged since, and then it is neither read nor checked nor visited.
    std::function<std::optional<model::Diagnostics>(const model::Service&, const model::Report&)>
        reuse;
    // Called for each report, on any thread, once its sections are read and it is checked
    // (`own`: its findings), unless an error was found in it or before it (a build with errors
    // writes nothing).
    std::function<void(const model::Service&, const model::Report&, const model::Diagnostics& own)>
        visit;
    std::function<void()> report_done;  // after each report, on any thread (progress)
};

// Checks every report of `result` (usable) and adds its diagnostics, sorted.
void check_reports(CheckResult& result, const ReportPass& pass);

}  // namespace rv::cli
