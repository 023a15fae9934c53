#include "load/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "load/fingerprint.hpp"
#include "load/utf8.hpp"

namespace rv::load {

namespace {

// Why a file that could not be opened cannot be read: asked of stat only once the open failed.
FileText unopened(const std::filesystem::path& path, std::size_t max_bytes) {
    FileText out;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        out.error = "file.missing";
    } else if (!S_ISREG(info.st_mode)) {
        out.error = "file.not_regular";
    } else if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
        out.error = "file.too_large";
    } else {
        out.error = "file.unreadable";
    }
    return out;
}

// One open, one fstat and the reads: no stat of the path before it is opened. O_NONBLOCK: a pipe or
// a device is opened without waiting for a writer, and refused by the fstat before a byte is read.
// The stamp of the file (size, time, inode) from that fstat goes to the build's fingerprints
// (note_read), taken before its bytes are read.
}  // namespace

FileText read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        return unopened(path, max_bytes);
    }
    FileText out;
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        out.error = "file.unreadable";
    } else if (!S_ISREG(info.st_mode)) {
        out.error = "file.not_regular";
    } else if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
        out.error = "file.too_large";
    } else {
        note_read(path.string(), info);
        const auto size = static_cast<std::size_t>(info.st_size);
        out.text.resize(size);
        std::size_t done = 0;
        while (done < size) {
            const ssize_t got = ::read(fd, out.text.data() + done, size - done);
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got < 0) {
                out.error = "file.unreadable";
                break;
            }
            if (got == 0) {
                break;  // shorter than it was a moment ago: what is there
            }
            done += static_cast<std::size_t>(got);
        }
        out.text.resize(done);
        out.ok = out.error.empty();
        if (!out.ok) {
            out.text.clear();
        }
    }
    ::close(fd);
    return out;
}

std::vector<std::filesystem::directory_entry> sorted_entries(const std::filesystem::path& dir) {
    std::vector<std::filesystem::directory_entry> entries;
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) {
        return entries;
    }
    for (const auto end = std::filesystem::directory_iterator(); it != end; it.increment(ec)) {
        if (ec) {
            break;
        }
        entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.path().filename().string() < b.path().filename().string();
    });
    return entries;
}

std::size_t first_invalid_utf8(std::string_view text) {
    for (std::size_t i = skip_ascii(text, 0); i < text.size(); i = skip_ascii(text, i)) {
        const Utf8Char c = decode_utf8(text, i);
        if (c.length == 0) {
            return i;
        }
        i += c.length;
    }
    return std::string_view::npos;
}

}  // namespace rv::load
