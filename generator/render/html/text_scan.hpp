#pragma once
// Finding the next byte that HTML output must treat specially, eight bytes at a time: most
// text has none for dozens of bytes.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace rv::render {

// The index of the first byte at or after `at` that is a control character (below 0x20, or
// 0x7F) or one of & < > " ' (text.size() if none).
inline std::size_t skip_plain_html(std::string_view text, std::size_t at) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_byte = [](std::uint64_t word, unsigned char c) {
        const std::uint64_t x = word ^ (ones * c);
        return (x - ones) & ~x & highs;
    };
    while (at + 8 <= text.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + at, sizeof word);
        const std::uint64_t special =
            ((word - ones * 0x20) & ~word & highs) | has_byte(word, 0x7F) | has_byte(word, '&') |
            has_byte(word, '<') | has_byte(word, '>') | has_byte(word, '"') | has_byte(word, '\'');
        if (special != 0) {
            break;
        }
        at += 8;
    }
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x20 || c == 0x7F || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
            break;
        }
        ++at;
    }
    return at;
}

}  // namespace rv::render
