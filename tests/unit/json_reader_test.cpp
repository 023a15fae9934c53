// Tests for rv::load::read_json: positions of values by JSON pointer (1-based lines, columns
// counting characters), the `empty` flag, every syntax error with where reading stopped,
// nesting limits, BOM, CRLF, duplicate keys and large numbers.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "load/json_reader.hpp"

using rv::load::JsonDocument;
using rv::load::read_json;

namespace {

struct Where {
    int line = 0;
    int column = 0;
};

// The position recorded for `pointer`; fails the test when there is none.
Where position(const JsonDocument& doc, const std::string& pointer) {
    const auto found = doc.positions.find(pointer);
    REQUIRE_MESSAGE(found != doc.positions.end(), "no position for " << pointer);
    return {found->second.line, found->second.column};
}

bool is_empty(const JsonDocument& doc, const std::string& pointer) {
    const auto found = doc.positions.find(pointer);
    REQUIRE_MESSAGE(found != doc.positions.end(), "no position for " << pointer);
    return found->second.empty;
}

// Reads `text`, which must fail with `key` at `line`:`column`.
void check_error(const std::string& text, const std::string& key, int line, int column) {
    CAPTURE(text);
    const JsonDocument doc = read_json(text);
    CHECK_FALSE(doc.ok);
    CHECK(doc.error == key);
    CHECK(doc.error_line == line);
    CHECK(doc.error_column == column);
    CHECK(doc.value.is_null());
}

}  // namespace

TEST_CASE("json: values of a nested document have their line and column") {
    const std::string text =
        "{\n"
        "  \"service\": \"bensarkom\",\n"
        "  \"patients\": {\n"
        "    \"new_treated\": { \"helse-vest\": 5, \"helse-nord\": 2 },\n"
        "    \"total_treated\": 7\n"
        "  },\n"
        "  \"staff\": [\n"
        "    { \"specialty\": \"Ortopedi\", \"count\": 4 },\n"
        "    [true, false, null]\n"
        "  ]\n"
        "}\n";
    const JsonDocument doc = read_json(text);
    REQUIRE(doc.ok);
    CHECK(doc.error.empty());
    CHECK(doc.value["patients"]["total_treated"] == 7);

    const Where root = position(doc, "");
    CHECK(root.line == 1);
    CHECK(root.column == 1);
    const Where service = position(doc, "/service");
    CHECK(service.line == 2);
    CHECK(service.column == 14);
    const Where patients = position(doc, "/patients");
    CHECK(patients.line == 3);
    CHECK(patients.column == 15);
    const Where vest = position(doc, "/patients/new_treated/helse-vest");
    CHECK(vest.line == 4);
    CHECK(vest.column == 36);
    const Where nord = position(doc, "/patients/new_treated/helse-nord");
    CHECK(nord.line == 4);
    CHECK(nord.column == 53);
    const Where total = position(doc, "/patients/total_treated");
    CHECK(total.line == 5);
    CHECK(total.column == 22);
    const Where staff = position(doc, "/staff");
    CHECK(staff.line == 7);
    CHECK(staff.column == 12);
    const Where count = position(doc, "/staff/0/count");
    CHECK(count.line == 8);
    CHECK(count.column == 41);
    const Where element = position(doc, "/staff/1");
    CHECK(element.line == 9);
    CHECK(element.column == 5);
    const Where null_value = position(doc, "/staff/1/2");
    CHECK(null_value.line == 9);
    CHECK(null_value.column == 19);
    // Every value has a position, and nothing else does.
    CHECK(doc.positions.size() == 15);
}

TEST_CASE("json: columns count characters, not bytes") {
    // æ, ø and å are two bytes each, the emoji four; each is one column.
    const JsonDocument doc = read_json("{\"blåbær\": \"æøå\", \"x\": 1, \"🙂\": [2]}");
    REQUIRE(doc.ok);
    CHECK(position(doc, "/blåbær").column == 12);
    CHECK(position(doc, "/x").column == 24);
    CHECK(position(doc, "/🙂").column == 32);
    CHECK(position(doc, "/🙂/0").column == 33);
    CHECK(doc.value["blåbær"] == "æøå");

    // The same holds for error positions after non-ASCII text.
    check_error("{\"ærlig\": \"øy\" \"å\": 1}", "json.expected_comma_or_brace", 1, 16);
}

TEST_CASE("json: keys with ~ and / are escaped in pointers") {
    const JsonDocument doc = read_json(R"({"a/b": 1, "c~d": {"e~/f": 2}, "~1": 3, "": 4})");
    REQUIRE(doc.ok);
    CHECK(position(doc, "/a~1b").column == 9);
    CHECK(position(doc, "/c~0d/e~0~1f").column == 28);
    CHECK(position(doc, "/~01").column == 38);
    CHECK(position(doc, "/").column == 45);  // the empty key
    CHECK(doc.positions.count("/a/b") == 0);
    CHECK(doc.positions.count("/c~d") == 0);
    CHECK(rv::load::pointer_append("/x", "b/c~") == "/x/b~1c~0");
}

TEST_CASE("json: the empty flag marks null and empty strings, lists and objects") {
    const JsonDocument doc = read_json(
        R"({"s": "", "a": [], "o": {}, "n": null, "zero": 0, "no": false, "space": " ", "list": [0], "obj": {"k": ""}})");
    REQUIRE(doc.ok);
    CHECK(is_empty(doc, "/s"));
    CHECK(is_empty(doc, "/a"));
    CHECK(is_empty(doc, "/o"));
    CHECK(is_empty(doc, "/n"));
    CHECK_FALSE(is_empty(doc, "/zero"));
    CHECK_FALSE(is_empty(doc, "/no"));
    CHECK_FALSE(is_empty(doc, "/space"));
    CHECK_FALSE(is_empty(doc, "/list"));
    CHECK_FALSE(is_empty(doc, "/obj"));
    CHECK(is_empty(doc, "/obj/k"));
    CHECK_FALSE(is_empty(doc, ""));
}

TEST_CASE("json: a trailing comma stops reading at the closing bracket") {
    check_error("{\n  \"a\": 1,\n}", "json.expected_key", 3, 1);
    check_error("[1, 2, ]", "json.unexpected_character", 1, 8);
}

TEST_CASE("json: structural errors name what is missing and where") {
    check_error("{\"a\" 1}", "json.expected_colon", 1, 6);
    check_error("{\"a\": 1 \"b\": 2}", "json.expected_comma_or_brace", 1, 9);
    check_error("[1 2]", "json.expected_comma_or_bracket", 1, 4);
    check_error("{a: 1}", "json.expected_key", 1, 2);
    check_error("{\"a\": 1, 'b': 2}", "json.expected_key", 1, 10);
    check_error("{\"a\": tru}", "json.unexpected_character", 1, 10);
    check_error("// comment\n{}", "json.unexpected_character", 1, 1);
    check_error("", "json.unexpected_end", 1, 1);
    check_error("  \n ", "json.unexpected_end", 2, 2);
    check_error("{\"a\": [1, 2", "json.unexpected_end", 1, 12);
    check_error("{\"a\":", "json.unexpected_end", 1, 6);
}

TEST_CASE("json: unterminated strings") {
    check_error("{\"a\": \"abc", "json.unterminated_string", 1, 11);
    // A line break inside a string: reading stops at the end of that line.
    check_error("{\"a\": \"abc\n\"}", "json.unterminated_string", 1, 11);
    check_error("{\"a\": \"æøå", "json.unterminated_string", 1, 11);
}

TEST_CASE("json: bad escapes stop at the escape") {
    check_error(R"(["ok", "a\x"])", "json.bad_escape", 1, 11);
    check_error(R"(["\u12G4"])", "json.bad_escape", 1, 7);
    check_error(R"(["\uDC00"])", "json.bad_escape", 1, 9);         // lone low surrogate
    check_error(R"(["\uD800x"])", "json.bad_escape", 1, 9);        // high surrogate alone
    check_error(R"(["\uD800\u0041"])", "json.bad_escape", 1, 15);  // not a low surrogate
    const JsonDocument doc = read_json(R"(["\u00e6\/\n\"\\\uD83D\uDE42"])");
    REQUIRE(doc.ok);
    CHECK(doc.value[0] == "æ/\n\"\\🙂");
}

TEST_CASE("json: invalid UTF-8 stops at the bad byte") {
    check_error("[\"ab\xFF\"]", "json.invalid_utf8", 1, 5);
    check_error("[\"a\xC3(\"]", "json.invalid_utf8", 1, 4);            // missing continuation
    check_error("[\"\xC0\xAF\"]", "json.invalid_utf8", 1, 3);          // overlong
    check_error("[\"\xED\xA0\x80\"]", "json.invalid_utf8", 1, 3);      // encoded surrogate
    check_error("[\"\xF4\x90\x80\x80\"]", "json.invalid_utf8", 1, 3);  // above U+10FFFF
    check_error("\n [\"æ\x80\"]", "json.invalid_utf8", 2, 5);          // stray continuation
    check_error("[\"\xE2\x82", "json.invalid_utf8", 1, 3);             // cut off at the end
}

TEST_CASE("json: control characters in strings must be escaped") {
    check_error("{\"a\": \"x\ty\"}", "json.control_character", 1, 9);
    check_error(std::string("[\"a\0b\"]", 7), "json.control_character", 1, 4);
    check_error("[\"\x1F\"]", "json.control_character", 1, 3);
}

TEST_CASE("json: malformed numbers") {
    check_error("[1.]", "json.bad_number", 1, 4);
    check_error("[1e]", "json.bad_number", 1, 4);
    check_error("[1e+]", "json.bad_number", 1, 5);
    check_error("[-]", "json.unexpected_character", 1, 3);
    check_error("[+1]", "json.unexpected_character", 1, 2);
    check_error("[.5]", "json.unexpected_character", 1, 2);
    check_error("-", "json.unexpected_end", 1, 2);

    // A leading zero is a bad number, reported at the number's start.
    for (const std::string text : {"{\"a\": 012}", "[012]", "012"}) {
        CAPTURE(text);
        const JsonDocument doc = read_json(text);
        CHECK_FALSE(doc.ok);
        CHECK(doc.error == "json.bad_number");
        CHECK(doc.error_line == 1);
        CHECK(doc.error_column == static_cast<int>(text.find("012")) + 1);
    }

    // Too large for a double: the position points at the number's start.
    const JsonDocument huge = read_json("{\"a\": 1e400}");
    CHECK_FALSE(huge.ok);
    CHECK(huge.error == "json.number_out_of_range");
    CHECK(huge.error_line == 1);
    CHECK(huge.error_column == 7);
    CHECK_FALSE(read_json("[-1e400]").ok);
}

TEST_CASE("json: text after the document") {
    check_error("{} x", "json.trailing", 1, 4);
    check_error("{}\n{}", "json.trailing", 2, 1);
    check_error("1 2", "json.trailing", 1, 3);
    CHECK(read_json(" \t\r\n{} \r\n\t").ok);
}

TEST_CASE("json: nesting is bounded") {
    const auto nested = [](int levels, char open, char close) {
        return std::string(static_cast<std::size_t>(levels), open) +
               std::string(static_cast<std::size_t>(levels), close);
    };
    // max_json_depth levels of containers are read.
    const JsonDocument deepest = read_json(nested(rv::load::max_json_depth, '[', ']'));
    CHECK(deepest.ok);

    // One more level is refused where the extra level begins ("more than 128 levels").
    check_error(nested(rv::load::max_json_depth + 1, '[', ']'), "json.too_deep", 1,
                rv::load::max_json_depth + 1);

    // Nested objects count the same way.
    std::string objects;
    for (int i = 0; i < 300; ++i) {
        objects += "{\"a\":";
    }
    const JsonDocument deep_objects = read_json(objects);
    CHECK_FALSE(deep_objects.ok);
    CHECK(deep_objects.error == "json.too_deep");

    // 100 000 opening brackets must not exhaust the stack.
    const std::string brackets(100000, '[');
    const JsonDocument huge = read_json(brackets);
    CHECK_FALSE(huge.ok);
    CHECK(huge.error == "json.too_deep");
    CHECK(huge.error_line == 1);
    CHECK(huge.error_column <= rv::load::max_json_depth + 2);
    CHECK(huge.error_column > rv::load::max_json_depth);
}

TEST_CASE("json: a byte-order mark is skipped and does not shift columns") {
    const JsonDocument doc = read_json("\xEF\xBB\xBF{\"a\": 1}");
    REQUIRE(doc.ok);
    CHECK(position(doc, "").column == 1);
    CHECK(position(doc, "/a").column == 7);
    check_error("\xEF\xBB\xBF{\"a\" 1}", "json.expected_colon", 1, 6);
    // A BOM anywhere else is not white space.
    CHECK_FALSE(read_json("{}\xEF\xBB\xBF").ok);
}

TEST_CASE("json: CRLF line ends count one line each") {
    const std::string text = "{\r\n  \"a\": 1,\r\n\r\n  \"b\": [\r\n    2\r\n  ]\r\n}\r\n";
    const JsonDocument doc = read_json(text);
    REQUIRE(doc.ok);
    CHECK(position(doc, "/a").line == 2);
    CHECK(position(doc, "/a").column == 8);
    CHECK(position(doc, "/b").line == 4);
    CHECK(position(doc, "/b").column == 8);
    CHECK(position(doc, "/b/0").line == 5);
    CHECK(position(doc, "/b/0").column == 5);
    check_error("{\r\n  \"a\": 1\r\n  \"b\": 2\r\n}", "json.expected_comma_or_brace", 3, 3);
}

TEST_CASE("json: duplicate keys are reported where the repeated key stands") {
    const std::string text =
        "{\n"
        "  \"a\": 1,\n"
        "  \"b\": { \"x/y\": 1, \"x/y\": 2 },\n"
        "  \"a\": 3\n"
        "}";
    const JsonDocument doc = read_json(text);
    REQUIRE(doc.ok);
    REQUIRE(doc.duplicates.size() == 2);
    CHECK(doc.duplicates[0].pointer == "/b/x~1y");
    CHECK(doc.duplicates[0].line == 3);
    CHECK(doc.duplicates[0].column == 20);
    CHECK(doc.duplicates[1].pointer == "/a");
    CHECK(doc.duplicates[1].line == 4);
    CHECK(doc.duplicates[1].column == 3);
    // The last one wins, and its position is recorded.
    CHECK(doc.value["a"] == 3);
    CHECK(doc.value["b"]["x/y"] == 2);
    CHECK(position(doc, "/a").line == 4);
    CHECK(position(doc, "/a").column == 8);
    CHECK(read_json(R"({"a": 1, "b": {"a": 2}})").duplicates.empty());
}

TEST_CASE("json: large integers and doubles keep their value") {
    const JsonDocument doc = read_json(
        "[9223372036854775807, -9223372036854775808, 9223372036854775808, "
        "3076276, 0.5, -1.25e3, 1E2, 2.5e-3, -0, 12345678901234567890123]");
    REQUIRE(doc.ok);
    const auto& v = doc.value;
    CHECK(v[0].is_number_integer());
    CHECK(v[0].get<std::int64_t>() == INT64_MAX);
    CHECK(v[1].get<std::int64_t>() == INT64_MIN);
    // Beyond 64 bits: still a number, close to the written value.
    CHECK(v[2].is_number());
    CHECK(v[2].get<double>() == doctest::Approx(9223372036854775808.0));
    CHECK(v[3].get<std::int64_t>() == 3076276);
    CHECK(v[4].is_number_float());
    CHECK(v[4].get<double>() == 0.5);
    CHECK(v[5].get<double>() == -1250.0);
    CHECK(v[6].is_number_float());
    CHECK(v[6].get<double>() == 100.0);
    CHECK(v[7].get<double>() == doctest::Approx(0.0025));
    CHECK(v[8].get<double>() == 0.0);
    CHECK(v[9].get<double>() == doctest::Approx(1.2345678901234568e22));
    CHECK(position(doc, "/9").column == 106);
}
