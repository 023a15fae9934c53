#pragma once
// Where a value came from: file, 1-based line and column (columns count characters).
#include <string>
#include <unordered_map>

namespace rv::model {

struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// Position of one JSON value inside its file.
struct ValuePosition {
    int line = 0;
    int column = 0;
    bool empty = false;  // an empty string, array or object, or null
};

// Every value of a JSON file, keyed by its JSON pointer ("" is the root, "/a/0/b").
using PositionMap = std::unordered_map<std::string, ValuePosition>;

// The location of the value at `pointer`, or of its nearest parent that has one.
SourceLocation locate(const std::string& file, const PositionMap& positions, std::string pointer);

}  // namespace rv::model
