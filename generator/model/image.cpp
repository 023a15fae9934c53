#include "model/image.hpp"

#include <cctype>
#include <filesystem>

namespace rv::model {

namespace {

bool has_scheme(const std::string& url) {
    const auto colon = url.find(':');
    if (colon == std::string::npos || colon == 0) {
        return false;
    }
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = url[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
        if (!ok) {
            return false;
        }
    }
    return true;
}

int hex_value(char c) {
    return std::isdigit(static_cast<unsigned char>(c))
               ? c - '0'
               : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

std::string percent_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() &&
            std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

std::string local_file(const std::string& root, const std::string& section_file,
                       const std::string& url) {
    if (url.empty() || has_scheme(url) || url.front() == '#' || url.front() == '/') {
        return "";
    }
    const std::string target = url.substr(0, url.find_first_of("?#"));
    if (target.empty()) {
        return "";
    }
    namespace fs = std::filesystem;
    const std::string relative = (fs::path(section_file).parent_path() / percent_decode(target))
                                     .lexically_normal()
                                     .lexically_relative(fs::path(root).lexically_normal())
                                     .generic_string();
    if (relative.empty() || relative == "." || relative.rfind("..", 0) == 0) {
        return "";
    }
    return relative;
}

const Image* find_image(const Images& images, const std::string& root,
                        const std::string& section_file, const std::string& url) {
    const std::string file = local_file(root, section_file, url);
    if (file.empty()) {
        return nullptr;
    }
    const auto found = images.find(file);
    return found == images.end() ? nullptr : &found->second;
}

}  // namespace rv::model
