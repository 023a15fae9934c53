#include "render/pdf/numbers.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace rv::pdf {

std::string format_count(double value) {
    if (std::floor(value) != value || std::fabs(value) >= 1e15) {
        return format_decimal(value, 1);
    }
    const std::string digits = std::to_string(static_cast<long long>(std::fabs(value)));
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        const std::size_t left = n - i - 1;
        if (left > 0 && left % 3 == 0 && n > 4) {
            out += "\u00a0";
        }
    }
    return value < 0 ? "\u2212" + out : out;
}

std::string format_decimal(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    const std::string text = buffer;
    const auto dot = text.find('.');
    std::string out = format_count(std::floor(std::stod(text.substr(0, dot))));
    if (dot != std::string::npos) {
        out += "," + text.substr(dot + 1);
    }
    return value < 0 ? "\u2212" + out : out;
}

std::string format_date(long long epoch_seconds) {
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday);
    return buffer;
}

}  // namespace rv::pdf
