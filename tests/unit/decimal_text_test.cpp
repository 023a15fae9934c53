// Tests of the coordinates of the SVG charts (render/html/decimal_text.hpp) against the
// snprintf("%.1f") they were written with before: whole numbers, ties, every magnitude,
// negative zero and values that round to it, and what printf spells in words.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "render/html/decimal_text.hpp"

namespace {

// The former number() of svg_chart.cpp.
std::string printf_one_decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text == "-0" ? "0" : text;
}

void check_value(double value) {
    const std::string expected = printf_one_decimal(value);
    const std::string actual = rv::render::one_decimal(value);
    if (actual != expected) {
        CHECK_MESSAGE(actual == expected, "bits " << std::bit_cast<std::uint64_t>(value)
                                                  << " expected " << expected << " written "
                                                  << actual);
    }
}

}  // namespace

TEST_CASE("one_decimal writes what snprintf(\"%.1f\") wrote, less a trailing .0") {
    CHECK(rv::render::one_decimal(400) == "400");
    CHECK(rv::render::one_decimal(12.25) == "12.2");  // a tie rounds to even, as printf
    CHECK(rv::render::one_decimal(12.75) == "12.8");
    CHECK(rv::render::one_decimal(-0.0) == "0");
    CHECK(rv::render::one_decimal(-0.04) == "0");
    CHECK(rv::render::one_decimal(3.96) == "4");

    std::vector<double> values = {0.0,
                                  -0.0,
                                  0.05,
                                  -0.05,
                                  0.25,
                                  -0.25,
                                  0.95,
                                  1e15 - 0.5,
                                  1e15,
                                  1e15 + 2,
                                  9007199254740993.0,
                                  1e20,
                                  1e29,
                                  1e30,
                                  -1e29,
                                  1e300,
                                  std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::lowest(),
                                  std::numeric_limits<double>::denorm_min(),
                                  -std::numeric_limits<double>::denorm_min(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  -std::numeric_limits<double>::quiet_NaN()};
    // Exact ties at the second decimal: n / 4, n / 8, ... are exact binary fractions.
    for (int n = -4000; n <= 4000; ++n) {
        for (const double divisor : {2.0, 4.0, 8.0, 16.0, 20.0, 40.0, 64.0, 1024.0}) {
            values.push_back(n / divisor);
        }
    }
    std::mt19937_64 random(42);
    for (int i = 0; i < 200000; ++i) {
        values.push_back(std::bit_cast<double>(random()));
        // Chart coordinates: a value times 336 / the largest value, plus offsets.
        const double max = std::uniform_real_distribution<double>(0.1, 1e7)(random);
        const double value = std::uniform_real_distribution<double>(0, max)(random);
        values.push_back(value * (336 / max));
        values.push_back(value * (336 / max) + 6);
        values.push_back(std::uniform_real_distribution<double>(-1e3, 1e3)(random));
        values.push_back(std::uniform_real_distribution<double>(-1, 1)(random) *
                         std::pow(10.0, std::uniform_int_distribution<int>(-10, 40)(random)));
    }
    for (const double value : values) {
        check_value(value);
    }
}
