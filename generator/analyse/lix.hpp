#pragma once
// LIX, the readability index (Björnsson 1968) used for Scandinavian text:
//   LIX = words / sentences + 100 × long words / words
// A word is a run of characters between spaces that holds a letter or digit; it is long
// when it has more than six letters. A sentence ends with . : ! or ?, and at the end of
// every paragraph, heading, list item or table cell. Code and raw HTML are not text.
// Under 30 is very easy, 30–40 easy, 40–50 medium, 50–60 hard, over 60 very hard.
#include <string>
#include <vector>

#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::analyse {

struct Lix {
    int words = 0;
    int sentences = 0;
    int long_words = 0;
    double value = 0;  // 0 when there are no words
};

// A text this short gives no reliable LIX: one long word moves it by several points.
// check does not warn below it; a criterion finds it not assessable.
inline constexpr int lix_min_words = 50;

// The LIX of plain text (paragraphs separated by blank lines end sentences too).
Lix lix_of_text(const std::string& text);

// The LIX of a Markdown document.
Lix lix_of(const model::MarkdownNode& document);

// The LIX of one plain-language section of a report: a section whose form entry has
// lix_max, with its bound.
struct SectionReadability {
    std::string section;  // id
    std::string file;
    int line = 0;  // the first line of text
    int column = 0;
    Lix lix;
    double lix_max = 0;
    bool assessable = false;  // enough words to judge
    bool above = false;       // assessable and above the bound
};

std::vector<SectionReadability> readability(const model::Content& content,
                                            const model::Service& service,
                                            const model::Report& report);

// RV070 (warning) for every plain-language section of the content above its form's bound.
model::Diagnostics readability_warnings(const model::Content& content);
// The same for one report (its sections read).
model::Diagnostics readability_warnings(const model::Content& content,
                                        const model::Service& service, const model::Report& report);

// "35": LIX as it is usually given, a whole number.
std::string format_lix(double value);

}  // namespace rv::analyse
