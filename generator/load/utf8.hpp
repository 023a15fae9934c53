#pragma once
// Decoding one UTF-8 character, strictly (no overlong forms, no surrogates, ≤ U+10FFFF).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace rv::load {

struct Utf8Char {
    std::uint32_t code_point = 0;
    std::size_t length = 0;  // 0: malformed
};

inline Utf8Char decode_utf8(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (lead < 0x80) {
        return {lead, 1};
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        return {};
    }
    if (at + extra >= text.size()) {
        return {};
    }
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0) != 0x80) {
            return {};
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return {};
    }
    return {cp, extra + 1};
}

// The index of the first byte at or after `at` that is not ASCII (text.size() if none),
// skipping eight bytes at a time: nearly all of a Norwegian text is ASCII.
inline std::size_t skip_ascii(std::string_view text, std::size_t at) {
    while (at + 8 <= text.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + at, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) {
            break;
        }
        at += 8;
    }
    while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) {
        ++at;
    }
    return at;
}

}  // namespace rv::load
