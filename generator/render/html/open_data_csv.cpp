// The CSV files of the open data: one row per service × year × region (new patients), per
// activity figure, per specialty and per goal. RFC 4180, UTF-8, a header row of the
// column names in open_data_files(), numbers with a decimal point.
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "analyse/availability.hpp"
#include "render/html/open_data.hpp"

namespace rv::render {

namespace {

using Row = std::vector<std::string>;

std::string field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

// Whole numbers without a decimal point; others in the shortest form that reads back the same.
std::string number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string number(const std::optional<double>& value) {
    return value ? number(*value) : "";
}

std::string number(const std::optional<model::Number>& value) {
    return value ? number(value->value) : "";
}

const DataFile& file_named(const std::string& id) {
    for (const auto& file : open_data_files()) {
        if (file.id == id) {
            return file;
        }
    }
    throw std::logic_error("no open data file " + id);
}

std::string region_name(const model::Content& content, const std::string& id) {
    const model::Region* region = content.find_region(id);
    return region ? region->name.in("nb") : id;
}

std::vector<Row> patient_rows(const model::Content& content, const model::Service& service,
                              const model::Report& report) {
    std::vector<Row> rows;
    for (const auto& region : analyse::availability(content, report).regions) {
        rows.push_back({service.slug, service.name.in("nb"), service.type,
                        std::to_string(report.folder_year), region.region,
                        region_name(content, region.region), number(region.new_treated),
                        number(region.new_not_treated),
                        region.population ? std::to_string(*region.population) : "",
                        region.population ? std::to_string(region.population_year) : "",
                        number(region.rate_per_100k)});
    }
    return rows;
}

std::vector<Row> activity_rows(const model::Service& service, const model::Report& report) {
    std::vector<Row> rows;
    for (const auto& figure : report.activity) {
        rows.push_back({service.slug, service.name.in("nb"), std::to_string(report.folder_year),
                        figure.label, number(figure.value.value), figure.unit,
                        number(figure.previous_year), figure.note});
    }
    return rows;
}

std::vector<Row> staff_rows(const model::Service& service, const model::Report& report) {
    std::vector<Row> rows;
    for (const auto& entry : report.staff) {
        rows.push_back({service.slug, service.name.in("nb"), std::to_string(report.folder_year),
                        entry.specialty, number(entry.count), entry.note});
    }
    return rows;
}

std::vector<Row> goal_rows(const model::Service& service, const model::Report& report) {
    std::vector<Row> rows;
    for (const auto& goal : report.goals) {
        rows.push_back({service.slug, service.name.in("nb"), std::to_string(report.folder_year),
                        goal.kind, goal.title, goal.indicator, goal.target, goal.result,
                        goal.met ? (*goal.met ? "true" : "false") : "", goal.assessment});
    }
    return rows;
}

std::vector<Row> rows_of(const model::Content& content, const model::Service& service,
                         const model::Report& report, const std::string& id) {
    if (id == "nye-pasienter") {
        return patient_rows(content, service, report);
    }
    if (id == "aktivitet") {
        return activity_rows(service, report);
    }
    if (id == "fagpersoner") {
        return staff_rows(service, report);
    }
    if (id == "mal") {
        return goal_rows(service, report);
    }
    throw std::logic_error("no CSV rows for " + id);
}

void append(std::string& out, const Row& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        out += (i == 0 ? "" : ",") + field(row[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string open_data_csv(const model::Content& content, const std::string& id) {
    const DataFile& file = file_named(id);
    Row header;
    for (const auto& column : file.fields) {
        header.push_back(column.name);
    }
    std::string out;
    append(out, header);
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            for (const auto& row : rows_of(content, service, report, id)) {
                if (row.size() != header.size()) {
                    throw std::logic_error(file.path + ": a row does not match the header");
                }
                append(out, row);
            }
        }
    }
    return out;
}

}  // namespace rv::render
