#include "render/html/site_url.hpp"

namespace rv::render {

namespace {

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '/';
}

std::string percent_encoded(const std::string& path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::string page_url(const model::Site& site, const std::string& page_path) {
    std::string base = site.base_url;
    if (base.empty() || base.back() != '/') {
        base += '/';
    }
    std::string path = page_path;
    const std::string index = "index.html";
    if (path == index || (path.size() > index.size() &&
                          path.compare(path.size() - index.size(), index.size(), index) == 0 &&
                          path[path.size() - index.size() - 1] == '/')) {
        path.erase(path.size() - index.size());
    }
    return base + percent_encoded(path);
}

std::string xml_text(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\t' || c == '\n' || c == '\r') {
            out += attribute ? ' ' : static_cast<char>(c);
        } else if (c < 0x20) {
            continue;
        } else if (c == 0xEF && i + 2 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                    static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
            i += 2;  // U+FFFE or U+FFFF
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace rv::render
