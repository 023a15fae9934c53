#include "load/files.hpp"

#include "load/utf8.hpp"

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
