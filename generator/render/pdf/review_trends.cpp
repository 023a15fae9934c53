// The review's trends section: each figure across the years the service has reported, up
// to the review's year, with the change from the year before, so that a claim of "a large
// increase" can be read against the numbers; and every previous_year a report states that
// differs from what the year before's report gave.
#include "analyse/trends.hpp"
#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/pdf/review_parts.hpp"

namespace rv::pdf {

namespace {

std::string ui(const std::string& key, const std::string& language,
               const std::vector<std::string>& args = {}) {
    return messages::text(key, language, args);
}

std::string count_or_dash(const std::optional<double>& value) {
    return value ? messages::format_count(*value) : "–";
}

// The trend's name: new patients, or the activity's own label and unit.
std::string trend_name(const analyse::Trend& trend, const std::string& language) {
    if (trend.key == "patients.new_treated") {
        return ui("ui.chart_trend_patients", language);
    }
    return trend.unit.empty() ? trend.label : trend.label + " (" + trend.unit + ")";
}

}  // namespace

void trends_part(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                 const std::string& language) {
    const Context ctx = b.body();
    const int year = review.report->folder_year;
    b.paragraph({{ui("review.trends_intro", language), b.text_style()}}, ctx);
    int shown = 0;
    for (const auto& trend : analyse::trends(content, *review.service)) {
        if (trend.key != "patients.new_treated" && trend.key.rfind("activity:", 0) != 0) {
            continue;
        }
        TableSpec table;
        table.caption = ui("review.trend_caption", language, {trend_name(trend, language)});
        table.row_headers = true;
        std::vector<std::vector<Span>> head;
        for (const char* key : {"ui.year", "ui.value", "ui.previous_year", "ui.change"}) {
            head.push_back(review_cell(b, ui(key, language), FontId::bold));
        }
        table.rows.push_back(head);
        for (const auto& point : trend.points) {
            if (point.year > year) {
                continue;
            }
            table.rows.push_back(
                {review_cell(b, std::to_string(point.year)),
                 review_cell(b, count_or_dash(point.value)),
                 review_cell(b, count_or_dash(point.previous)),
                 review_cell(b, messages::format_change(point.change, point.change_percent))});
        }
        if (table.rows.size() > 1) {
            b.table(table, ctx);
            ++shown;
        }
        for (const auto& mismatch : trend.mismatches) {
            if (mismatch.year <= year) {
                b.paragraph(
                    {{ui("review.trend_mismatch", language,
                         {std::to_string(mismatch.year), messages::format_count(mismatch.stated),
                          std::to_string(mismatch.year - 1),
                          messages::format_count(mismatch.reported)}),
                      b.text_style(FontId::bold)}},
                    ctx);
            }
        }
    }
    if (shown == 0) {
        b.paragraph({{ui("review.trends_none", language), b.text_style()}}, ctx);
    } else if (review.service->reports.size() < 2) {
        b.paragraph({{ui("review.trends_one_year", language), b.text_style()}}, ctx);
    }
}

}  // namespace rv::pdf
