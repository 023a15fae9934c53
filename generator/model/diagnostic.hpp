#pragma once
// A finding about the content: a stable code, a severity, where, and the values its
// message needs. The text itself comes from the message catalogue (generator/messages).
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace rv::model {

enum class Severity {
    warning,  // reported; does not block a build unless --strict
    error,    // blocks a build
    fatal,    // the content tree cannot be used at all
};

struct Diagnostic {
    std::string code;  // "RV001"
    Severity severity = Severity::error;
    SourceLocation at;
    std::vector<std::string> args;  // fills {0}, {1}, … in the catalogue's text
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diagnostics, bool strict) {
    for (const auto& d : diagnostics) {
        if (d.severity != Severity::warning || strict) {
            return true;
        }
    }
    return false;
}

}  // namespace rv::model
