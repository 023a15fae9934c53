#include "load/fingerprint.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace rv::load {

namespace {

std::uint64_t mix(std::uint64_t seed, std::uint64_t value) {
    return fingerprint_text(std::string_view(reinterpret_cast<const char*>(&value), sizeof value),
                            seed);
}

}  // namespace

std::uint64_t fingerprint_text(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::uint64_t fingerprint_files(const std::vector<std::string>& paths, std::uint64_t seed) {
    std::uint64_t hash = fingerprint_text("files", seed);
    for (const auto& path : paths) {
        hash = fingerprint_text(path, hash);
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) {
            hash = mix(hash, ~0ULL);
            continue;
        }
        hash = mix(hash, static_cast<std::uint64_t>(info.st_size));
        hash = mix(hash, static_cast<std::uint64_t>(info.st_mtim.tv_sec));
        hash = mix(hash, static_cast<std::uint64_t>(info.st_mtim.tv_nsec));
        hash = mix(hash, static_cast<std::uint64_t>(info.st_ino));
    }
    return hash;
}

std::uint64_t fingerprint_file_bytes(const std::vector<std::string>& paths, std::uint64_t seed) {
    std::uint64_t hash = fingerprint_text("bytes", seed);
    for (const auto& path : paths) {
        hash = fingerprint_text(path, hash);
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string text = bytes.str();
        hash = mix(hash, text.size());
        hash = fingerprint_text(text, hash);
    }
    return hash;
}

std::uint64_t fingerprint_program() {
    return fingerprint_files({"/proc/self/exe"}, fingerprint_text("rapportverk 0.1.0"));
}

}  // namespace rv::load
