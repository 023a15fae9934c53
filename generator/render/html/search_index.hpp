#pragma once
// The site's search, built into the output: one entry per service and per report with
// what a visitor searches by (names in nb and en, type, host regions, ICD-10 codes, the
// words of the report), written as a script file so it works offline, from file:// and
// under the site's Content-Security-Policy (script-src 'self'). The search page lists
// every service without JavaScript; assets/search.js filters it and adds the reports.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/content.hpp"

namespace rv::render {

inline const std::string search_page_path = "sok/index.html";
inline const std::string search_index_path = "sok/sokeindeks.js";

// The distinct words of `text`, lower-cased, in order of first appearance: letters and
// digits (Norwegian letters included) form words; everything else separates them.
std::vector<std::string> distinct_words(const std::string& text);

// The contents of search_index_path: "window.rvSearchIndex = {…};".
std::string search_index_script(const model::Content& content);

// The search page's data (page frame, filters, every service for the list without
// JavaScript).
nlohmann::json search_page_data(const model::Content& content);

// The finder on the front page: type and region choices for its form.
nlohmann::json finder_data(const model::Content& content, const std::string& root);

}  // namespace rv::render
