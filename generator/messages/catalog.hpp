#pragma once
// The one message catalogue: every text a user sees, in bokmål (nb) and English (en),
// from messages/catalog.json compiled into the program.
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace rv::messages {

// The text of `key` in `language` ("nb" or "en"; anything else reads as nb), with {0},
// {1}, … replaced by `args`. An argument that starts with '@' is itself a catalogue key.
// "{N?}" keeps the rest of the text only when argument N is not empty.
std::string text(const std::string& key, const std::string& language,
                 const std::vector<std::string>& args = {});

bool has(const std::string& key, const std::string& language);

// "1 rapport", "2 rapporter": the text of `key`.one or `key`.other with `n` as {0}.
std::string counted(const std::string& key, long long n, const std::string& language);

// Every key of the catalogue.
std::vector<std::string> keys();

// "path:line:col: error: RV001: text" (line and column left out when unknown; control
// characters from names and quoted values written as \xNN, so a finding stays one line).
std::string format(const model::Diagnostic& diagnostic, const std::string& language);

// The severity word of a diagnostic in `language`.
std::string severity_word(model::Severity severity, const std::string& language);

}  // namespace rv::messages
