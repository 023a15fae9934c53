#pragma once
// Reading and writing UTF-8 one code point at a time, for text the loader has already
// checked (the strict decoder that reports malformed input is load/utf8.hpp).
#include <string>
#include <string_view>

namespace rv::model {

// The next code point of UTF-8 text at `i` (advanced past it); U+FFFD for a bad byte.
char32_t next_code_point(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t c);

}  // namespace rv::model
