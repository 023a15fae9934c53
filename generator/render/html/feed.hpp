#pragma once
// feed.xml: an Atom feed (RFC 4287) of the published reports, one entry per report.
// Its dates never come from the clock, so that two builds of the same content are
// byte-identical: SOURCE_DATE_EPOCH when set, else the first moment after the report year
// (a report of 2023 cannot be final before 2024-01-01T00:00:00Z).
#include <filesystem>
#include <optional>
#include <string>

#include "model/content.hpp"

namespace rv::render {

// SOURCE_DATE_EPOCH from the environment, when it is a whole number of seconds from 0
// up to the end of year 9999.
std::optional<long long> source_date_epoch();

// "2024-01-01T00:00:00Z" for `seconds` after 1970-01-01T00:00:00Z.
std::string rfc3339(long long seconds);

// The feed, with every date from `epoch` when given, else from the years of the reports.
std::string feed_xml(const model::Content& content, std::optional<long long> epoch);

// Writes feed_xml(content, source_date_epoch()) to out_dir/feed.xml.
// Throws std::filesystem::filesystem_error.
void write_feed(const model::Content& content, const std::filesystem::path& out_dir);

}  // namespace rv::render
