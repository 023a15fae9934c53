#pragma once
// Reading the content tree from disk: bounded, never following a path out of it.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rv::load {

constexpr std::size_t max_json_bytes = 8u << 20;      // 8 MiB
constexpr std::size_t max_markdown_bytes = 4u << 20;  // 4 MiB

struct FileText {
    bool ok = false;
    std::string text;
    std::string error;  // message catalogue key when !ok: "file.missing", "file.too_large", …
};

// The file at `path`, read with one open, one fstat and the reads (a pipe or device is refused
// by the fstat, never waited on). The fstat's stamp (size, time, inode) goes to the build's
// fingerprints (note_read), taken before any byte is read.
FileText read_text_file(const std::filesystem::path& path, std::size_t max_bytes);

// The entries of a folder sorted by name; empty when it cannot be read.
std::vector<std::filesystem::directory_entry> sorted_entries(const std::filesystem::path& dir);

// The byte offset of the first malformed UTF-8 sequence in `text`, or npos.
std::size_t first_invalid_utf8(std::string_view text);

inline bool is_valid_utf8(std::string_view text) {
    return first_invalid_utf8(text) == std::string_view::npos;
}

}  // namespace rv::load
