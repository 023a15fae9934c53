#include "render/html/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace rv::render {

namespace {

// What a byte of a string needs: nothing, an escape, or a check of the UTF-8 sequence it
// starts (nlohmann copies valid sequences and replaces the rest).
enum ByteClass : unsigned char { plain = 0, escaped = 1, multibyte = 2 };

constexpr std::array<unsigned char, 256> make_classes() {
    std::array<unsigned char, 256> classes{};
    for (int byte = 0; byte < 256; ++byte) {
        classes[byte] = byte < 0x20 || byte == '"' || byte == '\\' ? escaped
                        : byte >= 0x80                             ? multibyte
                                                                   : plain;
    }
    return classes;
}

constexpr std::array<unsigned char, 256> byte_classes = make_classes();

// The length of the well-formed UTF-8 sequence at `at` (Unicode table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF; exactly what nlohmann's decoder accepts), or
// 0 when there is none.
std::size_t utf8_length(std::string_view text, std::size_t at) {
    const auto in = [&](std::size_t i, unsigned char low, unsigned char high) {
        if (i >= text.size()) {
            return false;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        return byte >= low && byte <= high;
    };
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead >= 0xC2 && lead <= 0xDF) {
        return in(at + 1, 0x80, 0xBF) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
        return in(at + 1, low, high) && in(at + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
        return in(at + 1, low, high) && in(at + 2, 0x80, 0xBF) && in(at + 3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

void append_escape(std::string& out, unsigned char byte) {
    switch (byte) {
        case '\b':
            out += "\\b";
            return;
        case '\t':
            out += "\\t";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\r':
            out += "\\r";
            return;
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        default: {
            // nlohmann writes the other control characters with printf's "\\u%04x".
            constexpr const char* hex = "0123456789abcdef";
            const char code[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xF]};
            out.append(code, sizeof code);
        }
    }
}

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

// The high bit of each byte of `word` that equals `c`.
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char c) {
    const std::uint64_t x = word ^ (ones * c);
    return (x - ones) & ~x & highs;
}

// The index of the first byte at or after `at` that is not plain (text.size() if none),
// eight bytes at a time: most texts are long runs of plain ASCII.
std::size_t next_special(std::string_view text, std::size_t at) {
    while (at + 8 <= text.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + at, sizeof word);
        // Bytes below 0x20 (a byte above one may be flagged too by a borrow: the byte loop
        // decides), bytes from 0x80, quotes and backslashes.
        const std::uint64_t special = ((((word - ones * 0x20) & ~word) | word) & highs) |
                                      bytes_equal(word, '"') | bytes_equal(word, '\\');
        if (special != 0) {
            break;
        }
        at += 8;
    }
    while (at < text.size() && byte_classes[static_cast<unsigned char>(text[at])] == plain) {
        ++at;
    }
    return at;
}

// Appends the escaped bytes of `value`; false, having appended part of it, when `value` is
// not valid UTF-8.
bool append_escaped_utf8(std::string& out, std::string_view value) {
    std::size_t pending = 0;  // the start of the bytes to copy as they are
    for (std::size_t i = next_special(value, 0); i < value.size(); i = next_special(value, i)) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte_classes[byte] == multibyte) {
            const std::size_t length = utf8_length(value, i);
            if (length == 0) {
                return false;
            }
            i += length;
            continue;
        }
        out.append(value.data() + pending, i - pending);
        append_escape(out, byte);
        pending = ++i;
    }
    out.append(value.data() + pending, value.size() - pending);
    return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
    const std::size_t start = out.size();
    out += '"';
    if (append_escaped_utf8(out, value)) {
        out += '"';
        return;
    }
    // Invalid UTF-8 is rare (the loader reads UTF-8): nlohmann's own replacement rules, which
    // back up over part of a broken sequence, are followed by letting nlohmann write it.
    out.resize(start);
    out += nlohmann::json(std::string(value))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonWriter::next_item() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (depth_ == 0) {
        return;
    }
    const std::uint64_t bit = std::uint64_t{1} << depth_;
    const bool first = (has_items_ & bit) == 0;
    has_items_ |= bit;
    line_break(depth_, !first);
}

void JsonWriter::line_break(int depth, bool comma) {
    // A comma, the line break and the indentation appended as one piece.
    static constexpr std::string_view pieces =
        ",\n                                                                ";
    const auto width = static_cast<std::size_t>(depth * indent_);
    const std::size_t from = comma ? 0 : 1;
    if (2 + width <= pieces.size()) {
        out_.append(pieces.data() + from, 2 + width - from);
    } else {
        out_.append(pieces.data() + from, 2 - from);
        out_.append(width, ' ');
    }
}

void JsonWriter::open(char bracket) {
    next_item();
    if (depth_ == 63) {
        throw std::logic_error("JsonWriter: nested too deep");
    }
    out_ += bracket;
    ++depth_;
    has_items_ &= ~(std::uint64_t{1} << depth_);
}

void JsonWriter::close(char bracket) {
    const bool had_items = (has_items_ & (std::uint64_t{1} << depth_)) != 0;
    --depth_;
    if (had_items) {
        line_break(depth_, false);
    }
    out_ += bracket;
}

void JsonWriter::key(JsonKey name) {
    next_item();
    out_ += '"';
    out_ += name.name();
    out_ += "\": ";
    after_key_ = true;
}

void JsonWriter::key_text(std::string_view name) {
    next_item();
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::null() {
    next_item();
    out_ += "null";
}

void JsonWriter::boolean(bool value) {
    next_item();
    out_ += value ? "true" : "false";
}

void JsonWriter::integer(long long value) {
    next_item();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
}

void JsonWriter::number(double value) {
    next_item();
    if (!std::isfinite(value)) {
        out_ += "null";
        return;
    }
    // nlohmann's own conversion (Grisu2, not always the shortest form, so std::to_chars could
    // differ), formatted as its serializer formats it.
    char buffer[64];
    char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
}

void JsonWriter::string(std::string_view value) {
    next_item();
    append_json_string(out_, value);
}

}  // namespace rv::render
