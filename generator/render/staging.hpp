#pragma once
// All-or-nothing output: pages are written into a staging folder beside the target,
// which replaces the target only when everything was written. A failed or interrupted
// build leaves the previous output as it was.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

namespace rv::render {

class StagedOutput {
  public:
    // Creates an empty staging folder beside `target`. Throws std::filesystem::filesystem_error.
    //
    // With `keep_spare`, the output this commit replaces is kept hidden beside the target
    // (".NAME.spare") instead of being deleted, and the next such build writes into it in
    // place: files are overwritten rather than made anew, and at commit whatever this build
    // did not write is removed. Creating tens of thousands of files costs more than
    // overwriting them, most of all right after as many were deleted (ext4 skips recently
    // freed inodes one by one). The price is a second copy of the site on disk.
    explicit StagedOutput(std::filesystem::path target, bool keep_spare = false);
    ~StagedOutput();  // removes the staging folder unless committed
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::filesystem::path& dir() const { return staging_; }
    const std::filesystem::path& target() const { return target_; }
    // Whether the staging folder is the previous build's spare, written over in place.
    bool recycled() const { return recycled_; }

    // Swaps the staging folder into place of the target. Throws on failure, in which case
    // the target is left as it was. `jobs`: threads for removing what a recycled spare held
    // and this build did not write.
    void commit(int jobs = 1);

    // After commit, let a separate process remove the previous output (tens of thousands of
    // files take seconds to delete) instead of waiting for it. Its folder, hidden beside the
    // target, is removed by the next build if that process dies first.
    void remove_previous_in_background() { background_ = true; }

    // Records that `relative` (a path in the staging folder) is part of this build's output.
    void note(const std::string& relative);

  private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    bool keep_spare_ = false;
    bool recycled_ = false;
    bool committed_ = false;
    bool background_ = false;
    std::mutex outputs_mutex_;
    std::unordered_set<std::string> outputs_;  // relative paths written (when recycled)

    bool prune(const std::string& dir, const std::string& relative, int jobs);
};

// Records that `path`, in a staging folder of this process, was put there by other means than
// write_file or StreamedFile (a hard link, a copy): part of the output, kept at commit when
// the staging folder was a recycled spare. Anywhere else, nothing happens.
void note_output(const std::filesystem::path& path);

// A large file written piece by piece, never held whole in memory: a new file at `path`
// (parent folders created), as write_file writes one. close() throws
// std::filesystem::filesystem_error on failure; without close() the file is not written.
class StreamedFile {
  public:
    explicit StreamedFile(std::filesystem::path path);
    ~StreamedFile();
    StreamedFile(const StreamedFile&) = delete;
    StreamedFile& operator=(const StreamedFile&) = delete;
    void write(std::string_view text);
    void close();

  private:
    void flush();
    std::filesystem::path path_;
    std::filesystem::path written_;  // path_, or the file beside it renamed into place by close()
    int fd_ = -1;
    int error_ = 0;  // errno of the first write that failed
    std::string buffer_;
    std::uintmax_t size_ = 0;      // bytes written
    std::uintmax_t old_size_ = 0;  // of the spare's file written over, cut to size_ at close
};

// Writes `contents` to `path` as a new file (replacing, never writing through, a file or hard
// link already there), creating parent folders. Throws on failure.
//
// Anywhere but in a staging folder of this process (StagedOutput before its commit), the file
// is written beside and renamed into place: a reader (the preview server) sees the old file or
// the new one, never half of one. In a staging folder nobody reads until the commit, and a
// file is created there only where nothing is yet (O_EXCL). Where something is: in a recycled
// spare, a regular file with no other link is truncated and written over (its inode reused);
// anything else (a hard link to the previous site's file) is written beside and renamed into
// place.
void write_file(const std::filesystem::path& path, std::string_view contents);

}  // namespace rv::render
