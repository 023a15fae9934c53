#pragma once
// Fingerprints of inputs, for the build's cache: a file counts as unchanged while its size
// and modification time (in nanoseconds) are, as make and ninja assume; small shared files
// (site.json, regions.json, the forms) are fingerprinted by their bytes.
#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rv::load {

// 64-bit FNV-1a of `bytes`, continuing from `seed`.
std::uint64_t fingerprint_text(std::string_view bytes,
                               std::uint64_t seed = 14695981039346656037ULL);

// The paths, sizes and modification times of `paths`; a missing file counts too.
std::uint64_t fingerprint_files(const std::vector<std::string>& paths, std::uint64_t seed = 0);

// The bytes of `paths` (unreadable files count as empty).
std::uint64_t fingerprint_file_bytes(const std::vector<std::string>& paths, std::uint64_t seed = 0);

// The program itself (its file's size and time), so that a new rapportverk rebuilds all.
std::uint64_t fingerprint_program();

// What fingerprint_files takes of one file: its size, modification time and inode.
struct FileStamp {
    std::uint64_t size = 0;
    std::uint64_t seconds = 0;
    std::uint64_t nanoseconds = 0;
    std::uint64_t inode = 0;
};
FileStamp stamp_of(const struct stat& info);

// The stamps of a build's input files, taken as the build reads them, so that fingerprinting
// a report needs no further stat of each of its files. While a book is open, the content
// loader notes the stamp of every file it reads (note_read: the fstat of the open file, before
// its bytes are read); the first stamp noted of a path is kept. A stamp taken before a file's
// bytes were read is never newer than what was read, so a file changed at any moment after
// its stamp was taken is built again by the next build, as with a stat before reading.
// One book is open at a time in the program; a second one, while the first is, stays closed
// (open() is false) and fingerprints with a stat of each file.
class StampBook {
  public:
    StampBook();
    ~StampBook();
    StampBook(const StampBook&) = delete;
    StampBook& operator=(const StampBook&) = delete;

    bool open() const { return open_; }

    // Notes the stamp of `path` now (a stat) unless one was noted: for a file about to be read
    // by code that does not note its reads.
    void note_now(const std::string& path);

    // fingerprint_files(paths, seed), with the noted stamps; a stat of the others.
    std::uint64_t fingerprint(const std::vector<std::string>& paths, std::uint64_t seed = 0) const;

    // Lets the stamps of `paths` go (their report is fingerprinted).
    void forget(const std::vector<std::string>& paths);

  private:
    friend void note_read(const std::string& path, const struct stat& info);
    bool open_ = false;
    std::map<std::string, std::optional<FileStamp>, std::less<>> stamps_;  // nullopt: missing
};

// Notes the stamp of a file just opened for reading (`info` from fstat), in the open book.
void note_read(const std::string& path, const struct stat& info);

}  // namespace rv::load
