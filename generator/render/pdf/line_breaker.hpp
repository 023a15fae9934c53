#pragma once
// Breaks styled inline text into lines of a given width, measured on the font metrics:
// greedy first fit, Norwegian hyphenation, breaks after hyphens already in a word, words
// wider than the line cut by character, and justification by widening the spaces.
#include <set>
#include <string>
#include <vector>

#include "render/pdf/boxes.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/hyphenation.hpp"

namespace rv::pdf {

struct TextStyle {
    FontId font = FontId::regular;
    double size = 10;
    Color color = black;
    std::string url;    // a link
    bool code = false;  // inline code: shaded
    bool operator==(const TextStyle&) const = default;
};

// A stretch of text in one style. '\n' in text is a hard line break.
struct Span {
    std::string text;
    TextStyle style;
};

struct LineRun {
    std::string text;
    TextStyle style;
    double x = 0;  // from the start of the line
    double width = 0;
};

struct Line {
    std::vector<LineRun> runs;
    double width = 0;          // natural width, without justification
    double word_spacing = 0;   // extra points after each space
    double size = 0;           // the largest font size on the line
    bool space_after = false;  // broken at a space: the words continue on the next line
};

struct BreakOptions {
    double width = 400;
    bool justify = false;
    const Hyphenator* hyphenator = nullptr;  // null: no hyphenation
};

// `missing` collects characters that neither the run's font nor the regular face has
// (they are shown as '?').
std::vector<Line> break_lines(const std::vector<Span>& spans, const BreakOptions& options,
                              const FontSet& fonts, std::set<char32_t>* missing = nullptr);

// The spans with every character the font lacks replaced (falls back to the regular face,
// then to '?'); used for text that is placed without line breaking.
std::vector<Span> with_fallback(const std::vector<Span>& spans, const FontSet& fonts,
                                std::set<char32_t>* missing);

}  // namespace rv::pdf
