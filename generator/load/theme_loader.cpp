#include "load/theme_loader.hpp"

#include "load/files.hpp"
#include "load/loaded_json.hpp"

namespace rv::load {

namespace fs = std::filesystem;

namespace {

constexpr int max_depth = 6;
constexpr std::size_t max_files = 2000;

void warn(model::Diagnostics& diagnostics, const std::string& code, const fs::path& path) {
    diagnostics.push_back({code, model::Severity::warning, {path.string(), 0, 0}, {}});
}

// Every regular file under `dir`, root-relative; links are not followed (RV017).
void list(const fs::path& root, const fs::path& dir, int depth, std::vector<fs::path>& files,
          model::Diagnostics& diagnostics) {
    std::error_code ec;
    for (const auto& entry : sorted_entries(dir)) {
        if (entry.is_symlink(ec)) {
            diagnostics.push_back(
                {"RV017", model::Severity::error, {entry.path().string(), 0, 0}, {}});
        } else if (entry.is_directory(ec)) {
            if (depth < max_depth && entry.path().filename() != "node_modules") {
                list(root, entry.path(), depth + 1, files, diagnostics);
            }
        } else if (entry.is_regular_file(ec) && files.size() < max_files) {
            files.push_back(entry.path().lexically_relative(root));
        }
    }
}

void read_texts(const fs::path& path, const SchemaValidator& validator, model::ThemeOverride& theme,
                model::Diagnostics& diagnostics) {
    const LoadedJson json =
        load_json_file(path, "theme-messages.schema.json", validator, diagnostics);
    theme.texts_file = path.string();
    if (!json.ok || !json.value.is_object()) {
        return;
    }
    theme.text_positions = json.positions;
    for (const auto& [key, value] : json.value.items()) {
        if (key.rfind("ui.", 0) != 0 || !value.is_object()) {
            continue;  // the schema has reported it
        }
        model::LocalizedText text;
        for (const auto& [language, field] : {std::pair{"nb", &model::LocalizedText::nb},
                                              std::pair{"nn", &model::LocalizedText::nn},
                                              std::pair{"en", &model::LocalizedText::en}}) {
            if (value.contains(language) && value[language].is_string()) {
                text.*field = value[language].get<std::string>();
            }
        }
        if (!text.empty()) {
            theme.texts.emplace(key, text);
        }
    }
}

}  // namespace

bool is_theme_file(const std::string& relative_path) {
    if (relative_path == "messages.json" || relative_path.rfind("assets/", 0) == 0) {
        return true;
    }
    const std::string prefix = "templates/";
    const std::string suffix = ".mustache";
    return relative_path.size() > prefix.size() + suffix.size() &&
           relative_path.rfind(prefix, 0) == 0 &&
           relative_path.find('/', prefix.size()) == std::string::npos &&
           relative_path.compare(relative_path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

model::ThemeOverride load_theme(const fs::path& dir, const SchemaValidator& validator,
                                model::Diagnostics& diagnostics) {
    model::ThemeOverride theme;
    theme.dir = dir.string();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diagnostics.push_back({"RV092", model::Severity::fatal, {dir.string(), 0, 0}, {}});
        return theme;
    }
    std::vector<fs::path> files;
    list(dir, dir, 0, files, diagnostics);
    for (const auto& relative : files) {
        const std::string name = relative.generic_string();
        const fs::path path = dir / relative;
        if (!is_theme_file(name)) {
            warn(diagnostics, "RV090", path);
        } else if (name == "messages.json") {
            read_texts(path, validator, theme, diagnostics);
        } else {
            FileText file = read_text_file(path, max_theme_file_bytes);
            if (!file.ok) {
                diagnostics.push_back(
                    {"RV003", model::Severity::error, {path.string(), 0, 0}, {"@" + file.error}});
                continue;
            }
            if (name.rfind("templates/", 0) == 0 && !is_valid_utf8(file.text)) {
                diagnostics.push_back({"RV004", model::Severity::error, {path.string(), 0, 0}, {}});
                continue;
            }
            theme.files.emplace(name, std::move(file.text));
        }
    }
    return theme;
}

}  // namespace rv::load
