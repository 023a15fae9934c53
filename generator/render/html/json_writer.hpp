#pragma once
// A JSON writer that appends to a string the very bytes nlohmann's serializer writes with
// dump(indent, ' ', false, error_handler_t::replace) for the same values in the same order,
// without building a tree first: the open data file has tens of thousands of small objects,
// and building then dumping them cost ten times more than writing them.
#include <cstdint>
#include <string>
#include <string_view>

namespace rv::render {

// The name of a member written in the program: checked when compiled to need no escaping
// (printable ASCII but " and \), so that it is written as it is.
class JsonKey {
  public:
    consteval JsonKey(const char* name) : name_(name) {  // NOLINT: implicit from a literal
        for (const char* c = name; *c != '\0'; ++c) {
            if (*c < 0x20 || *c > 0x7e || *c == '"' || *c == '\\') {
                throw "a JsonKey is written as it is: it cannot hold what JSON escapes";
            }
        }
    }
    std::string_view name() const { return name_; }

  private:
    std::string_view name_;
};

class JsonWriter {
  public:
    // `indent` spaces per level of nesting, as dump(indent) writes.
    explicit JsonWriter(std::string& out, int indent = 2) : out_(out), indent_(indent) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // The name of the next member of the object open at the top; its value follows.
    void key(JsonKey name);
    // The same for a name only known when the program runs, escaped.
    void key_text(std::string_view name);

    void null();
    void boolean(bool value);
    void integer(long long value);
    // A number_float as nlohmann writes it: its Grisu2 digits ("0.5", "1e+20", "-0.0"), and
    // "null" when not finite.
    void number(double value);
    void string(std::string_view value);

  private:
    void open(char bracket);
    void close(char bracket);
    // The separator and indentation before an element or a member.
    void next_item();
    // A line break (after a comma or not) and the indentation of `depth`.
    void line_break(int depth, bool comma);

    std::string& out_;
    int indent_;
    int depth_ = 0;
    std::uint64_t has_items_ = 0;  // bit d: the container at depth d has an item already
    bool after_key_ = false;
};

// `value` as a quoted JSON string, escaped as nlohmann's serializer escapes it with
// ensure_ascii false and error_handler_t::replace: " \ and control characters escaped, valid
// UTF-8 as it is, anything invalid replaced with U+FFFD.
void append_json_string(std::string& out, std::string_view value);

}  // namespace rv::render
