// Tests of the JSON writer of the open data (render/html/json_writer.hpp) against
// nlohmann::ordered_json's dump(indent, ' ', false, replace), which wrote the file before:
// random documents, doubles of every magnitude, integers and strings with everything JSON
// escapes, UTF-8 of every length and every kind of broken UTF-8 must come out byte for byte
// as nlohmann writes them.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/html/json_writer.hpp"

namespace {

using ojson = nlohmann::ordered_json;
using rv::render::JsonWriter;

// `value` through the writer, walking the tree as the open data code walks its model.
void write(JsonWriter& json, const ojson& value) {
    switch (value.type()) {
        case ojson::value_t::object:
            json.begin_object();
            for (const auto& [key, member] : value.items()) {
                json.key_text(key);
                write(json, member);
            }
            json.end_object();
            return;
        case ojson::value_t::array:
            json.begin_array();
            for (const auto& element : value) {
                write(json, element);
            }
            json.end_array();
            return;
        case ojson::value_t::string:
            json.string(value.get_ref<const std::string&>());
            return;
        case ojson::value_t::boolean:
            json.boolean(value.get<bool>());
            return;
        case ojson::value_t::number_integer:
            json.integer(value.get<long long>());
            return;
        case ojson::value_t::number_float:
            json.number(value.get<double>());
            return;
        default:
            json.null();
    }
}

std::string written(const ojson& value, int indent = 2) {
    std::string out;
    JsonWriter json(out, indent);
    write(json, value);
    return out;
}

std::string dumped(const ojson& value, int indent = 2) {
    return value.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

// The same bytes as nlohmann, or the value that differs in the message.
void check_same(const ojson& value, int indent = 2) {
    const std::string expected = dumped(value, indent);
    const std::string actual = written(value, indent);
    CHECK_MESSAGE(actual == expected, "expected " << expected << "\nwritten  " << actual);
}

std::string string_dumped(const std::string& text) {
    return ojson(text).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string string_written(const std::string& text) {
    std::string out;
    rv::render::append_json_string(out, text);
    return out;
}

void check_string(const std::string& text) {
    const std::string expected = string_dumped(text);
    const std::string actual = string_written(text);
    if (actual != expected) {
        std::string bytes;
        for (const char c : text) {
            bytes += std::to_string(static_cast<unsigned char>(c)) + " ";
        }
        CHECK_MESSAGE(actual == expected,
                      "bytes " << bytes << "\nexpected " << expected << "\nwritten  " << actual);
    }
}

// Pieces that random strings are made of: plain text, everything JSON escapes, UTF-8 of
// two, three and four bytes, and broken UTF-8 (lone, truncated, overlong, surrogate, too
// large).
const std::vector<std::string>& pieces() {
    static const std::vector<std::string> list = [] {
        std::vector<std::string> out = {"a",
                                        "Z",
                                        " ",
                                        "Nasjonal behandlingstjeneste ",
                                        "0123456789",
                                        "\"",
                                        "\\",
                                        "/",
                                        "\x7f",
                                        "æ",
                                        "ø",
                                        "å",
                                        "Æ",
                                        "Ø",
                                        "Å",
                                        "–",
                                        "€",
                                        "\u2028",
                                        "\xef\xbf\xbf",
                                        "😀",
                                        "\U0010FFFF",
                                        "\x80",
                                        "\xbf",
                                        "\xc3",
                                        "\xe2\x82",
                                        "\xf0\x9f\x98",
                                        "\xc0\xaf",
                                        "\xe0\x80\xaf",
                                        "\xed\xa0\x80",
                                        "\xf4\x90\x80\x80",
                                        "\xf5\x80\x80\x80",
                                        "\xff",
                                        "\xfe"};
        for (int c = 0; c < 0x20; ++c) {
            out.push_back(std::string(1, static_cast<char>(c)));
        }
        return out;
    }();
    return list;
}

std::string random_string(std::mt19937_64& random, bool valid_only) {
    std::string text;
    const auto count = std::uniform_int_distribution<int>(0, 24)(random);
    for (int i = 0; i < count; ++i) {
        const auto& list = pieces();
        const std::string& piece =
            list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random)];
        if (valid_only && ojson(piece).dump(-1, ' ', false, ojson::error_handler_t::replace) !=
                              ojson(piece).dump(-1, ' ', false, ojson::error_handler_t::ignore)) {
            continue;
        }
        text += piece;
    }
    return text;
}

double random_double(std::mt19937_64& random) {
    switch (std::uniform_int_distribution<int>(0, 5)(random)) {
        case 0:  // any bit pattern: every exponent, subnormals, NaN and infinities
            return std::bit_cast<double>(random());
        case 1:  // a few digits at any magnitude
            return static_cast<double>(std::uniform_int_distribution<int>(-99999, 99999)(random)) *
                   std::pow(10.0, std::uniform_int_distribution<int>(-320, 308)(random));
        case 2:  // a rate per 100 000 as the open data has them
            return std::uniform_int_distribution<int>(0, 100000)(random) * 100000.0 /
                   std::uniform_int_distribution<int>(1, 5000000)(random);
        case 3:  // a whole number stored as a double: nlohmann writes "3.0"
            return static_cast<double>(
                std::uniform_int_distribution<long long>(-(1LL << 53), 1LL << 53)(random));
        case 4:
            return std::uniform_real_distribution<double>(-1e6, 1e6)(random);
        default:
            return std::uniform_real_distribution<double>(-1, 1)(random);
    }
}

ojson random_value(std::mt19937_64& random, int depth) {
    const int kinds = depth < 4 ? 8 : 6;
    switch (std::uniform_int_distribution<int>(0, kinds - 1)(random)) {
        case 0:
            return nullptr;
        case 1:
            return std::uniform_int_distribution<int>(0, 1)(random) == 1;
        case 2:
            return std::uniform_int_distribution<long long>(
                std::numeric_limits<long long>::min(),
                std::numeric_limits<long long>::max())(random);
        case 3:
            return random_double(random);
        case 4:
        case 5:
            return random_string(random, false);
        case 6: {
            ojson object = ojson::object();
            const auto count = std::uniform_int_distribution<int>(0, 5)(random);
            for (int i = 0; i < count; ++i) {
                object[random_string(random, true)] = random_value(random, depth + 1);
            }
            return object;
        }
        default: {
            ojson array = ojson::array();
            const auto count = std::uniform_int_distribution<int>(0, 5)(random);
            for (int i = 0; i < count; ++i) {
                array.push_back(random_value(random, depth + 1));
            }
            return array;
        }
    }
}

}  // namespace

TEST_CASE("JsonWriter writes random documents exactly as nlohmann's dump with indent") {
    std::mt19937_64 random(20240611);
    for (int i = 0; i < 3000; ++i) {
        const ojson value = random_value(random, 0);
        check_same(value, 2);
        if (i % 10 == 0) {
            check_same(value, 4);
        }
    }
    // Empty containers, nested and at the top.
    check_same(ojson::object());
    check_same(ojson::array());
    check_same(ojson::parse(R"({"a": {}, "b": [], "c": [[], {}], "d": [{"e": []}]})"));
}

TEST_CASE("JsonWriter writes every double as nlohmann does") {
    std::mt19937_64 random(7);
    std::vector<double> values = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.0,
                                  0.1,
                                  0.5,
                                  1e15,
                                  1e16,
                                  1e17,
                                  1e-4,
                                  1e-5,
                                  123456789012345.6,
                                  9007199254740992.0,
                                  std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::lowest(),
                                  std::numeric_limits<double>::min(),
                                  std::numeric_limits<double>::denorm_min(),
                                  std::numeric_limits<double>::epsilon(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  5 * 100000.0 / 1127089};
    for (int i = 0; i < 200000; ++i) {
        values.push_back(random_double(random));
    }
    for (const double value : values) {
        const std::string expected = ojson(value).dump();
        std::string actual;
        JsonWriter(actual).number(value);
        if (actual != expected) {
            CHECK_MESSAGE(actual == expected, "bits " << std::bit_cast<std::uint64_t>(value));
        }
    }
}

TEST_CASE("JsonWriter writes integers as nlohmann does") {
    std::mt19937_64 random(11);
    std::vector<long long> values = {0,
                                     1,
                                     -1,
                                     9,
                                     10,
                                     -10,
                                     std::numeric_limits<long long>::min(),
                                     std::numeric_limits<long long>::max()};
    for (int i = 0; i < 20000; ++i) {
        values.push_back(static_cast<long long>(random()) >>
                         std::uniform_int_distribution<int>(0, 63)(random));
    }
    for (const long long value : values) {
        std::string actual;
        JsonWriter(actual).integer(value);
        CHECK(actual == ojson(value).dump());
    }
}

TEST_CASE("JSON strings: escapes, UTF-8 and broken UTF-8 as nlohmann writes them") {
    for (const auto& piece : pieces()) {
        check_string(piece);
        check_string("før " + piece + " etter, en lengre tekst enn åtte byte");
    }
    // Every one- and two-byte string, and every three- and four-byte sequence after the lead
    // bytes of multi-byte UTF-8: the writer's own check of UTF-8 must agree with nlohmann's
    // decoder on every byte.
    for (int first = 0; first < 256; ++first) {
        check_string(std::string(1, static_cast<char>(first)));
        for (int second = 0; second < 256; ++second) {
            const std::string two = {static_cast<char>(first), static_cast<char>(second)};
            check_string(two);
            if (first >= 0xC0 && first <= 0xF7 && second >= 0x70 && second <= 0xC0) {
                for (const int third : {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
                    check_string(two + static_cast<char>(third));
                    check_string(two + static_cast<char>(third) + "\x80");
                    check_string(two + static_cast<char>(third) + "\xbf" + "x");
                }
            }
        }
    }
    std::mt19937_64 random(3);
    for (int i = 0; i < 50000; ++i) {
        check_string(random_string(random, false));
        check_string(random_string(random, true));
        std::string bytes(std::uniform_int_distribution<std::size_t>(0, 40)(random), '\0');
        for (char& c : bytes) {
            c = static_cast<char>(random());
        }
        check_string(bytes);
    }
}

TEST_CASE("JsonWriter: keys written as they are, and nesting") {
    std::string out;
    JsonWriter json(out);
    json.begin_object();
    json.key("reports");
    json.begin_array();
    json.begin_object();
    json.key("name");
    json.string("Ålesund \"sykehus\"");
    json.key("empty");
    json.begin_array();
    json.end_array();
    json.end_object();
    json.null();
    json.end_array();
    json.end_object();
    CHECK(out == dumped(ojson::parse(
                     R"({"reports": [{"name": "Ålesund \"sykehus\"", "empty": []}, null]})")));
}
