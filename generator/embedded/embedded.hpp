#pragma once
// Files compiled into the program (schemas, message catalogue, default theme).
#include <string_view>
#include <vector>

namespace rv::embedded {

struct File {
    std::string_view path;  // relative to the embedded folder
    std::string_view contents;
};

const std::vector<File>& schemas();
const std::vector<File>& messages();
const std::vector<File>& default_theme();
// Designsystemet's CSS and theme tokens (npm), as assets/designsystemet*.css.
const std::vector<File>& default_theme_vendor();
// ICC profiles for PDF output intents: sRGB.icc (Debian's icc-profiles-free).
const std::vector<File>& icc_profiles();

// The contents of `path` in `files`, or an empty view when it is not there.
inline std::string_view find(const std::vector<File>& files, std::string_view path) {
    for (const auto& file : files) {
        if (file.path == path) {
            return file.contents;
        }
    }
    return {};
}

}  // namespace rv::embedded
