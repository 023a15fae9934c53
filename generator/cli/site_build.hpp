#pragma once
// `build` (and each rebuild of `serve`): check the content and write the site, one report at a
// time on all cores. Each report's sections are read, checked, printed into its PDF and page
// and let go, so memory grows with the largest report, not with their number; what the
// overview pages need of a report stays in the model (report.json) or in a compact summary
// (search text). Everything goes into a staging folder that replaces the output only when
// every file was written and every internal link resolves.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/site_files.hpp"
#include "render/html/site_renderer.hpp"

namespace rv::cli {

struct BuildRequest {
    std::string content_dir;
    std::string theme_dir;
    std::string out_dir;
    std::string language = "nb";  // of messages
    int jobs = 0;                 // 0: one thread per core
    bool pdf = true;
    bool strict = false;
    bool clean = false;      // ignore the previous build's cache
    bool progress = false;   // a progress line on the terminal
    bool keep_site = false;  // hand back what the preview server needs (BuildOutcome::site)
    // From this many reports on, the replaced output is kept as a spare that the next build
    // writes over in place (render::StagedOutput): a second copy on disk, but far fewer new
    // files and no mass deletion after each build.
    int spare_from_reports = 1000;
};

// What a build leaves for the preview server, to rebuild one edited report in place
// (cli/preview_update) instead of the whole site.
struct BuiltSite {
    CheckResult checked;                            // the content, without sections
    model::Diagnostics shared;                      // findings of no single report
    std::map<std::string, model::Diagnostics> own;  // each report's, by Report::dir
    render::ReportSearchTexts search;               // by Report::dir
    render::Downloads downloads;                    // the PDFs and their sizes
    std::unique_ptr<render::Theme> theme;
};

struct BuildOutcome {
    int code = exit_clean;  // exit_clean, exit_errors, exit_unusable or 128 + signal
    int signal = 0;
    bool usable = false;
    bool checked_clean = false;  // the check found nothing that stops the build
    model::Diagnostics diagnostics;
    int reports = 0;
    int pages = 0;   // HTML pages written
    int pdfs = 0;    // PDFs written
    int reused = 0;  // reports unchanged since the previous build, taken over from it
    std::shared_ptr<BuiltSite> site;  // when asked for (BuildRequest::keep_site) and written
};

// The request of `build` and `serve` from the command line's options.
BuildRequest build_request(const Options& options);

// `on_checked` receives the check's result as soon as every report is checked (to print it),
// before the rest of the site is written. Messages of the build go to `err`.
BuildOutcome build_site(const BuildRequest& request,
                        const std::function<void(const CheckResult&)>& on_checked,
                        std::ostream& err);

}  // namespace rv::cli
