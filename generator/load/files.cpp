#include "load/files.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace rv::load {

FileText read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
    FileText out;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        out.error = "file.missing";
        return out;
    }
    if (!std::filesystem::is_regular_file(status)) {
        out.error = "file.not_regular";
        return out;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        out.error = "file.unreadable";
        return out;
    }
    if (size > max_bytes) {
        out.error = "file.too_large";
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = "file.unreadable";
        return out;
    }
    out.text.resize(static_cast<std::size_t>(size));
    in.read(out.text.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::size_t>(in.gcount()) != size) {
        out.text.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        out.error = "file.unreadable";
        return out;
    }
    out.ok = true;
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
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + static_cast<std::size_t>(extra) >= text.size()) {
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (next & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return i;
        }
        i += static_cast<std::size_t>(extra) + 1;
    }
    return std::string_view::npos;
}

}  // namespace rv::load
