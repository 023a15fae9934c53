// The page of one service: its facts, every year's report and its figures across years.
#include <cmath>
#include <string>

#include "analyse/trends.hpp"
#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/svg_chart.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

std::string ui(const std::string& key, const std::string& language,
               const std::vector<std::string>& args = {}) {
    return messages::text(key, language, args);
}

std::string format_change(const analyse::TrendPoint& point) {
    return messages::format_change(point.change, point.change_percent);
}

// Built from object_t and array_t with every string moved in: nested initializer lists would
// copy each row, and the chart's SVG, once more for every level.
json trend_table(const analyse::Trend& trend, const std::string& caption, const std::string& what,
                 std::size_t index) {
    static const std::string dash = "–";
    json::array_t rows;
    rows.reserve(trend.points.size());
    for (const auto& point : trend.points) {
        json::object_t row;
        row.emplace("year", std::to_string(point.year));
        row.emplace("value", point.value ? messages::format_count(*point.value) : dash);
        row.emplace("previous", point.previous ? messages::format_count(*point.previous) : dash);
        row.emplace("change", format_change(point));
        rows.emplace_back(std::move(row));
    }
    json::object_t table;
    table.emplace("caption", caption);
    table.emplace("unit", trend.unit);
    table.emplace("rows", std::move(rows));
    // The same figures as a chart, after the table.
    if (auto chart = trend_chart(trend, "chart-trend-" + std::to_string(index), what, "nb")) {
        json::object_t figure;
        figure.emplace("svg", std::move(chart->svg));
        figure.emplace("title", std::move(chart->title));
        figure.emplace("overview", std::move(chart->overview));
        figure.emplace("source", std::move(chart->source));
        table.emplace("chart", std::move(figure));
    }
    return table;
}

}  // namespace

std::string service_path(const model::Service& service) {
    return service.slug + "/index.html";
}

json service_page_data(const model::Content& content, const model::Service& service) {
    const std::string language = "nb";
    const std::string root = "../";
    json data = json::object();  // the labels ("t") come from the TemplateSet
    data["lang"] = language;
    data["root"] = root;
    data["site"] = site_data(content, language);
    data["page_title"] = service.name.in(language);
    data["name"] = service.name.in(language);
    data["name_en"] = service.name.en;
    data["description"] = service.description.in(language);
    data["type"] = ui("type." + service.type, language);
    data["type_href"] = root + type_path(service.type);
    json hosts = json::array();
    for (const auto& host : service.hosts) {
        hosts.push_back({{"trust", host.trust},
                         {"region", messages::region_name(content, host.region, language)},
                         {"region_href", root + region_path(host.region)}});
    }
    data["hosts"] = hosts;
    data["responsible_region"] =
        messages::region_name(content, service.responsible_region, language);
    data["responsible_href"] = root + region_path(service.responsible_region);
    data["approved"] = service.approved;
    std::string codes;
    for (const auto& code : service.icd10) {
        codes += (codes.empty() ? "" : ", ") + code;
    }
    data["icd10"] = codes;
    data["contact"] = {{"unit", service.contact.unit},
                       {"email", service.contact.email},
                       {"phone", service.contact.phone},
                       {"address", service.contact.address}};
    data["website"] = service.website;
    data["has_contact"] = !service.contact.unit.empty() || !service.contact.email.empty() ||
                          !service.contact.phone.empty() || !service.contact.address.empty() ||
                          !service.website.empty();
    json reports = json::array();
    for (auto it = service.reports.rbegin(); it != service.reports.rend(); ++it) {
        reports.push_back(
            {{"year", std::to_string(it->folder_year)},
             {"href", std::to_string(it->folder_year) + "/index.html"},
             {"title", ui("ui.report_title", language, {std::to_string(it->folder_year)})}});
    }
    data["reports"] = reports;
    data["has_reports"] = !reports.empty();
    // New patients treated, then every activity figure, each as its own table.
    json trends = json::array();
    for (const auto& trend : analyse::trends(content, service)) {
        if (trend.key == "patients.new_treated") {
            trends.push_back(trend_table(trend, ui("ui.trend_caption_patients", language),
                                         ui("ui.chart_trend_patients", language), trends.size()));
        } else if (trend.key.rfind("activity:", 0) == 0) {
            const std::string what =
                trend.unit.empty() ? trend.label : trend.label + " (" + trend.unit + ")";
            trends.push_back(trend_table(trend, ui("ui.trend_caption_activity", language, {what}),
                                         what, trends.size()));
        }
    }
    data["trends"] = trends;
    data["has_trends"] = !trends.empty();
    return data;
}

}  // namespace rv::render
