#pragma once
// Numbers, sizes and names written for people, the same in every output (HTML, PDF, the
// review): 3 076 276 and 1,3 in bokmål, region names from regions.json, member labels.
#include <cstdint>
#include <optional>
#include <string>

#include "model/content.hpp"

namespace rv::messages {

// A whole number with thin groups (3 076 276; four digits stay together), − for minus.
std::string format_count(double value);
// "1,3": a decimal comma.
std::string format_decimal(double value, int decimals);

// A change from the year before: "+4 (+19,0 %)", "−2 (−8,7 %)", "0"; "–" without one.
std::string format_change(const std::optional<double>& change,
                          const std::optional<double>& percent);
// "38 kB", "1,2 MB" ("1.2 MB" in English).
std::string format_size(std::uintmax_t bytes, const std::string& language);
// The region's name in `language`, or its id when regions.json does not know it.
std::string region_name(const model::Content& content, const std::string& id,
                        const std::string& language);
// "Kari Nordmann – leder (Helse Vest), brukerrepresentant", with what is given.
std::string member_label(const model::Content& content, const model::ReferenceGroupMember& m,
                         const std::string& language);

}  // namespace rv::messages
