#pragma once
// Numbers the Norwegian way for print (3 076 276; 1,3), as the HTML report writes them.
#include <string>

#include "messages/formatting.hpp"

namespace rv::pdf {

using messages::format_count;
using messages::format_decimal;
// "2024-03-01" for seconds since 1970 (UTC).
std::string format_date(long long epoch_seconds);

}  // namespace rv::pdf
