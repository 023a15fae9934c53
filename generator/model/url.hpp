#pragma once
// Reading the addresses that content and pages link to: one rule for the whole program.
#include <string>
#include <string_view>

namespace rv::model {

// Whether `url` starts with a scheme ("https:", "mailto:", "data:"): a letter, then
// letters, digits, "+", "-" or ".", then ":".
bool has_url_scheme(std::string_view url);

// `text` with every "%XX" (two hex digits) replaced by its byte.
std::string percent_decode(const std::string& text);

}  // namespace rv::model
