#pragma once
// What a build keeps for the next one, so that a build after one edit redoes only what the
// edit touches: the fingerprints of the inputs each output was made from, and what the
// overview pages need of each report (its findings, its search text, its PDF's size) without
// reading the report's sections again. Kept in the output folder (cache_file_name), so it is
// replaced together with the site it describes; --clean ignores it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "model/diagnostic.hpp"
#include "render/html/search_index.hpp"

namespace rv::cli {

inline const std::string cache_file_name = ".rapportverk-cache";

struct CachedReport {
    std::uint64_t input = 0;         // the report's files and its service.json
    model::Diagnostics diagnostics;  // its own findings (sections, report.json, readability)
    std::string pdf_warning;         // characters its PDF's fonts lack, as the build said
};

struct BuildCache {
    std::uint64_t site = 0;   // program, site.json, regions.json, forms, options, build date
    std::uint64_t theme = 0;  // the theme's files and texts (the pages, not the PDFs)
    bool pdf = false;         // the site has its PDFs
    std::map<std::string, CachedReport> reports;  // by the report's folder (Report::dir)
    std::map<int, std::uint64_t> volumes;         // year → its reports' inputs
    std::map<int, std::string> volume_warnings;   // year → characters its fonts lack
    render::ReportSearchTexts search;             // by the report's folder
};

// Nothing when the file is missing, damaged or from another version of the format.
std::optional<BuildCache> read_build_cache(const std::filesystem::path& file);

// Throws std::filesystem::filesystem_error when it cannot be written.
void write_build_cache(const std::filesystem::path& file, const BuildCache& cache);

}  // namespace rv::cli
