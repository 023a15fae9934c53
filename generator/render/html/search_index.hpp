#pragma once
// The site's search, built into the output: one entry per service and per report with
// what a visitor searches by (names in nb and en, type, host regions, ICD-10 codes, the
// words of the report), written as a script file so it works offline, from file:// and
// under the site's Content-Security-Policy (script-src 'self'). The search page lists
// every service without JavaScript; assets/search.js filters it and adds the reports.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/content.hpp"
#include "render/html/search_words.hpp"

namespace rv::render {

inline const std::string search_page_path = "sok/index.html";
inline const std::string search_index_path = "sok/sokeindeks.js";

// The "bits" of a report: base64 of a bitmap over `vocabulary_size` words with the bits of
// `numbers` set.
std::string word_bits(const std::vector<std::size_t>& numbers, std::size_t vocabulary_size);

// Writes search_index_path, "window.rvSearchIndex = {…};", to `file`, entry by entry. A
// service's entry holds the words of all its reports once ("vocabulary"); a report's entry
// says which of them it has ("bits": base64 of one bit per vocabulary word, the lowest bit of
// the first byte for the first word), so the index grows with the services' vocabularies
// rather than with every report's words. A report missing from `texts` has no words.
void write_search_index(const model::Content& content, const ReportSearchTexts& texts,
                        const std::filesystem::path& file);

// The search page's data (page frame, filters, every service for the list without
// JavaScript).
nlohmann::json search_page_data(const model::Content& content);

// The finder on the front page: type and region choices for its form.
nlohmann::json finder_data(const model::Content& content, const std::string& root);

}  // namespace rv::render
