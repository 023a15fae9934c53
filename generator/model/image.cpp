#include "model/image.hpp"

#include <cctype>
#include <filesystem>

#include "model/url.hpp"

namespace rv::model {

std::string local_file(const std::string& root, const std::string& section_file,
                       const std::string& url) {
    if (url.empty() || has_url_scheme(url) || url.front() == '#' || url.front() == '/') {
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
