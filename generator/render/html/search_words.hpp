#pragma once
// The words and summary the search index keeps of a report: the distinct words of its
// sections, lower-cased, and the start of its plain-language summary.
#include <map>
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::render {

// The distinct words of `text`, lower-cased, in order of first appearance: letters and
// digits (Norwegian letters included) form words; everything else separates them.
std::vector<std::string> distinct_words(const std::string& text);

// What the index keeps of one report once its sections are gone: the start of its
// plain-language summary for the result list, and its distinct words.
struct ReportSearchText {
    std::string summary;
    std::string words;  // space-separated
};
// By the report's folder (Report::dir).
using ReportSearchTexts = std::map<std::string, ReportSearchText>;

// Of a report whose sections are read.
ReportSearchText report_search_text(const model::Report& report);

}  // namespace rv::render
