#pragma once
// Reads a content tree (DESIGN §3) into the model. Reports what it cannot read as
// diagnostics: syntax and schema errors, missing files, misplaced folders.
#include <filesystem>
#include <set>

#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::load {

struct LoadResult {
    model::Content content;
    model::Diagnostics diagnostics;
    bool usable = false;  // false: the tree cannot be checked further (exit code 2)
};

struct LoadOptions {
    // false: reports list their section files (Report::section_files) without reading them;
    // read_sections reads one report's when it is its turn, so that a build of thousands of
    // reports holds the Markdown of only the reports at work.
    bool sections = true;
    int jobs = 1;  // threads for reading the reports
};

// `theme_dir`: a theme folder (--theme) to read before the content's own theme/.
LoadResult load_content(const std::filesystem::path& root,
                        const std::filesystem::path& theme_dir = {}, LoadOptions options = {});

// One report folder read again, as load_content reads it (report.json, its files, and its
// sections when options.sections): for the preview server after an edit in it.
struct ReportFolder {
    model::Report report;
    model::Diagnostics diagnostics;
    std::set<std::string> files;  // root-relative, as Content::files
};
ReportFolder load_report_folder(const std::filesystem::path& root, const std::filesystem::path& dir,
                                int year, LoadOptions options = {});

// Reads the sections of `report` from its section files, in their order, and the images they
// show. Safe to call from several threads at once, each with its own report.
void read_sections(model::Report& report, const model::Content& content,
                   model::Diagnostics& diagnostics);

}  // namespace rv::load
