#pragma once
// Reads a theme folder (a --theme DIR, or theme/ in the content folder): its templates,
// assets and messages.json, bounded and without following links out of the folder. The
// files are kept as bytes for the renderer; nothing here knows HTML.
#include <filesystem>

#include "load/schema_validator.hpp"
#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::load {

constexpr std::size_t max_theme_file_bytes = 4u << 20;  // 4 MiB per file

// Files a theme may hold: templates/<name>.mustache, anything under assets/, and
// messages.json; any other file gets the warning RV090 and is not used.
bool is_theme_file(const std::string& relative_path);

// RV092 (and no theme) when `dir` is not a readable folder.
model::ThemeOverride load_theme(const std::filesystem::path& dir, const SchemaValidator& validator,
                                model::Diagnostics& diagnostics);

}  // namespace rv::load
