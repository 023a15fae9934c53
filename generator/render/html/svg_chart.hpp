#pragma once
// Inline SVG charts for the HTML pages, written with tinyxml2 so that every text is
// escaped. Each chart carries its own text alternative (role="img", <title>, <desc>)
// and writes every figure as text next to its bar: colour never carries meaning alone.
#include <optional>
#include <string>
#include <vector>

#include "analyse/availability.hpp"
#include "analyse/trends.hpp"
#include "model/content.hpp"

namespace rv::render {

struct ChartBar {
    std::string label;            // the region, shown above the bar
    std::optional<double> value;  // no value: the label and "–", no bar
    std::string value_text;       // the value as people read it ("3 076")
};

struct BarChart {
    std::string id;           // unique on the page; the title and desc get "-title", "-desc"
    std::string title;        // the main finding
    std::string description;  // a one-sentence overview
    std::vector<ChartBar> bars;
};

// The chart as an <svg> element (no XML declaration), or "" when no bar has a value.
std::string bar_chart_svg(const BarChart& chart);

// A chart with what the page's <figure> shows around it.
struct ChartFigure {
    std::string title;     // "Flest nye pasienter fra Helse Sør-Øst"
    std::string overview;  // one sentence with every region's figure
    std::string source;    // "Kilde: …"
    std::string svg;
};

// Nothing when the report gives no new treated patients per region.
std::optional<ChartFigure> patients_chart(const model::Content& content,
                                          const model::Report& report,
                                          const analyse::Availability& availability,
                                          const std::string& language);

// The chart of new patients treated per 100 000 inhabitants per region, with the national
// rate in its overview; nothing without rates (no populations, no counts).
std::optional<ChartFigure> rates_chart(const model::Content& content, const model::Report& report,
                                       const analyse::Availability& availability,
                                       const std::string& language);

// One figure across the years a service has reported (a bar per year), titled with the
// change from the first year to the last; nothing with fewer than two years of values.
// `what` names the figure ("Nye pasienter behandlet"); `id` is unique on the page.
std::optional<ChartFigure> trend_chart(const analyse::Trend& trend, const std::string& id,
                                       const std::string& what, const std::string& language);

}  // namespace rv::render
