#pragma once
// Fingerprints of inputs, for the build's cache: a file counts as unchanged while its size
// and modification time (in nanoseconds) are, as make and ninja assume; small shared files
// (site.json, regions.json, the forms) are fingerprinted by their bytes.
#include <cstdint>
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

}  // namespace rv::load
