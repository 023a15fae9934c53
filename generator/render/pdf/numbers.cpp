#include "render/pdf/numbers.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace rv::pdf {

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
