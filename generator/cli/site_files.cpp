#include "cli/site_files.hpp"

#include <sys/stat.h>  // mkdir, lstat
#include <unistd.h>    // link, unlink

#include <cerrno>
#include <system_error>
#include <utility>

#include "render/staging.hpp"

namespace rv::cli {

namespace fs = std::filesystem;

// Links `relative` of the previous site into the new one: an output whose inputs did not
// change. False when the previous site has no such file. The folder in the new site is made
// when the link finds it missing, not looked for before each link.
bool link_previous(const fs::path& previous, const fs::path& site, const std::string& relative) {
    const fs::path from = previous / relative;
    const fs::path to = site / relative;
    if (::link(from.c_str(), to.c_str()) == 0) {
        render::note_output(to);
        return true;
    }
    if (errno == EEXIST) {  // a file of the recycled spare
        struct stat there {};
        struct stat wanted {};
        if (::lstat(to.c_str(), &there) == 0 && ::stat(from.c_str(), &wanted) == 0 &&
            there.st_ino == wanted.st_ino && there.st_dev == wanted.st_dev) {
            render::note_output(to);  // the same file already (unchanged for two builds)
            return true;
        }
        ::unlink(to.c_str());  // else the link replaces it
        if (::link(from.c_str(), to.c_str()) == 0) {
            render::note_output(to);
            return true;
        }
    }
    if (errno != ENOENT) {
        return false;
    }
    // Usually only the report's own folder is missing in the new site (made here), else the
    // previous site lacks the file (the link fails again).
    const fs::path folder = to.parent_path();
    if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
        std::error_code ec;
        fs::create_directories(folder, ec);
    }
    if (::link(from.c_str(), to.c_str()) != 0) {
        return false;
    }
    render::note_output(to);
    return true;
}

std::uintmax_t size_of(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    return ec ? 0 : size;
}

SourceGone::SourceGone(std::string path_, std::string reason_)
    : std::runtime_error(path_ + ": " + reason_),
      path(std::move(path_)),
      reason(std::move(reason_)) {}

void copy_report_files(const model::Content& content, const model::Service& service,
                       const model::Report& report, const fs::path& site) {
    const std::string prefix =
        fs::path(report.dir).lexically_relative(fs::path(content.root)).generic_string() + "/";
    for (auto file = content.files.lower_bound(prefix);
         file != content.files.end() && file->rfind(prefix, 0) == 0; ++file) {
        if (model::is_source_file(*file)) {
            continue;
        }
        const fs::path target =
            site / service.slug / std::to_string(report.folder_year) / file->substr(prefix.size());
        fs::create_directories(target.parent_path());
        const fs::path source = fs::path(content.root) / *file;
        std::error_code ec;
        fs::remove(target, ec);  // never write through a hard link to the previous site
        fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
        if (ec) {
            std::error_code ignored;
            if (!fs::is_regular_file(source, ignored)) {  // removed since it was read
                throw SourceGone{source.string(), ec.message()};
            }
            throw fs::filesystem_error("cannot copy", target, ec);
        }
        render::note_output(target);
    }
}

}  // namespace rv::cli
