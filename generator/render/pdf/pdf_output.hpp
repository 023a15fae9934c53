#pragma once
// The print renderer's entry points: a report or a year's volume as PDF bytes, laid out
// and written with the process-wide fonts (loaded once, shared by every document).
#include <filesystem>
#include <functional>
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

// The sections of a report whose sections are not held in the model (a build reads them
// when it needs them).
// It fills the sections and images of the copy of a report it is given.
using SectionReader = std::function<void(model::Report&)>;

// Empty bytes when the year has no report. `read_sections`, when given, gives each report's
// sections in turn, so that only one report's are held at a time.
PdfFile volume_pdf(const model::Content& content, int year, long long date,
                   const SectionReader& read_sections = {});

// Site-relative paths: "<slug>/<year>/rapport.pdf" and "arsrapporter-<year>.pdf".
std::string report_pdf_path(const model::Service& service, const model::Report& report);
std::string volume_pdf_path(int year);

// Writes `file`'s bytes to `path` (creating folders). Returns the characters no font has
// ("U+1F600 U+2603"), else "". Throws std::filesystem::filesystem_error.
std::string write_pdf_file(const std::filesystem::path& path, const PdfFile& file);

}  // namespace rv::pdf
