#pragma once
// Watches a folder and every folder below it for changed files (Linux inotify). Folders
// made later are watched as they appear. Not thread-safe: one thread polls fd() and
// calls read_changes().
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rv::cli {

class FileWatcher {
  public:
    // Watches `root` recursively. Throws std::system_error when inotify cannot be used.
    explicit FileWatcher(const std::filesystem::path& root);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Readable (poll) when changes are waiting.
    int fd() const { return fd_; }

    // The changes waiting now, without blocking: paths relative to the root ("services/x/
    // 2023/report.json"), in the order seen, each once. The files of a folder that appeared
    // are listed too. Editors' temporary and backup files (".x.swp", "x~", "#x#", "4913")
    // are left out, so saving a file reports that file only. A lost event queue reports
    // "." (anything may have changed).
    std::vector<std::string> read_changes();

  private:
    void watch_tree(const std::filesystem::path& dir, std::vector<std::string>* found);

    int fd_ = -1;
    std::filesystem::path root_;
    std::map<int, std::filesystem::path> folders_;  // watch descriptor → folder
};

// False for the temporary and backup files editors write beside the file they save.
bool is_content_change(const std::string& relative_path);

}  // namespace rv::cli
