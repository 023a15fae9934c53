#pragma once
// JSON text → nlohmann::json plus the line and column of every value, keyed by JSON
// pointer. Strict RFC 8259 (no comments, no trailing commas), UTF-8 checked, nesting
// bounded, duplicate keys reported (the last one wins, as in most readers).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/source_location.hpp"

namespace rv::load {

struct DuplicateKey {
    std::string key;      // the repeated key as written
    std::string pointer;  // the repeated member
    int line = 0;
    int column = 0;
};

struct JsonDocument {
    bool ok = false;
    nlohmann::json value;
    model::PositionMap positions;
    std::vector<DuplicateKey> duplicates;
    // When !ok: where reading stopped and why (a message catalogue key, "json.…").
    int error_line = 0;
    int error_column = 0;
    std::string error;
};

constexpr int max_json_depth = 128;

JsonDocument read_json(std::string_view text);

// "/a/b~1c" for the keys {"a", "b/c"}.
std::string pointer_append(const std::string& pointer, std::string_view key);

}  // namespace rv::load
