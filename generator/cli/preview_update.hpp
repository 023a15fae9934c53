#pragma once
// The preview server's quick path after an edit inside report folders: read those reports
// again, check them, write their PDF and page in place into the preview folder, let the
// browser reload, and then write the pages that list them (front page, service, overviews,
// search, open data, sitemap, feed). Everything else stays as the last build left it, so
// the time from save to the page rebuilt does not grow with the number of reports. Any
// other change (site.json, regions, forms, theme, service.json, a new or removed report
// folder) needs a whole build, which the caller runs.
#include <functional>
#include <string>
#include <vector>

#include "cli/site_build.hpp"

namespace rv::cli {

struct PreviewUpdate {
    bool handled = false;            // false: the change needs a whole build
    bool kept_pages = false;         // an edited report has errors: its old page stays
    model::Diagnostics diagnostics;  // all of the site's, sorted
};

// `changed`: content-relative paths ("services/x/2023/kort-fortalt.md"). `pages_ready` is
// called with every finding of the site once the edited reports' pages are written, before
// the pages that list them. Throws what writing the files throws.
PreviewUpdate update_reports(BuiltSite& site, const BuildRequest& request,
                             const std::vector<std::string>& changed,
                             const std::function<void(const PreviewUpdate&)>& pages_ready);

}  // namespace rv::cli
