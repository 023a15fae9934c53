#pragma once
// Writes the first HTML site: one page per report and an index, from the theme's
// Mustache templates. Reads the model and the analysis; writes only into `out_dir`.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "model/content.hpp"

namespace rv::render {

// A theme's files by relative path ("templates/report.mustache", "assets/style.css").
struct Theme {
    std::map<std::string, std::string> files;
    // Page texts in place of the catalogue's: "ui.home" → {nb, nn, en}.
    std::map<std::string, model::LocalizedText> texts;

    static Theme embedded_default();
    // The default theme with the content's theme folders over it (--theme, then theme/):
    // their files replace or add to the default's, their texts replace the catalogue's.
    static Theme for_content(const model::Content& content);
};

struct SiteSummary {
    int report_pages = 0;
};

// Throws std::runtime_error on a broken template and std::filesystem::filesystem_error on
// a write error.
// Files offered for download beside the pages, by site-relative path
// ("bensarkom/2023/rapport.pdf", "arsrapporter-2023.pdf") with their size in bytes.
using Downloads = std::map<std::string, std::uintmax_t>;

SiteSummary render_site(const model::Content& content, const Theme& theme,
                        const std::filesystem::path& out_dir, const Downloads& downloads = {});

}  // namespace rv::render
