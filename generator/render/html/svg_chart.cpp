#include "render/html/svg_chart.hpp"

#include <algorithm>
#include <string_view>

#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/html/decimal_text.hpp"
#include "render/html/html_escape.hpp"

namespace rv::render {

namespace {

// The drawing's own units; the <svg> scales to its container through the viewBox.
constexpr double chart_width = 400;
constexpr double value_room = 64;  // right of the longest bar, for its figure
constexpr double row_height = 48;
constexpr double label_baseline = 16;
constexpr double bar_top = 22;
constexpr double bar_height = 18;
constexpr double padding = 4;

// Control characters (and newlines in attributes) would make the markup invalid: a
// control character becomes a space.
std::string clean(const std::string& text) {
    std::string out = text;
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            c = ' ';
        }
    }
    return out;
}

// Writes the SVG markup as tinyxml2's compact printer did: attribute values escape
// & < > " ', text escapes & < >.
class SvgWriter {
  public:
    explicit SvgWriter(std::string& out) : out_(out) {}

    // `<name` and its attributes, left open for more.
    SvgWriter& open(const char* name) {
        out_ += '<';
        out_ += name;
        return *this;
    }
    SvgWriter& attribute(const char* name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        escape(value, true);
        out_ += '"';
        return *this;
    }
    // A literal value with nothing to escape ("chart-bar", "0"): written as it is, the whole
    // attribute in one piece.
    template <std::size_t name_size, std::size_t value_size>
    SvgWriter& fixed(const char (&name)[name_size], const char (&value)[value_size]) {
        char piece[name_size + value_size + 3];
        char* at = piece;
        *at++ = ' ';
        at = std::copy_n(name, name_size - 1, at);
        *at++ = '=';
        *at++ = '"';
        at = std::copy_n(value, value_size - 1, at);
        *at++ = '"';
        out_.append(piece, static_cast<std::size_t>(at - piece));
        return *this;
    }
    // A coordinate with at most one decimal and a decimal point: nothing to escape either.
    SvgWriter& number(const char* name, double value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_one_decimal(out_, value);
        out_ += '"';
        return *this;
    }
    // `>text</name>`
    void text(const char* name, std::string_view text) {
        out_ += '>';
        escape(text, false);
        close(name);
    }
    void end_start_tag() { out_ += '>'; }
    void end_empty() { out_ += "/>"; }
    void close(const char* name) {
        out_ += "</";
        out_ += name;
        out_ += '>';
    }

  private:
    std::string& out_;

    void escape(std::string_view text, bool quotes) {
        append_escaped(out_, text, quotes ? xml_attribute : xml_text);
    }
};

}  // namespace

std::string bar_chart_svg(const BarChart& chart) {
    double max = 0;
    for (const auto& bar : chart.bars) {
        if (bar.value) {
            max = std::max(max, *bar.value);
        }
    }
    if (max <= 0) {
        return "";
    }
    const std::string id = clean(chart.id);
    const double height = padding * 2 + row_height * static_cast<double>(chart.bars.size());
    const double scale = (chart_width - value_room) / max;

    std::string out;
    out.reserve(512 + 320 * chart.bars.size());
    SvgWriter svg(out);
    std::string view_box = "0 0 ";
    append_one_decimal(view_box, chart_width);
    view_box += ' ';
    append_one_decimal(view_box, height);
    svg.open("svg")
        .fixed("xmlns", "http://www.w3.org/2000/svg")
        .fixed("class", "chart-svg")
        .attribute("viewBox", view_box)
        .fixed("width", "100%")
        .fixed("role", "img")
        .attribute("aria-labelledby", id + "-title " + id + "-desc")
        .attribute("id", id)
        .end_start_tag();
    svg.open("title").attribute("id", id + "-title").text("title", clean(chart.title));
    svg.open("desc").attribute("id", id + "-desc").text("desc", clean(chart.description));

    double y = padding;
    for (const auto& bar : chart.bars) {
        svg.open("g").fixed("class", "chart-row").end_start_tag();
        svg.open("text")
            .fixed("class", "chart-label")
            .fixed("x", "0")
            .number("y", y + label_baseline)
            .text("text", clean(bar.label));
        const double width = bar.value ? std::max(0.0, *bar.value) * scale : 0;
        if (bar.value) {
            // Without the stylesheet the bars take the text colour, outlined.
            svg.open("rect")
                .fixed("class", "chart-bar")
                .fixed("x", "0")
                .number("y", y + bar_top)
                .number("width", width)
                .number("height", bar_height)
                .fixed("fill", "currentColor")
                .fixed("stroke", "currentColor")
                .end_empty();
        }
        svg.open("text")
            .fixed("class", "chart-value")
            .number("x", width + 6)
            .number("y", y + bar_top + bar_height - 4)
            .text("text", clean(bar.value ? bar.value_text : "–"));
        svg.close("g");
        y += row_height;
    }
    svg.close("svg");
    return out;
}

namespace {

// "a, b og c" in `language`.
std::string join_items(const std::vector<std::string>& items, const std::string& language) {
    const std::string and_word = messages::text("ui.chart_and", language);
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            text += i + 1 == items.size() ? and_word : ", ";
        }
        text += items[i];
    }
    return text;
}

// The labels of the bars with the largest value, and "value label" items of every bar.
struct Reading {
    std::vector<std::string> leaders;
    std::vector<std::string> items;
};

Reading read_bars(const BarChart& chart, const std::string& item_key, const std::string& language) {
    double max = 0;
    for (const auto& bar : chart.bars) {
        max = std::max(max, bar.value.value_or(0));
    }
    Reading reading;
    for (const auto& bar : chart.bars) {
        if (!bar.value) {
            continue;
        }
        if (*bar.value == max) {
            reading.leaders.push_back(bar.label);
        }
        reading.items.push_back(messages::text(item_key, language, {bar.value_text, bar.label}));
    }
    return reading;
}

}  // namespace

std::optional<ChartFigure> patients_chart(const model::Content& content,
                                          const model::Report& report,
                                          const analyse::Availability& availability,
                                          const std::string& language) {
    if (!report.patients) {
        return std::nullopt;
    }
    BarChart chart;
    chart.id = "chart-patients";
    double max = 0;
    double sum = 0;
    for (const auto& row : availability.regions) {
        ChartBar bar{messages::region_name(content, row.region, language), row.new_treated, ""};
        if (row.new_treated) {
            bar.value_text = messages::format_count(*row.new_treated);
            max = std::max(max, *row.new_treated);
            sum += *row.new_treated;
        }
        chart.bars.push_back(bar);
    }
    if (max <= 0) {
        return std::nullopt;
    }
    const Reading reading = read_bars(chart, "ui.chart_patients_item", language);
    const double total = availability.total_treated.value_or(sum);
    ChartFigure out;
    out.title = messages::text("ui.chart_patients_finding", language,
                               {join_items(reading.leaders, language)});
    out.overview =
        messages::text("ui.chart_patients_overview", language,
                       {std::to_string(report.folder_year), join_items(reading.items, language),
                        messages::format_count(total)});
    out.source = messages::text("ui.chart_source", language, {std::to_string(report.folder_year)});
    chart.title = out.title;
    chart.description = out.overview;
    out.svg = bar_chart_svg(chart);
    return out;
}

std::optional<ChartFigure> rates_chart(const model::Content& content, const model::Report& report,
                                       const analyse::Availability& availability,
                                       const std::string& language) {
    if (!report.patients) {
        return std::nullopt;
    }
    BarChart chart;
    chart.id = "chart-rates";
    double max = 0;
    int population_year = 0;
    for (const auto& row : availability.regions) {
        ChartBar bar{messages::region_name(content, row.region, language), row.rate_per_100k, ""};
        if (row.rate_per_100k) {
            bar.value_text = messages::format_decimal(*row.rate_per_100k, 1);
            max = std::max(max, *row.rate_per_100k);
            population_year = std::max(population_year, row.population_year);
        }
        chart.bars.push_back(bar);
    }
    if (max <= 0) {
        return std::nullopt;
    }
    const Reading reading = read_bars(chart, "ui.chart_rates_item", language);
    ChartFigure out;
    out.title =
        messages::text("ui.chart_rates_finding", language, {join_items(reading.leaders, language)});
    const std::string national =
        availability.national_rate_per_100k
            ? messages::format_decimal(*availability.national_rate_per_100k, 1)
            : "–";
    out.overview = messages::text(
        "ui.chart_rates_overview", language,
        {std::to_string(report.folder_year), join_items(reading.items, language), national});
    out.source =
        messages::text("ui.chart_rates_source", language,
                       {std::to_string(report.folder_year), std::to_string(population_year)});
    chart.title = out.title;
    chart.description = out.overview;
    out.svg = bar_chart_svg(chart);
    return out;
}

std::optional<ChartFigure> trend_chart(const analyse::Trend& trend, const std::string& id,
                                       const std::string& what, const std::string& language) {
    BarChart chart;
    chart.id = id;
    const analyse::TrendPoint* first = nullptr;
    const analyse::TrendPoint* last = nullptr;
    std::vector<std::string> items;
    for (const auto& point : trend.points) {
        ChartBar bar{std::to_string(point.year), point.value, ""};
        if (point.value) {
            bar.value_text = messages::format_count(*point.value);
            first = first ? first : &point;
            last = &point;
            items.push_back(messages::text("ui.chart_trend_item", language,
                                           {bar.value_text, std::to_string(point.year)}));
        }
        chart.bars.push_back(bar);
    }
    if (first == nullptr || first == last) {
        return std::nullopt;
    }
    const std::string direction = *last->value > *first->value   ? "ui.chart_trend_up"
                                  : *last->value < *first->value ? "ui.chart_trend_down"
                                                                 : "ui.chart_trend_same";
    ChartFigure out;
    out.title =
        messages::text(direction, language,
                       {what, messages::format_count(*first->value), std::to_string(first->year),
                        messages::format_count(*last->value), std::to_string(last->year)});
    out.overview =
        messages::text("ui.chart_trend_overview", language, {what, join_items(items, language)});
    out.source = messages::text("ui.chart_trend_source", language,
                                {std::to_string(first->year), std::to_string(last->year)});
    chart.title = out.title;
    chart.description = out.overview;
    out.svg = bar_chart_svg(chart);
    return out;
}

}  // namespace rv::render
