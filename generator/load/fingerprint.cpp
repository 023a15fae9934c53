#include "load/fingerprint.hpp"

#include <sys/stat.h>

#include <fstream>
#include <mutex>
#include <sstream>

namespace rv::load {

namespace {

std::uint64_t mix(std::uint64_t seed, std::uint64_t value) {
    return fingerprint_text(std::string_view(reinterpret_cast<const char*>(&value), sizeof value),
                            seed);
}

std::optional<FileStamp> stat_stamp(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return stamp_of(info);
}

std::uint64_t mix_file(std::uint64_t hash, const std::string& path,
                       const std::optional<FileStamp>& stamp) {
    hash = fingerprint_text(path, hash);
    if (!stamp) {
        return mix(hash, ~0ULL);
    }
    hash = mix(hash, stamp->size);
    hash = mix(hash, stamp->seconds);
    hash = mix(hash, stamp->nanoseconds);
    return mix(hash, stamp->inode);
}

// The open book (at most one) and its stamps are guarded by this one lock.
std::mutex book_mutex;
StampBook* open_book = nullptr;

}  // namespace

FileStamp stamp_of(const struct stat& info) {
    return {
        static_cast<std::uint64_t>(info.st_size), static_cast<std::uint64_t>(info.st_mtim.tv_sec),
        static_cast<std::uint64_t>(info.st_mtim.tv_nsec), static_cast<std::uint64_t>(info.st_ino)};
}

StampBook::StampBook() {
    const std::lock_guard lock(book_mutex);
    if (open_book == nullptr) {
        open_book = this;
        open_ = true;
    }
}

StampBook::~StampBook() {
    const std::lock_guard lock(book_mutex);
    if (open_book == this) {
        open_book = nullptr;
    }
}

void StampBook::note_now(const std::string& path) {
    {
        const std::lock_guard lock(book_mutex);
        if (!open_ || stamps_.count(path) != 0) {
            return;
        }
    }
    const std::optional<FileStamp> stamp = stat_stamp(path);
    const std::lock_guard lock(book_mutex);
    stamps_.try_emplace(path, stamp);  // a read on another thread may have noted it first
}

std::uint64_t StampBook::fingerprint(const std::vector<std::string>& paths,
                                     std::uint64_t seed) const {
    std::vector<std::optional<FileStamp>> stamps(paths.size());
    std::vector<bool> noted(paths.size(), false);
    {
        const std::lock_guard lock(book_mutex);
        for (std::size_t i = 0; i < paths.size() && open_; ++i) {
            if (const auto found = stamps_.find(paths[i]); found != stamps_.end()) {
                stamps[i] = found->second;
                noted[i] = true;
            }
        }
    }
    std::uint64_t hash = fingerprint_text("files", seed);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        hash = mix_file(hash, paths[i], noted[i] ? stamps[i] : stat_stamp(paths[i]));
    }
    return hash;
}

void StampBook::forget(const std::vector<std::string>& paths) {
    const std::lock_guard lock(book_mutex);
    for (const auto& path : paths) {
        if (const auto found = stamps_.find(path); found != stamps_.end()) {
            stamps_.erase(found);
        }
    }
}

void note_read(const std::string& path, const struct stat& info) {
    const std::lock_guard lock(book_mutex);
    if (open_book != nullptr) {
        open_book->stamps_.try_emplace(path, stamp_of(info));
    }
}

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
        hash = mix_file(hash, path, stat_stamp(path));
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
