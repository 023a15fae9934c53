#include "render/html/decimal_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace rv::render {

void append_one_decimal(std::string& out, double value) {
    // Whole numbers (most coordinates) are their digits. Below 1e15 a double that equals its
    // floor is an integer a long long holds; -0.0 becomes "0" as "-0" would.
    if (std::fabs(value) < 1e15 && std::floor(value) == value) {
        char digits[24];
        out.append(
            digits,
            std::to_chars(digits, digits + sizeof digits, static_cast<long long>(value)).ptr);
        return;
    }
    // The largest double has 309 digits before the point.
    char buffer[400];
    std::size_t size = 0;
    if (std::isfinite(value)) {
        const auto result =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
        size = static_cast<std::size_t>(result.ptr - buffer);
    } else {
        // "nan", "-nan", "inf", "-inf" as printf spells them.
        size = static_cast<std::size_t>(std::snprintf(buffer, sizeof buffer, "%.1f", value));
    }
    // The 32-byte buffer printf wrote into kept at most 31 characters.
    std::string_view text(buffer, std::min<std::size_t>(size, 31));
    if (text.size() > 2 && text.substr(text.size() - 2) == ".0") {
        text.remove_suffix(2);
    }
    out += text == "-0" ? std::string_view("0") : text;
}

std::string one_decimal(double value) {
    std::string text;
    append_one_decimal(text, value);
    return text;
}

}  // namespace rv::render
