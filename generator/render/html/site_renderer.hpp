#pragma once
// The HTML site from the theme's Mustache templates: a page per report, rendered one at a
// time (on any thread) while the report's sections are read, and then everything else —
// front page, service and overview pages, search, open data, sitemap, feed — from what every
// report keeps once its sections are gone. Reads the model and the analysis; writes only
// into the output folder.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "model/content.hpp"
#include "render/html/search_index.hpp"
#include "render/html/template_set.hpp"

namespace rv::render {

// Files offered for download beside the pages, by site-relative path
// ("bensarkom/2023/rapport.pdf", "arsrapporter-2023.pdf") with their size in bytes.
using Downloads = std::map<std::string, std::uintmax_t>;

// Called with every HTML page written: its site-relative path and its text.
using PageSeen = std::function<void(const std::string& path, const std::string& html)>;

class SiteRenderer {
  public:
    SiteRenderer(const model::Content& content, const Theme& theme);

    // The page of one report, whose sections are read. Safe to call from several threads.
    std::string report_page(const model::Service& service, const model::Report& report,
                            const Downloads& downloads) const;

    // The theme's assets/ files.
    void write_assets(const std::filesystem::path& out_dir) const;

    // Every page and file but the reports' pages, which must be written already (the sitemap
    // lists them). Throws std::runtime_error on a broken template and
    // std::filesystem::filesystem_error on a write error.
    // `seen` may be called from several threads at once; `jobs`: threads to use.
    void write_overview(const std::filesystem::path& out_dir, const Downloads& downloads,
                        const ReportSearchTexts& search_texts, const PageSeen& seen,
                        int jobs = 1) const;

  private:
    const model::Content& content_;
    TemplateSet templates_;
};

}  // namespace rv::render
