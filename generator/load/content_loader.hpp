#pragma once
// Reads a content tree (DESIGN §3) into the model. Reports what it cannot read as
// diagnostics: syntax and schema errors, missing files, misplaced folders.
#include <filesystem>

#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::load {

struct LoadResult {
    model::Content content;
    model::Diagnostics diagnostics;
    bool usable = false;  // false: the tree cannot be checked further (exit code 2)
};

// `theme_dir`: a theme folder (--theme) to read before the content's own theme/.
LoadResult load_content(const std::filesystem::path& root,
                        const std::filesystem::path& theme_dir = {});

}  // namespace rv::load
