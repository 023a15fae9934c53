#include "cli/file_watcher.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace rv::cli {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE |
                                   IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF |
                                   IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW;

void add_once(std::vector<std::string>& list, const std::string& path) {
    if (std::find(list.begin(), list.end(), path) == list.end()) {
        list.push_back(path);
    }
}

}  // namespace

bool is_content_change(const std::string& relative_path) {
    if (relative_path == ".") {
        return true;  // anything may have changed
    }
    const std::string name = fs::path(relative_path).filename().string();
    if (name.empty()) {
        return false;
    }
    const auto ends_with = [&](const std::string& end) {
        return name.size() >= end.size() &&
               name.compare(name.size() - end.size(), end.size(), end) == 0;
    };
    return name.front() != '.' && name.front() != '#' && !ends_with("~") && !ends_with(".swp") &&
           !ends_with(".swx") && !ends_with(".tmp") && name != "4913";
}

FileWatcher::FileWatcher(const fs::path& root) : root_(root) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        throw std::system_error(errno, std::generic_category(), "inotify_init1");
    }
    try {
        watch_tree(root_, nullptr);
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

FileWatcher::~FileWatcher() {
    ::close(fd_);
}

// Watches `dir` and the folders below it; adds the files found to `found` (a folder that
// appeared after its files were written would otherwise hide them).
void FileWatcher::watch_tree(const fs::path& dir, std::vector<std::string>* found) {
    const int wd = ::inotify_add_watch(fd_, dir.c_str(), kFolderEvents);
    if (wd < 0) {
        if (dir == root_) {
            throw std::system_error(errno, std::generic_category(), dir.string());
        }
        return;  // gone again, or not a folder: nothing to watch
    }
    folders_[wd] = dir;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && !it->is_symlink(ec)) {
            watch_tree(it->path(), found);
        } else if (found != nullptr) {
            add_once(*found, it->path().lexically_relative(root_).generic_string());
        }
    }
}

std::vector<std::string> FileWatcher::read_changes() {
    std::vector<std::string> changes;
    alignas(inotify_event) std::array<char, 16384> buffer{};
    while (true) {
        const ssize_t length = ::read(fd_, buffer.data(), buffer.size());
        if (length <= 0) {
            break;  // EAGAIN: nothing more waiting
        }
        for (ssize_t offset = 0; offset < length;) {
            inotify_event event{};
            std::memcpy(&event, buffer.data() + offset, sizeof(event));
            const std::string name(event.len > 0 ? buffer.data() + offset + sizeof(event) : "");
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event.len);
            if ((event.mask & IN_Q_OVERFLOW) != 0) {
                add_once(changes, ".");
                continue;
            }
            const auto folder = folders_.find(event.wd);
            if (folder == folders_.end()) {
                continue;
            }
            if ((event.mask & IN_IGNORED) != 0) {
                folders_.erase(folder);  // the folder is gone
                continue;
            }
            if ((event.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) != 0 || name.empty()) {
                continue;  // its parent reports the deletion or move
            }
            const fs::path path = folder->second / name;
            const std::string relative = path.lexically_relative(root_).generic_string();
            if ((event.mask & IN_ISDIR) != 0 && (event.mask & (IN_CREATE | IN_MOVED_TO)) != 0) {
                std::vector<std::string> found;
                watch_tree(path, &found);
                for (const auto& file : found) {
                    if (is_content_change(file)) {
                        add_once(changes, file);
                    }
                }
            }
            if (is_content_change(relative)) {
                add_once(changes, relative);
            }
        }
    }
    return changes;
}

}  // namespace rv::cli
