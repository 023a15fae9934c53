#include "render/html/template_data.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <utility>

#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/html/markdown_html.hpp"
#include "render/html/svg_chart.hpp"

namespace rv::render {

using messages::format_count;
using messages::format_decimal;
using messages::member_label;
using messages::region_name;

namespace {

using nlohmann::json;

const std::string no_break_space = "\u00a0";

std::string ui(const std::string& key, const std::string& language,
               const std::vector<std::string>& args = {}) {
    return messages::text(key, language, args);
}

json optional_count(const std::optional<double>& value) {
    return value ? json(format_count(*value)) : json("–");
}

// The chart after the table: the SVG (escaped by tinyxml2, inserted raw) and its caption.
// Takes the chart: its SVG is the largest text of the page after the sections.
json chart_data(std::optional<ChartFigure>&& chart) {
    if (!chart || chart->svg.empty()) {
        return nullptr;
    }
    return {{"svg", std::move(chart->svg)},
            {"title", std::move(chart->title)},
            {"overview", std::move(chart->overview)},
            {"source", std::move(chart->source)}};
}

json patients_table(const model::Content& content, const model::Report& report,
                    const analyse::Availability& availability, const std::string& language) {
    if (!report.patients || availability.regions.empty()) {
        return nullptr;
    }
    json rows = json::array();
    for (const auto& row : availability.regions) {
        rows.push_back({{"region", region_name(content, row.region, language)},
                        {"new_treated", optional_count(row.new_treated)},
                        {"new_not_treated", optional_count(row.new_not_treated)},
                        {"population",
                         row.population ? format_count(static_cast<double>(*row.population)) : "–"},
                        {"rate", row.rate_per_100k ? format_decimal(*row.rate_per_100k, 1) : "–"}});
    }
    std::string note;
    const auto& first = availability.regions.front();
    if (first.population) {
        note = first.population_exact_year
                   ? ui("ui.population_note", language,
                        {std::to_string(first.population_year), first.population_source})
                   : ui("ui.population_nearest", language,
                        {std::to_string(report.folder_year), std::to_string(first.population_year),
                         first.population_source});
    }
    json total_not_treated = "–";
    if (!report.patients->new_not_treated.empty()) {
        double sum = 0;
        for (const auto& c : report.patients->new_not_treated) {
            sum += c.count.value;
        }
        total_not_treated = format_count(sum);
    }
    json charts = json::array();  // the count per region, then the rate per 100 000
    std::optional<ChartFigure> figures[] = {patients_chart(content, report, availability, language),
                                            rates_chart(content, report, availability, language)};
    for (auto& chart : figures) {
        if (json figure = chart_data(std::move(chart)); !figure.is_null()) {
            charts.push_back(std::move(figure));
        }
    }
    return {{"caption", ui("ui.patients_caption", language, {std::to_string(report.folder_year)})},
            {"rows", std::move(rows)},
            {"total_treated", optional_count(availability.total_treated)},
            {"total_not_treated", std::move(total_not_treated)},
            {"national_rate", availability.national_rate_per_100k
                                  ? format_decimal(*availability.national_rate_per_100k, 1)
                                  : "–"},
            {"population_note", std::move(note)},
            {"note", report.patients->note},
            {"charts", std::move(charts)}};
}

json goals_table(const model::Report& report, const std::string& language) {
    json rows = json::array();
    for (const auto& goal : report.goals) {
        rows.push_back(
            {{"title", goal.title},
             {"kind", ui(goal.kind == "quality" ? "ui.goal_quality" : "ui.goal_result", language)},
             {"indicator", goal.indicator},
             {"target", goal.target},
             {"result", goal.result},
             {"met",
              goal.met ? ui(*goal.met ? "ui.yes" : "ui.no", language) : ui("ui.unknown", language)},
             {"assessment", goal.assessment}});
    }
    return rows;
}

json not_reported_list(const std::vector<model::NotReported>& entries, const model::Form* form,
                       const std::string& language) {
    json out = json::array();
    for (const auto& entry : entries) {
        std::string what = form ? form->title_of(entry.key, language) : entry.key;
        out.push_back({{"what", std::move(what)}, {"reason", entry.reason}});
    }
    return out;
}

json sections(const model::Form* form, const model::Service& service, const model::Report& report,
              const std::string& language) {
    json out = json::array();
    if (!form) {
        return out;
    }
    int number = 0;
    for (const auto& section : form->sections) {
        if (!section.in_year(report.folder_year)) {
            continue;
        }
        const model::Section* file = report.find_section(section.id);
        const model::NotReported* reason = report.find_not_reported(section.id);
        const bool shown = (file && file->has_content) || reason;
        if (!shown) {
            continue;
        }
        ++number;
        json item = {{"id", section.id},
                     {"number", std::to_string(number)},
                     {"title", section.title.in(language)},
                     {"patients", section.audience == model::Audience::patients}};
        // Every key is set in every item: Mustache looks a missing key up in the page.
        item["html"] = "";
        item["reason"] = "";
        if (file && file->has_content) {
            item["html"] = markdown_to_html(
                file->document,
                {1, section.id, ui("ui.table_region", language),
                 ui("ui.table_in_section", language, {section.title.in(language)})});
        } else {
            item["reason"] = reason->reason;
        }
        (void)service;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

json site_data(const model::Content& content, const std::string& language) {
    return {{"title", content.site.title.in(language)},
            {"example_content", content.site.example_content},
            {"example_notice", content.site.example_notice.empty()
                                   ? ui("ui.example_notice", language)
                                   : content.site.example_notice.in(language)}};
}

std::string report_path(const model::Service& service, const model::Report& report) {
    return service.slug + "/" + std::to_string(report.folder_year) + "/index.html";
}

const json& labels(const std::string& language) {
    // Every page has them: made once per language (the catalogue has nb and en texts).
    const auto make = [](const std::string& lang) {
        json t = json::object();
        for (const auto& key : messages::keys()) {
            if (key.rfind("ui.", 0) == 0) {
                t[key.substr(3)] = messages::text(key, lang);
            }
        }
        return json{{"t", t}};
    };
    static const json bokmal = make("nb");
    static const json english = make("en");
    return language == "en" ? english : bokmal;
}

json page_frame(const model::Content& content, const std::string& root, const std::string& title,
                const std::string& language) {
    json data = json::object();  // the labels ("t") come from the TemplateSet
    data["lang"] = language;
    data["root"] = root;
    data["site"] = site_data(content, language);
    data["page_title"] = title + " – " + content.site.title.in(language);
    data["title"] = title;
    return data;
}

json report_page_data(const model::Content& content, const model::Service& service,
                      const model::Report& report, const analyse::Availability& availability,
                      const DownloadSizes& downloads) {
    const std::string language = report.language.empty() ? "nb" : report.language;
    const model::Form* form = content.form_for(service.type);
    json data = json::object();  // the labels ("t") come from the TemplateSet
    data["lang"] = language;
    data["root"] = "../../";
    data["site"] = site_data(content, language);
    data["year"] = report.folder_year;
    data["name"] = service.name.in(language);
    data["name_en"] = service.name.en;
    data["page_title"] = ui("ui.report_title", language, {std::to_string(report.folder_year)}) +
                         ": " + service.name.in(language);
    data["heading"] = ui("ui.report_title", language, {std::to_string(report.folder_year)});
    data["type"] = ui("type." + service.type, language);
    json hosts = json::array();
    for (const auto& host : service.hosts) {
        hosts.push_back(
            {{"trust", host.trust}, {"region", region_name(content, host.region, language)}});
    }
    data["hosts"] = std::move(hosts);
    data["responsible_region"] = region_name(content, service.responsible_region, language);
    data["approved"] = service.approved;
    std::string codes;
    for (const auto& code : service.icd10) {
        codes += (codes.empty() ? "" : ", ") + code;
    }
    data["icd10"] = std::move(codes);
    data["sections"] = sections(form, service, report, language);
    data["data_heading"] = ui("ui.data", language, {std::to_string(report.folder_year)});
    data["patients"] = patients_table(content, report, availability, language);
    json activity = json::array();
    for (const auto& figure : report.activity) {
        activity.push_back(
            {{"label", figure.label},
             {"value", format_count(figure.value.value)},
             {"unit", figure.unit},
             {"previous_year",
              figure.previous_year ? format_count(figure.previous_year->value) : "–"}});
    }
    data["activity"] = std::move(activity);
    data["activity_caption"] =
        ui("ui.activity_caption", language, {std::to_string(report.folder_year)});
    json staff = json::array();
    for (const auto& entry : report.staff) {
        staff.push_back({{"specialty", entry.specialty},
                         {"count", entry.count ? format_count(entry.count->value) : "–"}});
    }
    data["staff"] = std::move(staff);
    data["goals"] = goals_table(report, language);
    json registries = json::array();
    for (const auto& registry : report.registries) {
        registries.push_back({{"name", registry.name}});
    }
    data["registries"] = std::move(registries);
    json accreditations = json::array();
    for (const auto& a : report.accreditations) {
        accreditations.push_back({{"name", a.name},
                                  {"holder", a.holder},
                                  {"status", ui("ui.accreditation_" + a.status, language)}});
    }
    data["accreditations"] = std::move(accreditations);
    if (report.reference_group) {
        json members = json::array();
        for (const auto& m : report.reference_group->members) {
            members.push_back({{"label", member_label(content, m, language)}});
        }
        data["reference_group"] = {
            {"members", std::move(members)},
            {"meetings", report.reference_group->meetings
                             ? format_count(report.reference_group->meetings->value)
                             : ""},
            {"approved",
             report.reference_group->approved_report
                 ? ui(*report.reference_group->approved_report ? "ui.yes" : "ui.no", language)
                 : ""}};
    }
    data["not_reported"] = not_reported_list(report.not_reported, form, language);
    data["sources"] = report.sources;
    // The PDF of the same report, when the build wrote one: the link names its size.
    const std::string pdf =
        service.slug + "/" + std::to_string(report.folder_year) + "/rapport.pdf";
    data["pdf"] = nullptr;
    if (const auto found = downloads.find(pdf); found != downloads.end()) {
        data["pdf"] = {
            {"href", "rapport.pdf"},
            {"label", ui("ui.pdf_download", language, {format_size(found->second, language)})}};
    }
    // Mustache has no "is this list empty": say it with flags.
    for (const char* list : {"activity", "staff", "goals", "registries", "accreditations",
                             "not_reported", "sources"}) {
        data[std::string("has_") + list] = !data[list].empty();
    }
    if (data.contains("reference_group")) {
        data["reference_group"]["has_members"] = !data["reference_group"]["members"].empty();
    }
    return data;
}

json index_page_data(const model::Content& content, const DownloadSizes& downloads) {
    const std::string language = "nb";
    json data = json::object();  // the labels ("t") come from the TemplateSet
    data["lang"] = language;
    data["root"] = "";
    data["site"] = site_data(content, language);
    data["page_title"] = content.site.title.in(language);
    json services = json::array();
    for (const auto& service : content.services) {
        json reports = json::array();
        for (const auto& report : service.reports) {
            reports.push_back(
                {{"year", report.folder_year}, {"href", report_path(service, report)}});
        }
        services.push_back({{"name", service.name.in(language)},
                            {"href", service.slug + "/index.html"},
                            {"name_en", service.name.en},
                            {"type", ui("type." + service.type, language)},
                            {"reports", reports}});
    }
    data["services"] = services;
    int latest_year = 0;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            latest_year = std::max(latest_year, report.folder_year);
        }
    }
    if (latest_year > 0) {
        json latest = json::array();
        for (const auto& service : content.services) {
            for (const auto& report : service.reports) {
                if (report.folder_year == latest_year) {
                    latest.push_back({{"name", service.name.in(language)},
                                      {"href", report_path(service, report)}});
                }
            }
        }
        data["latest"] = {
            {"heading", ui("ui.latest_reports", language, {std::to_string(latest_year)})},
            {"reports", latest}};
    }
    json volumes = json::array();
    for (const auto& [path, bytes] : downloads) {
        if (path.rfind("arsrapporter-", 0) == 0) {
            const std::string year = path.substr(13, 4);
            volumes.push_back({{"href", path},
                               {"label", ui("ui.volume_download", language,
                                            {year, format_size(bytes, language)})}});
        }
    }
    data["volumes"] = volumes;
    data["has_volumes"] = !volumes.empty();
    return data;
}

}  // namespace rv::render
