#pragma once
// Files a build puts into its staging folder other than by rendering them: a page or PDF taken
// over from the previous site (a hard link), and the files a report links to (images,
// documents), copied from the content.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "model/content.hpp"

namespace rv::cli {

// A file of the content tree that was there when the content was read, and is gone (or no
// longer a file or readable) when the build needs it again.
struct SourceGone : std::runtime_error {
    SourceGone(std::string path, std::string reason);
    std::string path;
    std::string reason;  // the system's words, or "@key" of the catalogue
};

// Copies the files one report links to (images, documents) next to its page in `site`.
// Throws SourceGone, or std::filesystem::filesystem_error when a copy cannot be written.
void copy_report_files(const model::Content& content, const model::Service& service,
                       const model::Report& report, const std::filesystem::path& site);

// Links `relative` of the previous site into the new one: an output whose inputs did not
// change. False when the previous site has no such file.
bool link_previous(const std::filesystem::path& previous, const std::filesystem::path& site,
                   const std::string& relative);

// The size of `file` in bytes; 0 when it cannot be read.
std::uintmax_t size_of(const std::filesystem::path& file);

}  // namespace rv::cli
