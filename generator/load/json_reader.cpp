#include "load/json_reader.hpp"

#include "load/utf8.hpp"
#include "model/utf8.hpp"

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <system_error>

namespace rv::load {

namespace {

// Appends "/" and `key` escaped as a JSON pointer token.
void append_token(std::string& pointer, std::string_view key) {
    pointer += '/';
    for (std::size_t start = 0;;) {
        const std::size_t special = key.find_first_of("~/", start);
        pointer.append(key, start,
                       special == std::string_view::npos ? key.size() - start : special - start);
        if (special == std::string_view::npos) {
            return;
        }
        pointer += key[special] == '~' ? "~0" : "~1";
        start = special + 1;
    }
}

}  // namespace

std::string pointer_append(const std::string& pointer, std::string_view key) {
    std::string out = pointer;
    append_token(out, key);
    return out;
}

namespace {

struct SyntaxError {
    std::string key;
    int line = 0;  // 0: where reading stopped
    int column = 0;
};

class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
            pos_ = 3;  // a byte-order mark is not part of the document
        }
    }

    JsonDocument read() {
        JsonDocument doc;
        try {
            skip_space();
            doc.value = value(0, doc);
            skip_space();
            if (pos_ < text_.size()) {
                throw SyntaxError{"json.trailing"};
            }
            doc.ok = true;
        } catch (const SyntaxError& error) {
            doc.ok = false;
            doc.error = error.key;
            doc.error_line = error.line != 0 ? error.line : line_;
            doc.error_column = error.line != 0 ? error.column : column_;
            doc.value = nullptr;
        }
        doc.positions.finish();
        return doc;
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
    std::string pointer_;  // of the value being read: one buffer, grown and cut back

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    // Moves one byte; columns advance on the first byte of each UTF-8 character.
    void advance() {
        const auto c = static_cast<unsigned char>(text_[pos_]);
        ++pos_;
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column_;
        }
    }

    void skip_space() {
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else {
                break;
            }
        }
    }

    void expect(char c, const char* key) {
        if (peek() != c || at_end()) {
            throw SyntaxError{at_end() ? "json.unexpected_end" : key};
        }
        advance();
    }

    void record(JsonDocument& doc, int line, int column, const nlohmann::json& v) {
        const bool empty = v.is_null() ||
                           (v.is_string() && v.get_ref<const std::string&>().empty()) ||
                           ((v.is_array() || v.is_object()) && v.empty());
        doc.positions.add(pointer_, {line, column, empty});
    }

    // The value at pointer_.
    nlohmann::json value(int depth, JsonDocument& doc) {
        if (depth >= max_json_depth) {  // depth counts from 0: at most max_json_depth levels
            throw SyntaxError{"json.too_deep"};
        }
        const int line = line_;
        const int column = column_;
        nlohmann::json v;
        if (at_end()) {
            throw SyntaxError{"json.unexpected_end"};
        }
        switch (peek()) {
            case '{':
                v = object(depth, doc);
                break;
            case '[':
                v = array(depth, doc);
                break;
            case '"':
                v = string();
                break;
            case 't':
                literal("true");
                v = true;
                break;
            case 'f':
                literal("false");
                v = false;
                break;
            case 'n':
                literal("null");
                v = nullptr;
                break;
            default:
                v = number();
                break;
        }
        record(doc, line, column, v);
        return v;
    }

    nlohmann::json object(int depth, JsonDocument& doc) {
        nlohmann::json out = nlohmann::json::object();
        auto& members = out.get_ref<nlohmann::json::object_t&>();
        advance();  // {
        skip_space();
        if (peek() == '}' && !at_end()) {
            advance();
            return out;
        }
        const std::size_t own = pointer_.size();
        while (true) {
            skip_space();
            const int key_line = line_;
            const int key_column = column_;
            if (peek() != '"' || at_end()) {
                throw SyntaxError{at_end() ? "json.unexpected_end" : "json.expected_key"};
            }
            std::string key = string();
            skip_space();
            expect(':', "json.expected_colon");
            skip_space();
            append_token(pointer_, key);
            const auto [member, added] = members.try_emplace(std::move(key));
            if (!added) {  // the last one wins
                doc.duplicates.push_back({member->first, pointer_, key_line, key_column});
            }
            member->second = value(depth + 1, doc);
            pointer_.resize(own);
            skip_space();
            if (peek() == ',' && !at_end()) {
                advance();
                continue;
            }
            expect('}', "json.expected_comma_or_brace");
            return out;
        }
    }

    nlohmann::json array(int depth, JsonDocument& doc) {
        nlohmann::json out = nlohmann::json::array();
        auto& elements = out.get_ref<nlohmann::json::array_t&>();
        advance();  // [
        skip_space();
        if (peek() == ']' && !at_end()) {
            advance();
            return out;
        }
        const std::size_t own = pointer_.size();
        char index[24];
        while (true) {
            skip_space();
            const auto printed = std::to_chars(index, index + sizeof index, elements.size());
            pointer_ += '/';
            pointer_.append(index, printed.ptr);
            elements.push_back(value(depth + 1, doc));
            pointer_.resize(own);
            skip_space();
            if (peek() == ',' && !at_end()) {
                advance();
                continue;
            }
            expect(']', "json.expected_comma_or_bracket");
            return out;
        }
    }

    void literal(std::string_view word) {
        for (char c : word) {
            if (peek() != c || at_end()) {
                throw SyntaxError{"json.unexpected_character"};
            }
            advance();
        }
    }

    nlohmann::json number() {
        const std::size_t start = pos_;
        const int start_line = line_;
        const int start_column = column_;
        bool is_float = false;
        if (peek() == '-') {
            advance();
        }
        if (peek() == '0') {
            advance();
            if (peek() >= '0' && peek() <= '9' && !at_end()) {
                throw SyntaxError{"json.bad_number", start_line, start_column};  // leading zero
            }
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9' && !at_end()) {
                advance();
            }
        } else {
            throw SyntaxError{at_end() ? "json.unexpected_end" : "json.unexpected_character"};
        }
        if (peek() == '.') {
            is_float = true;
            advance();
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            is_float = true;
            advance();
            if (peek() == '+' || peek() == '-') {
                advance();
            }
            digits();
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (!is_float) {
            std::int64_t n = 0;
            if (std::from_chars(first, last, n).ec == std::errc{}) {
                return n;
            }  // too large for 64 bits: a double
        }
        double d = 0;
        if (std::from_chars(first, last, d).ec != std::errc{}) {  // out of range: as strtod
            d = std::strtod(std::string(first, last).c_str(), nullptr);
        }
        if (d == std::numeric_limits<double>::infinity() ||
            d == -std::numeric_limits<double>::infinity()) {
            throw SyntaxError{"json.number_out_of_range", start_line, start_column};
        }
        return d;
    }

    void digits() {
        if (!(peek() >= '0' && peek() <= '9') || at_end()) {
            throw SyntaxError{"json.bad_number"};
        }
        while (peek() >= '0' && peek() <= '9' && !at_end()) {
            advance();
        }
    }

    std::uint32_t hex4() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = peek();
            if (at_end()) {
                throw SyntaxError{"json.unexpected_end"};
            }
            v <<= 4;
            if (c >= '0' && c <= '9') {
                v |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                throw SyntaxError{"json.bad_escape"};
            }
            advance();
        }
        return v;
    }

    void escape(std::string& out) {
        advance();  // backslash
        if (at_end()) {
            throw SyntaxError{"json.unexpected_end"};
        }
        const char c = peek();
        switch (c) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                advance();
                std::uint32_t cp = hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (peek() != '\\') {
                        throw SyntaxError{"json.bad_escape"};
                    }
                    advance();
                    if (peek() != 'u') {
                        throw SyntaxError{"json.bad_escape"};
                    }
                    advance();
                    const std::uint32_t low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF) {
                        throw SyntaxError{"json.bad_escape"};
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    throw SyntaxError{"json.bad_escape"};
                }
                model::append_utf8(out, cp);
                return;
            }
            default:
                throw SyntaxError{"json.bad_escape"};
        }
        advance();
    }

    // Copies one UTF-8 encoded character, checking that it is well-formed.
    void utf8_character(std::string& out) {
        const Utf8Char c = decode_utf8(text_, pos_);
        if (c.length == 0) {
            throw SyntaxError{"json.invalid_utf8"};
        }
        for (std::size_t i = 0; i < c.length; ++i) {
            out += text_[pos_];
            advance();
        }
    }

    std::string string() {
        advance();  // opening quote
        std::string out;
        while (true) {
            // A run of printable ASCII but quote and backslash (most of any string): copied at
            // once, one column per byte.
            std::size_t end = pos_;
            while (end < text_.size()) {
                const auto b = static_cast<unsigned char>(text_[end]);
                if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') {
                    break;
                }
                ++end;
            }
            out.append(text_, pos_, end - pos_);
            column_ += static_cast<int>(end - pos_);
            pos_ = end;
            if (at_end()) {
                throw SyntaxError{"json.unterminated_string"};
            }
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                advance();
                return out;
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20) {
                throw SyntaxError{c == '\n' ? "json.unterminated_string"
                                            : "json.control_character"};
            } else {
                utf8_character(out);
            }
        }
    }
};

}  // namespace

JsonDocument read_json(std::string_view text) {
    return Reader(text).read();
}

}  // namespace rv::load
