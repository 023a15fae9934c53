// The overviews: per health region, per service type, per year, and the national table of
// new patients per region for every service.
#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "analyse/availability.hpp"
#include "analyse/population.hpp"
#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

const std::string language = "nb";

std::string ui(const std::string& key, const std::vector<std::string>& args = {}) {
    return messages::text(key, language, args);
}

// The data every overview page starts from.
json page(const model::Content& content, const std::string& root, const std::string& title) {
    return page_frame(content, root, title, language);
}

json service_item(const model::Service& service, const std::string& root) {
    return {{"name", service.name.in(language)},
            {"name_en", service.name.en},
            {"href", root + service_path(service)},
            {"type", messages::text("type." + service.type, language)}};
}

const model::Report* report_of(const model::Service& service, int year) {
    for (const auto& report : service.reports) {
        if (report.folder_year == year) {
            return &report;
        }
    }
    return nullptr;
}

std::string count_or_dash(const std::optional<double>& value) {
    return value ? messages::format_count(*value) : "–";
}

}  // namespace

std::string region_path(const std::string& region_id) {
    return "regioner/" + region_id + "/index.html";
}
std::string type_path(const std::string& type) {
    return "typer/" + type + "/index.html";
}
std::string year_path(int year) {
    return "ar/" + std::to_string(year) + "/index.html";
}

std::vector<std::string> service_types(const model::Content& content) {
    std::vector<std::string> types;
    for (const auto& service : content.services) {
        if (!service.type.empty() &&
            std::find(types.begin(), types.end(), service.type) == types.end()) {
            types.push_back(service.type);
        }
    }
    std::sort(types.begin(), types.end());
    return types;
}

std::vector<int> report_years(const model::Content& content) {
    std::set<int> years;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            years.insert(report.folder_year);
        }
    }
    return {years.rbegin(), years.rend()};  // newest first
}

int national_year(const model::Content& content) {
    if (content.site.default_year > 0) {
        return content.site.default_year;
    }
    const auto years = report_years(content);
    return years.empty() ? 0 : years.front();
}

json region_page_data(const model::Content& content, const model::Region& region) {
    const std::string root = "../../";
    const std::string name = region.name.in(language);
    json data = page(content, root, name);
    json hosted = json::array();
    for (const auto& service : content.services) {
        const bool here = std::any_of(service.hosts.begin(), service.hosts.end(),
                                      [&](const model::Host& h) { return h.region == region.id; });
        if (here) {
            hosted.push_back(service_item(service, root));
        }
    }
    data["services_heading"] = ui("ui.region_services", {name});
    data["services"] = hosted;
    data["has_services"] = !hosted.empty();
    // New patients from the region per service, from each service's latest report.
    json rows = json::array();
    for (const auto& service : content.services) {
        if (service.reports.empty()) {
            continue;
        }
        const model::Report& report = service.reports.back();
        const auto figures = analyse::availability(content, report);
        json row = {{"service", service.name.in(language)},
                    {"href", root + service_path(service)},
                    {"year", std::to_string(report.folder_year)},
                    {"new_treated", "–"},
                    {"rate", "–"}};
        for (const auto& r : figures.regions) {
            if (r.region == region.id) {
                row["new_treated"] = count_or_dash(r.new_treated);
                row["rate"] = r.rate_per_100k ? messages::format_decimal(*r.rate_per_100k, 1) : "–";
            }
        }
        rows.push_back(row);
    }
    data["patients_heading"] = ui("ui.region_patients", {name});
    data["patients_caption"] = ui("ui.region_patients_caption", {name});
    data["patients"] = rows;
    data["has_patients"] = !rows.empty();
    return data;
}

json type_page_data(const model::Content& content, const std::string& type) {
    const std::string root = "../../";
    json data = page(content, root, messages::text("type." + type, language));
    json services = json::array();
    for (const auto& service : content.services) {
        if (service.type == type) {
            services.push_back(service_item(service, root));
        }
    }
    data["services"] = services;
    return data;
}

json year_page_data(const model::Content& content, int year) {
    const std::string root = "../../";
    json data = page(content, root, ui("ui.year_title", {std::to_string(year)}));
    json reports = json::array();
    for (const auto& service : content.services) {
        if (const model::Report* report = report_of(service, year)) {
            reports.push_back({{"name", service.name.in(language)},
                               {"name_en", service.name.en},
                               {"href", root + report_path(service, *report)},
                               {"service_href", root + service_path(service)},
                               {"type", messages::text("type." + service.type, language)}});
        }
    }
    data["reports"] = reports;
    return data;
}

json availability_page_data(const model::Content& content) {
    const std::string root = "../";
    const int year = national_year(content);
    json data = page(content, root, ui("ui.availability_title"));
    data["intro"] = ui("ui.availability_intro", {std::to_string(year)});
    data["caption"] = ui("ui.national_summary", {std::to_string(year)});
    json regions = json::array();
    for (const auto& region : content.regions) {
        regions.push_back(
            {{"name", region.name.in(language)}, {"href", root + region_path(region.id)}});
    }
    data["regions"] = regions;
    std::vector<double> sums(content.regions.size(), 0.0);
    std::vector<bool> any(content.regions.size(), false);
    double grand_total = 0;
    bool any_total = false;
    json rows = json::array();
    for (const auto& service : content.services) {
        json cells = json::array();
        json row = {{"service", service.name.in(language)},
                    {"href", root + service_path(service)},
                    {"total", "–"}};
        const model::Report* report = report_of(service, year);
        std::optional<double> total;
        for (std::size_t i = 0; i < content.regions.size(); ++i) {
            std::optional<double> value;
            if (report && report->patients && !report->patients->new_treated.empty()) {
                value = model::count_for(report->patients->new_treated, content.regions[i].id);
                if (!value) {
                    value = 0;  // a region left out has none
                }
                sums[i] += *value;
                any[i] = true;
                total = total.value_or(0) + *value;
            }
            cells.push_back({{"value", count_or_dash(value)}});
        }
        if (total) {
            row["total"] = messages::format_count(*total);
            grand_total += *total;
            any_total = true;
        }
        row["cells"] = cells;
        rows.push_back(row);
    }
    data["rows"] = rows;
    json sum_cells = json::array();
    json rate_cells = json::array();
    std::int64_t population_total = 0;
    bool all_populations = true;
    std::string note;
    for (std::size_t i = 0; i < content.regions.size(); ++i) {
        sum_cells.push_back({{"value", any[i] ? messages::format_count(sums[i]) : "–"}});
        const auto used = analyse::population_for(content.regions[i], year);
        std::string rate = "–";
        if (used && used->figure.count > 0) {
            population_total += used->figure.count;
            if (any[i]) {
                rate = messages::format_decimal(sums[i] * 100000.0 / used->figure.count, 1);
            }
            if (note.empty()) {
                note = used->exact_year
                           ? ui("ui.population_note",
                                {std::to_string(used->figure.year), used->figure.source})
                           : ui("ui.population_nearest",
                                {std::to_string(year), std::to_string(used->figure.year),
                                 used->figure.source});
            }
        } else {
            all_populations = false;
        }
        rate_cells.push_back({{"value", rate}});
    }
    data["sum_cells"] = sum_cells;
    data["rate_cells"] = rate_cells;
    data["grand_total"] = any_total ? messages::format_count(grand_total) : "–";
    data["national_rate"] =
        any_total && all_populations && population_total > 0
            ? messages::format_decimal(grand_total * 100000.0 / population_total, 1)
            : "–";
    data["population_note"] = note;
    data["dash_note"] = ui("ui.availability_dash_note", {std::to_string(year)});
    return data;
}

json overview_links(const model::Content& content) {
    json regions = json::array();
    for (const auto& region : content.regions) {
        regions.push_back({{"name", region.name.in(language)}, {"href", region_path(region.id)}});
    }
    json types = json::array();
    for (const auto& type : service_types(content)) {
        types.push_back(
            {{"name", messages::text("type." + type, language)}, {"href", type_path(type)}});
    }
    json years = json::array();
    for (const int year : report_years(content)) {
        years.push_back({{"name", std::to_string(year)}, {"href", year_path(year)}});
    }
    return {{"regions", regions},
            {"types", types},
            {"years", years},
            {"availability_href", availability_page_path},
            {"availability_label",
             ui("ui.availability_link", {std::to_string(national_year(content))})},
            {"statement_href", accessibility_statement_path}};
}

std::vector<SitePage> site_pages(const model::Content& content) {
    std::vector<SitePage> pages;
    for (const auto& service : content.services) {
        pages.push_back({service_path(service), "service", true,
                         [&content, &service] { return service_page_data(content, service); }});
    }
    for (const auto& region : content.regions) {
        pages.push_back({region_path(region.id), "region", true,
                         [&content, &region] { return region_page_data(content, region); }});
    }
    for (const auto& type : service_types(content)) {
        pages.push_back({type_path(type), "type", true,
                         [&content, type] { return type_page_data(content, type); }});
    }
    for (const int year : report_years(content)) {
        pages.push_back({year_path(year), "year", true,
                         [&content, year] { return year_page_data(content, year); }});
    }
    pages.push_back({availability_page_path, "availability", true,
                     [&content] { return availability_page_data(content); }});
    pages.push_back({accessibility_statement_path, "statement", true,
                     [&content] { return accessibility_statement_data(content); }});
    pages.push_back({not_found_page_path, "notfound", false,
                     [&content] { return not_found_page_data(content); }});
    return pages;
}

}  // namespace rv::render
