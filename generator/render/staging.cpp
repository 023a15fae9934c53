#include "render/staging.hpp"

#include <dirent.h>
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

#include "model/parallel.hpp"

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

// The staging folders of this process not yet committed: made empty by this process (or
// recycled from its spare), read by nobody until they are swapped into place, so a file may be
// written there directly.
std::mutex staging_mutex;
std::vector<std::pair<std::string, StagedOutput*>> staging_dirs;

void add_staging(const fs::path& dir, StagedOutput* owner) {
    const std::lock_guard lock(staging_mutex);
    staging_dirs.emplace_back(dir.native(), owner);
}

void drop_staging(const fs::path& dir) {
    const std::lock_guard lock(staging_mutex);
    const auto found = std::find_if(staging_dirs.begin(), staging_dirs.end(),
                                    [&](const auto& entry) { return entry.first == dir.native(); });
    if (found != staging_dirs.end()) {
        staging_dirs.erase(found);
    }
}

// The staging folder of this process that `path` names a file in (as written, with no ".."
// that could lead out of it), with the file's path relative to it; null if none.
StagedOutput* staging_of(const fs::path& path, std::string& relative) {
    const std::string& file = path.native();
    const std::lock_guard lock(staging_mutex);
    for (const auto& [dir, owner] : staging_dirs) {
        if (file.size() > dir.size() + 1 && file.compare(0, dir.size(), dir) == 0 &&
            file[dir.size()] == '/' && file.find("/..", dir.size()) == std::string::npos) {
            relative = file.substr(dir.size() + 1);
            if (relative.find("//") != std::string::npos ||
                relative.find("./") != std::string::npos) {
                relative = fs::path(relative).lexically_normal().generic_string();
            }
            return owner;
        }
    }
    return nullptr;
}

fs::path spare_of(const fs::path& target) {
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    return parent / ("." + target.filename().string() + ".spare");
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

// Opens `path` (a file of a recycled spare) to be written over in place: only a regular
// file with no other link (never a hard link shared with the previous site); `size` is its
// size, cut to what is written at close (never to zero first: ext4 then flushes the file at
// close, taking it for a replacement by truncation). -1 otherwise.
int open_to_overwrite(const fs::path& path, std::uintmax_t& size) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    struct stat status {};
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_nlink != 1) {
        ::close(fd);
        return -1;
    }
    size = static_cast<std::uintmax_t>(status.st_size);
    return fd;
}

// Opens the file that will become `path`: `path` itself where it may be written directly (in
// a staging folder, where nothing is there yet or, in a recycled spare, a file of its own:
// `old_size` is then its size), else `path` + ".rv-new", to be renamed into place. Throws
// filesystem_error when neither can be opened.
int open_new_file(const fs::path& path, fs::path& written, std::uintmax_t& old_size) {
    old_size = 0;
    std::string relative;
    StagedOutput* staging = staging_of(path, relative);
    if (staging != nullptr) {
        staging->note(relative);
        int fd = open_to_write(path, O_CREAT | O_EXCL);
        if (fd < 0 && errno == EEXIST && staging->recycled()) {
            fd = open_to_overwrite(path, old_size);
            errno = EEXIST;
        }
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

// Closes `fd` (written to `written`, for `path`, `size` bytes over a file of `old_size`) and
// renames it into place if it was written beside; `error` is the errno of a write that
// failed, or 0. On failure the file written is removed (the one at `path` before stays) and
// filesystem_error thrown.
void finish_file(int fd, const fs::path& path, const fs::path& written, int error,
                 std::uintmax_t size, std::uintmax_t old_size) {
    errno = 0;
    if (error == 0 && old_size > size && ::ftruncate(fd, static_cast<off_t>(size)) != 0) {
        error = last_error().value();
    }
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

StagedOutput::StagedOutput(fs::path target, bool keep_spare)
    : target_(std::move(target)), keep_spare_(keep_spare) {
    if (target_.filename().empty()) {
        target_ = target_.parent_path();
    }
    remove_abandoned(target_);
    staging_ = sibling(target_, "staging");
    fs::remove_all(staging_);
    const fs::path spare = spare_of(target_);
    if (keep_spare_ && ::rename(spare.c_str(), staging_.c_str()) == 0) {
        recycled_ = true;  // another build of this target may have taken it: then it is gone
    } else {
        if (!keep_spare_) {
            std::error_code ignored;
            fs::remove_all(spare, ignored);  // the site got small: no spare any more
        }
        fs::create_directories(staging_);
    }
    add_staging(staging_, this);
}

void StagedOutput::note(const std::string& relative) {
    if (recycled_) {
        const std::lock_guard lock(outputs_mutex_);
        outputs_.insert(relative);
    }
}

// Removes from `dir` (`relative` to the staging folder: "" or "a/b/") every file this build
// did not write; true when `dir` is left empty. Its folders are pruned on `jobs` threads.
bool StagedOutput::prune(const std::string& dir, const std::string& relative, int jobs) {
    DIR* folder = ::opendir(dir.c_str());
    if (folder == nullptr) {
        return false;
    }
    bool empty = true;
    std::vector<std::string> folders;
    while (const dirent* entry = ::readdir(folder)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..") {
            continue;
        }
        const std::string path = dir + "/" + name;
        bool is_folder = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat status {};
            is_folder = ::lstat(path.c_str(), &status) == 0 && S_ISDIR(status.st_mode);
        }
        if (is_folder) {
            folders.push_back(name);
        } else if (outputs_.count(relative + name) == 1 || ::unlink(path.c_str()) != 0) {
            empty = false;
        }
    }
    ::closedir(folder);
    std::vector<char> emptied(folders.size(), 0);
    model::for_each_index(folders.size(), jobs, [&](std::size_t i) {
        std::string path = dir;
        path.append("/").append(folders[i]);
        std::string inner = relative;
        inner.append(folders[i]).append("/");
        emptied[i] = prune(path, inner, 1) && ::rmdir(path.c_str()) == 0;
    });
    return empty && std::find(emptied.begin(), emptied.end(), 0) == emptied.end();
}

StagedOutput::~StagedOutput() {
    drop_staging(staging_);
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedOutput::commit(int jobs) {
    if (recycled_) {  // what the spare held and this build did not write
        const std::lock_guard lock(outputs_mutex_);  // no note() meanwhile: outputs_ only read
        prune(staging_.native(), "", jobs);
    }
    drop_staging(staging_);  // from here on it may be the previous output, or the output
    // One atomic step where the file system can: the target never goes missing, which a
    // reader such as the preview server would otherwise see for a moment as a 404.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
        committed_ = true;
        if (keep_spare_ && ::rename(staging_.c_str(), spare_of(target_).c_str()) == 0) {
            return;  // the previous output, to be written over by the next build
        }
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
    fd_ = open_new_file(path_, written_, old_size_);
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
    size_ += text.size();
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
    finish_file(fd, path_, written_, error_, size_, old_size_);
}

void note_output(const fs::path& path) {
    std::string relative;
    if (StagedOutput* staging = staging_of(path, relative)) {
        staging->note(relative);
    }
}

void write_file(const fs::path& path, std::string_view contents) {
    // Written beside, then renamed into place (or, in a staging folder, written where nothing
    // was): a reader (the preview server) sees the old file or the new one, never half of one,
    // and a hard link to the previous output's file (in a staging folder) is replaced, never
    // written through.
    fs::path written;
    std::uintmax_t old_size = 0;
    const int fd = open_new_file(path, written, old_size);
    const int error = write_all(fd, contents) ? 0 : errno;
    finish_file(fd, path, written, error, contents.size(), old_size);
}

}  // namespace rv::render
