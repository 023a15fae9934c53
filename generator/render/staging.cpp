#include "render/staging.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <signal.h>
#include <spawn.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include <fstream>
#include <system_error>

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

}  // namespace

StagedOutput::StagedOutput(fs::path target) : target_(std::move(target)) {
    if (target_.filename().empty()) {
        target_ = target_.parent_path();
    }
    remove_abandoned(target_);
    staging_ = sibling(target_, "staging");
    fs::remove_all(staging_);
    fs::create_directories(staging_);
}

StagedOutput::~StagedOutput() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedOutput::commit() {
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
    fs::create_directories(path_.parent_path());
    fs::path fresh = path_;
    fresh += ".rv-new";  // renamed into place by close(), as write_file does
    errno = 0;
    out_.open(fresh, std::ios::binary | std::ios::trunc);
    if (!out_) {
        throw fs::filesystem_error(
            "cannot open for writing", path_,
            std::error_code(errno != 0 ? errno : EIO, std::generic_category()));
    }
}

void StreamedFile::write(std::string_view text) {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void StreamedFile::close() {
    fs::path fresh = path_;
    fresh += ".rv-new";
    errno = 0;
    out_.close();
    if (!out_ || ::rename(fresh.c_str(), path_.c_str()) != 0) {
        const std::error_code why(errno != 0 ? errno : EIO, std::generic_category());
        ::unlink(fresh.c_str());
        throw fs::filesystem_error("cannot write", path_, why);
    }
}

void write_file(const fs::path& path, std::string_view contents) {
    fs::create_directories(path.parent_path());
    // errno says why a write failed ("No space left on device", "File too large", …).
    const auto reason = [] {
        return std::error_code(errno != 0 ? errno : EIO, std::generic_category());
    };
    // Written beside, then renamed into place: a reader (the preview server) sees the old
    // file or the new one, never half of one, and a hard link to the previous output's file
    // (in a staging folder) is replaced, never written through.
    fs::path fresh = path;
    fresh += ".rv-new";
    errno = 0;
    std::ofstream out(fresh, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw fs::filesystem_error("cannot open for writing", path, reason());
    }
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) {
        const auto why = reason();
        ::unlink(fresh.c_str());
        throw fs::filesystem_error("cannot write", path, why);
    }
    if (::rename(fresh.c_str(), path.c_str()) != 0) {
        const auto why = reason();
        ::unlink(fresh.c_str());
        throw fs::filesystem_error("cannot write", path, why);
    }
}

}  // namespace rv::render
