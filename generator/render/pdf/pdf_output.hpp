#pragma once
// The print renderer's entry points: a report or a year's volume as PDF bytes, laid out
// and written with the process-wide fonts (loaded once, shared by every document).
#include <filesystem>
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::pdf {

// SOURCE_DATE_EPOCH when set and valid, else the start of today (UTC), so that two
// builds on the same day give the same bytes.
long long build_date();

struct PdfFile {
    std::string bytes;
    std::vector<std::string> warnings;  // characters no font has ("U+1F600")
};

// Throws FontError when the fonts are missing and WriteError when libharu fails.
PdfFile report_pdf(const model::Content& content, const model::Service& service,
                   const model::Report& report, long long date);

// Empty bytes when the year has no report.
PdfFile volume_pdf(const model::Content& content, int year, long long date);

// Writes <site>/<slug>/<year>/rapport.pdf for every report and <site>/arsrapporter-<year>.pdf
// for every year. Returns one line per PDF with characters no font has ("path: U+1F600").
// Throws FontError, WriteError, or std::filesystem::filesystem_error on a write error.
std::vector<std::string> write_site_pdfs(const model::Content& content,
                                         const std::filesystem::path& site, long long date);

}  // namespace rv::pdf
