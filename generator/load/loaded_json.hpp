#pragma once
// Reads one JSON file of the content tree: file → syntax → duplicate keys → schema.
#include <filesystem>
#include <string>
#include <string_view>

#include "load/schema_validator.hpp"
#include "model/content.hpp"
#include "model/diagnostic.hpp"
#include "model/source_location.hpp"

namespace rv::load {

struct LoadedJson {
    bool ok = false;  // parsed (schema problems do not clear it)
    std::string file;
    nlohmann::json value;
    model::PositionMap positions;
};

LoadedJson load_json_file(const std::filesystem::path& path, const std::string& schema,
                          const SchemaValidator& validator, model::Diagnostics& diagnostics);

// Reads `path` as a Markdown section.
model::Section load_section(const std::filesystem::path& path, const std::string& id,
                            model::Diagnostics& diagnostics);

// The same from text already in memory (`file` names it in diagnostics): what the fuzz
// targets use to check one report without touching the disk.
LoadedJson load_json_text(std::string_view text, const std::string& file, const std::string& schema,
                          const SchemaValidator& validator, model::Diagnostics& diagnostics);
model::Section load_section_text(std::string_view text, const std::string& file,
                                 const std::string& id, model::Diagnostics& diagnostics);

}  // namespace rv::load
