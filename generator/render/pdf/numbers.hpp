#pragma once
// Numbers the Norwegian way for print (3 076 276; 1,3), as the HTML report writes them.
#include <string>

namespace rv::pdf {

std::string format_count(double value);
std::string format_decimal(double value, int decimals);
// "2024-03-01" for seconds since 1970 (UTC).
std::string format_date(long long epoch_seconds);

}  // namespace rv::pdf
