#include "render/staging.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <signal.h>
#include <spawn.h>
#include <stdio.h>     // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <sys/stat.h>  // mkdir
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

extern char** environ;

namespace rv::render {

namespace fs = std::filesystem;

namespace {
fs::path sibling(const fs::path& target, const std::string& kind) {
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    return parent / ("." + target.filename().string() + "." + kind + "-" +
                     std::to_string(static_cast<long>(::getpid())));
}
// Staging and previous folders of builds that died (their process is gone) are removed.
void remove_abandoned(const fs::path& target) {
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string prefix = "." + target.filename().string() + ".";
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto dash = name.rfind('-');
        if (name.rfind(prefix, 0) != 0 || dash == std::string::npos || dash < prefix.size()) {
            continue;
        }
        const std::string kind = name.substr(prefix.size(), dash - prefix.size());
        if (kind != "staging" && kind != "previous") {
            continue;
        }
        const long pid = std::strtol(name.c_str() + dash + 1, nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove_all(it->path(), ignored);
        }
    }
}

// `rm -rf DIR` in a process of its own, not waited for: a shell starts it and ends at once,
// so it belongs to init, not to this process. False when it could not be started.
bool remove_in_background(const fs::path& dir) {
    const std::string path = dir.string();
    const char* argv[] = {"sh", "-c", "rm -rf -- \"$0\" </dev/null >/dev/null 2>&1 &", path.c_str(),
                          nullptr};
    pid_t shell = 0;
    if (::posix_spawn(&shell, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv),
                      environ) != 0) {
        return false;
    }
    int status = 0;
    ::waitpid(shell, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The staging folders of this process not yet committed: made empty by this process, read by
// nobody until they are swapped into place, so a file may be written there directly.
std::mutex staging_mutex;
std::vector<std::string> staging_dirs;

void add_staging(const fs::path& dir) {
    const std::lock_guard lock(staging_mutex);
    staging_dirs.push_back(dir.native());
}

void drop_staging(const fs::path& dir) {
    const std::lock_guard lock(staging_mutex);
    const auto found = std::find(staging_dirs.begin(), staging_dirs.end(), dir.native());
    if (found != staging_dirs.end()) {
        staging_dirs.erase(found);
    }
}

// Whether `path` names a file inside a staging folder of this process (as written, with no
// ".." that could lead out of it).
bool in_staging(const fs::path& path) {
    const std::string& file = path.native();
    const std::lock_guard lock(staging_mutex);
    for (const auto& dir : staging_dirs) {
        if (file.size() > dir.size() + 1 && file.compare(0, dir.size(), dir) == 0 &&
            file[dir.size()] == '/' && file.find("/..", dir.size()) == std::string::npos) {
            return true;
        }
    }
    return false;
}

std::error_code last_error() {
    return std::error_code(errno != 0 ? errno : EIO, std::generic_category());
}

// open(2) of a file to write, creating its parent folders only when they are missing (the
// first file of a folder), not with a stat of each before every file.
int open_to_write(const fs::path& path, int flags) {
    errno = 0;
    int fd = ::open(path.c_str(), flags | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0 && errno == ENOENT && path.has_parent_path()) {
        const fs::path parent = path.parent_path();
        // Usually only the folder itself is missing (a report's, in its service's folder).
        if (::mkdir(parent.c_str(), 0777) != 0 && errno != EEXIST) {
            fs::create_directories(parent);  // throws filesystem_error, as before
        }
        errno = 0;
        fd = ::open(path.c_str(), flags | O_WRONLY | O_CLOEXEC, 0666);
    }
    return fd;
}

// Writes all of `bytes`; false with errno set when a write failed.
bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        errno = 0;
        const ssize_t done = ::write(fd, bytes.data(), bytes.size());
        if (done < 0 && errno == EINTR) {
            continue;
        }
        if (done <= 0) {
            if (errno == 0) {
                errno = EIO;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(done));
    }
    return true;
}

// Opens the file that will become `path`: `path` itself where it may be written directly (in
// a staging folder, where nothing is there yet), else `path` + ".rv-new", to be renamed into
// place. Throws filesystem_error when neither can be opened.
int open_new_file(const fs::path& path, fs::path& written) {
    if (in_staging(path)) {
        const int fd = open_to_write(path, O_CREAT | O_EXCL);
        if (fd >= 0) {
            written = path;
            return fd;
        }
        if (errno != EEXIST) {
            throw fs::filesystem_error("cannot open for writing", path, last_error());
        }
        // Something is there (a hard link to the previous site's file): replace it, below.
    }
    written = path;
    written += ".rv-new";
    const int fd = open_to_write(written, O_CREAT | O_TRUNC);
    if (fd < 0) {
        throw fs::filesystem_error("cannot open for writing", path, last_error());
    }
    return fd;
}

// Closes `fd` (written to `written`, for `path`) and renames it into place if it was written
// beside; `error` is the errno of a write that failed, or 0. On failure the file written is
// removed (the one at `path` before stays) and filesystem_error thrown.
void finish_file(int fd, const fs::path& path, const fs::path& written, int error) {
    errno = 0;
    if (::close(fd) != 0 && error == 0) {
        error = last_error().value();
    }
    errno = 0;
    if (error == 0 && written.native() != path.native() &&
        ::rename(written.c_str(), path.c_str()) != 0) {
        error = last_error().value();
    }
    if (error != 0) {
        ::unlink(written.c_str());
        throw fs::filesystem_error("cannot write", path,
                                   std::error_code(error, std::generic_category()));
    }
}

}  // namespace

StagedOutput::StagedOutput(fs::path target) : target_(std::move(target)) {
    if (target_.filename().empty()) {
        target_ = target_.parent_path();
    }
    remove_abandoned(target_);
    staging_ = sibling(target_, "staging");
    fs::remove_all(staging_);
    fs::create_directories(staging_);
    add_staging(staging_);
}

StagedOutput::~StagedOutput() {
    drop_staging(staging_);
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedOutput::commit() {
    drop_staging(staging_);  // from here on it may be the previous output, or the output
    // One atomic step where the file system can: the target never goes missing, which a
    // reader such as the preview server would otherwise see for a moment as a 404.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
        committed_ = true;
        if (!(background_ && remove_in_background(staging_))) {  // now the previous output
            std::error_code ignored;
            fs::remove_all(staging_, ignored);
        }
        return;
    }
    const fs::path previous = sibling(target_, "previous");
    std::error_code ec;
    fs::remove_all(previous, ec);
    const bool had_target = fs::exists(target_);
    if (had_target) {
        fs::rename(target_, previous);
    }
    try {
        fs::rename(staging_, target_);
    } catch (...) {
        if (had_target) {
            fs::rename(previous, target_, ec);
        }
        throw;
    }
    committed_ = true;
    fs::remove_all(previous, ec);
}

StreamedFile::StreamedFile(fs::path path) : path_(std::move(path)) {
    fd_ = open_new_file(path_, written_);
}

StreamedFile::~StreamedFile() {
    if (fd_ >= 0) {  // never closed: a write failed, or the build stopped
        ::close(fd_);
        ::unlink(written_.c_str());
    }
}

void StreamedFile::write(std::string_view text) {
    constexpr std::size_t piece = 1U << 16;
    if (error_ != 0) {
        return;
    }
    if (buffer_.empty() && text.size() >= piece) {
        if (!write_all(fd_, text)) {
            error_ = errno;
        }
        return;
    }
    buffer_ += text;
    if (buffer_.size() >= piece) {
        flush();
    }
}

void StreamedFile::flush() {
    if (error_ == 0 && !buffer_.empty() && !write_all(fd_, buffer_)) {
        error_ = errno;
    }
    buffer_.clear();
}

void StreamedFile::close() {
    flush();
    const int fd = fd_;
    fd_ = -1;
    finish_file(fd, path_, written_, error_);
}

void write_file(const fs::path& path, std::string_view contents) {
    // Written beside, then renamed into place (or, in a staging folder, written where nothing
    // was): a reader (the preview server) sees the old file or the new one, never half of one,
    // and a hard link to the previous output's file (in a staging folder) is replaced, never
    // written through.
    fs::path written;
    const int fd = open_new_file(path, written);
    const int error = write_all(fd, contents) ? 0 : errno;
    finish_file(fd, path, written, error);
}

}  // namespace rv::render
