#include <algorithm>
#include <cmath>
#include <map>

#include "validate/checks.hpp"
#include "validate/suggest.hpp"

namespace rv::validate {

namespace {

using model::Diagnostic;
using model::Severity;

std::string format_number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    std::string text = std::to_string(value);
    while (!text.empty() && text.back() == '0') {
        text.pop_back();
    }
    return text;
}

std::string to_pointer(const std::string& dotted_path) {
    std::string pointer = "/" + dotted_path;
    for (auto& c : pointer) {
        if (c == '.') {
            c = '/';
        }
    }
    return pointer;
}

bool field_present(const model::Report& report, const std::string& path) {
    const auto found = report.positions.find(to_pointer(path));
    return found != report.positions.end() && !found->second.empty;
}

model::SourceLocation file_start(const std::string& file) {
    return {file, 1, 1};
}

double sum(const std::vector<model::RegionCount>& counts) {
    double total = 0;
    for (const auto& c : counts) {
        total += c.count.value;
    }
    return total;
}

void check_sections(const model::Form& form, const model::Service& service,
                    const model::Report& report, model::Diagnostics& out) {
    const int year = report.folder_year;
    std::vector<std::string> form_ids;
    for (const auto& section : form.sections) {
        form_ids.push_back(section.id);
        const model::Section* file = report.find_section(section.id);
        const model::NotReported* reason = report.find_not_reported(section.id);
        if (!section.in_year(year)) {
            if (file && file->has_content) {
                out.push_back({"RV037",
                               Severity::warning,
                               file_start(file->file),
                               {section.id, std::to_string(year)}});
            }
            continue;
        }
        const bool required = section.required_for(service.type, year);
        if (reason && file && file->has_content) {
            out.push_back({"RV036", Severity::warning, reason->at, {section.id}});
        } else if (!file && required && !reason) {
            out.push_back({"RV030",
                           Severity::error,
                           file_start(report.file),
                           {section.id, section.title.nb}});
        } else if (file && file->readable && !file->has_content && !reason) {
            if (required) {
                out.push_back({"RV033",
                               Severity::error,
                               file_start(file->file),
                               {section.id, section.title.nb}});
            } else {
                out.push_back({"RV034", Severity::warning, file_start(file->file), {section.id}});
            }
        }
    }
    for (const auto& file : report.sections) {
        if (!form.find_section(file.id)) {
            out.push_back({"RV032",
                           Severity::error,
                           file_start(file.file),
                           {file.id + ".md", closest(file.id, form_ids)}});
        }
    }
}

void check_fields(const model::Form& form, const model::Service& service,
                  const model::Report& report, model::Diagnostics& out) {
    const int year = report.folder_year;
    for (const auto& field : form.fields) {
        const bool present = field_present(report, field.path);
        const model::NotReported* reason = report.find_not_reported(field.path);
        if (!field.in_year(year)) {
            if (present) {
                out.push_back({"RV038",
                               Severity::warning,
                               model::locate(report.file, report.positions, to_pointer(field.path)),
                               {field.path, std::to_string(year)}});
            }
            continue;
        }
        if (present && reason) {
            out.push_back({"RV036", Severity::warning, reason->at, {field.path}});
        } else if (!present && !reason && field.required_for(service.type, year)) {
            out.push_back({"RV031",
                           Severity::error,
                           model::locate(report.file, report.positions, to_pointer(field.path)),
                           {field.path, field.title.nb}});
        }
    }
    std::vector<std::string> keys;
    for (const auto& section : form.sections) {
        keys.push_back(section.id);
    }
    for (const auto& field : form.fields) {
        keys.push_back(field.path);
    }
    for (const auto& entry : report.not_reported) {
        if (std::find(keys.begin(), keys.end(), entry.key) == keys.end()) {
            out.push_back(
                {"RV035", Severity::warning, entry.at, {entry.key, closest(entry.key, keys)}});
        }
    }
}

// A count the schema accepts: whole, not negative, and small enough to add exactly.
bool is_count(double value) {
    return value >= 0 && value < 1e12 && std::floor(value) == value;
}

bool all_counts(const model::Patients& patients) {
    const auto whole = [](const std::vector<model::RegionCount>& counts) {
        return std::all_of(counts.begin(), counts.end(),
                           [](const auto& c) { return is_count(c.count.value); });
    };
    if (!whole(patients.new_treated) ||
        (patients.total_treated && !is_count(patients.total_treated->value))) {
        return false;
    }
    return std::all_of(patients.by_host.begin(), patients.by_host.end(), [&](const auto& host) {
        return whole(host.new_treated) &&
               (!host.total_treated || is_count(host.total_treated->value));
    });
}

void check_patients(const model::Content& content, const model::Patients& patients,
                    model::Diagnostics& out) {
    for (const auto* counts : {&patients.new_treated, &patients.new_not_treated}) {
        for (const auto& c : *counts) {
            check_region(content, c.region, c.count.at, out);
        }
    }
    for (const auto& host : patients.by_host) {
        for (const auto& c : host.new_treated) {
            check_region(content, c.region, c.count.at, out);
        }
    }
    if (!all_counts(patients)) {
        return;  // the schema check has said which figure is not a count; sums would mislead
    }
    if (patients.total_treated && !patients.new_treated.empty() &&
        sum(patients.new_treated) != patients.total_treated->value) {
        out.push_back({"RV041",
                       Severity::error,
                       patients.total_treated->at,
                       {format_number(sum(patients.new_treated)),
                        format_number(patients.total_treated->value)}});
    }
    if (patients.by_host.empty()) {
        return;
    }
    bool all_totals = patients.total_treated.has_value();
    bool all_regions = !patients.new_treated.empty();
    double host_total = 0;
    std::map<std::string, double> per_region;
    for (const auto& host : patients.by_host) {
        for (const auto& c : host.new_treated) {
            per_region[c.region] += c.count.value;
        }
        if (host.total_treated && !host.new_treated.empty() &&
            sum(host.new_treated) != host.total_treated->value) {
            out.push_back(
                {"RV041",
                 Severity::error,
                 host.total_treated->at,
                 {format_number(sum(host.new_treated)), format_number(host.total_treated->value)}});
        }
        all_totals = all_totals && host.total_treated.has_value();
        all_regions = all_regions && !host.new_treated.empty();
        host_total += host.total_treated ? host.total_treated->value : 0;
    }
    if (all_totals && host_total != patients.total_treated->value) {
        out.push_back({"RV043",
                       Severity::error,
                       patients.by_host.front().at,
                       {format_number(host_total), format_number(patients.total_treated->value)}});
    }
    if (all_regions) {
        for (const auto& c : patients.new_treated) {
            if (per_region[c.region] != c.count.value) {
                out.push_back({"RV042",
                               Severity::error,
                               c.count.at,
                               {c.region, format_number(per_region[c.region]),
                                format_number(c.count.value)}});
            }
            per_region.erase(c.region);
        }
        for (const auto& [region, value] : per_region) {
            if (value != 0) {
                out.push_back(
                    {"RV042", Severity::error, patients.at, {region, format_number(value), "0"}});
            }
        }
    }
}

}  // namespace

void check_region(const model::Content& content, const std::string& region,
                  const model::SourceLocation& at, model::Diagnostics& out) {
    if (content.find_region(region)) {
        return;
    }
    std::vector<std::string> ids;
    for (const auto& r : content.regions) {
        ids.push_back(r.id);
    }
    out.push_back({"RV040", Severity::error, at, {region, closest(region, ids)}});
}

void check_report(const model::Content& content, const model::Service& service,
                  const model::Report& report, model::Diagnostics& out) {
    if (report.data_loaded) {
        if (report.year != 0 && report.year != report.folder_year) {
            out.push_back({"RV021",
                           Severity::error,
                           model::locate(report.file, report.positions, "/year"),
                           {std::to_string(report.year), std::to_string(report.folder_year)}});
        }
        if (!report.service.empty() && report.service != service.slug) {
            out.push_back({"RV022",
                           Severity::error,
                           model::locate(report.file, report.positions, "/service"),
                           {report.service, service.slug}});
        }
        if (report.patients) {
            check_patients(content, *report.patients, out);
        }
        // "At least three professionals per specialty" is a rule for treatment services.
        const bool treats = service.type == "nasjonal-behandlingstjeneste" ||
                            service.type == "flerregional-behandlingstjeneste";
        for (const auto& entry : report.staff) {
            if (treats && entry.count && entry.count->value < 3) {
                out.push_back({"RV044",
                               Severity::warning,
                               entry.count->at,
                               {entry.specialty, format_number(entry.count->value)}});
            }
        }
        if (report.reference_group) {
            for (const auto& member : report.reference_group->members) {
                if (!member.region.empty()) {
                    check_region(content, member.region, member.region_at, out);
                }
            }
        }
    }
    const model::Form* form = content.form_for(service.type);
    if (form && report.has_file) {  // without report.json, RV016 says all there is to say
        check_sections(*form, service, report, out);
        if (report.data_loaded) {
            check_fields(*form, service, report, out);
        }
    }
    for (const auto& section : report.sections) {
        if (section.has_content) {
            check_markdown(content, report, section, out);
        }
    }
}

}  // namespace rv::validate
