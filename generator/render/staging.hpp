#pragma once
// All-or-nothing output: pages are written into a staging folder beside the target,
// which replaces the target only when everything was written. A failed or interrupted
// build leaves the previous output as it was.
#include <filesystem>
#include <string>
#include <string_view>

namespace rv::render {

class StagedOutput {
  public:
    // Creates an empty staging folder beside `target`. Throws std::filesystem::filesystem_error.
    explicit StagedOutput(std::filesystem::path target);
    ~StagedOutput();  // removes the staging folder unless committed
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::filesystem::path& dir() const { return staging_; }
    const std::filesystem::path& target() const { return target_; }

    // Swaps the staging folder into place of the target. Throws on failure, in which case
    // the target is left as it was.
    void commit();

    // After commit, let a separate process remove the previous output (tens of thousands of
    // files take seconds to delete) instead of waiting for it. Its folder, hidden beside the
    // target, is removed by the next build if that process dies first.
    void remove_previous_in_background() { background_ = true; }

  private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    bool committed_ = false;
    bool background_ = false;
};

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
};

// Writes `contents` to `path` as a new file (replacing, never writing through, a file or hard
// link already there), creating parent folders. Throws on failure.
//
// Anywhere but in a staging folder of this process (StagedOutput before its commit), the file
// is written beside and renamed into place: a reader (the preview server) sees the old file or
// the new one, never half of one. In a staging folder nobody reads until the commit, and a
// file is created there only where nothing is yet (O_EXCL): where something is (a page taken
// over from the previous site, a hard link), it is written beside and renamed into place too.
void write_file(const std::filesystem::path& path, std::string_view contents);

}  // namespace rv::render
