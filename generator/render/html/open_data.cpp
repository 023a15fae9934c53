// data/rapporter.json: every figure of every report, one record per report; and the writer
// of all open data files.
#include "render/html/open_data.hpp"

#include <algorithm>
#include <cmath>

#include "analyse/availability.hpp"
#include "messages/catalog.hpp"
#include "render/html/site_url.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

namespace {

using ojson = nlohmann::ordered_json;

// A count as an integer, anything else as it was written.
ojson number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
        return static_cast<long long>(value);
    }
    return value;
}

ojson number(const std::optional<double>& value) {
    return value ? number(*value) : ojson();
}

ojson number(const std::optional<model::Number>& value) {
    return value ? number(value->value) : ojson();
}

ojson text(const std::string& value) {
    return value.empty() ? ojson() : ojson(value);
}

ojson boolean(const std::optional<bool>& value) {
    return value ? ojson(*value) : ojson();
}

std::string region_name(const model::Content& content, const std::string& id) {
    const model::Region* region = content.find_region(id);
    return region ? region->name.in("nb") : id;
}

ojson patients_record(const model::Content& content, const model::Report& report,
                      const analyse::Availability& availability) {
    if (!report.patients) {
        return nullptr;
    }
    const model::Patients& patients = *report.patients;
    ojson regions = ojson::array();
    for (const auto& row : availability.regions) {
        regions.push_back(
            {{"region", row.region},
             {"region_name", region_name(content, row.region)},
             {"new_treated", number(row.new_treated)},
             {"new_not_treated", number(row.new_not_treated)},
             {"population",
              row.population ? ojson(static_cast<long long>(*row.population)) : ojson()},
             {"population_year", row.population ? ojson(row.population_year) : ojson()},
             {"population_source", row.population ? text(row.population_source) : ojson()},
             {"rate_per_100k", number(row.rate_per_100k)}});
    }
    std::optional<double> not_treated;
    for (const auto& count : patients.new_not_treated) {
        not_treated = not_treated.value_or(0) + count.count.value;
    }
    ojson by_host = ojson::array();
    for (const auto& host : patients.by_host) {
        ojson counts = ojson::array();
        for (const auto& count : host.new_treated) {
            counts.push_back({{"region", count.region}, {"count", number(count.count.value)}});
        }
        by_host.push_back({{"trust", host.trust},
                           {"new_treated", counts},
                           {"total_treated", number(host.total_treated)}});
    }
    return {{"regions", regions},
            {"new_treated_total", number(availability.total_treated)},
            {"new_not_treated_total", number(not_treated)},
            {"total_treated", number(patients.total_treated)},
            {"national_rate_per_100k", number(availability.national_rate_per_100k)},
            {"by_host", by_host},
            {"note", text(patients.note)}};
}

ojson reference_group_record(const model::Report& report) {
    if (!report.reference_group) {
        return nullptr;
    }
    const model::ReferenceGroup& group = *report.reference_group;
    long long users = 0;
    for (const auto& member : group.members) {
        users += member.user_representative ? 1 : 0;
    }
    return {{"members", static_cast<long long>(group.members.size())},
            {"user_representatives", users},
            {"meetings", number(group.meetings)},
            {"approved_report", boolean(group.approved_report)}};
}

ojson report_record(const model::Content& content, const model::Service& service,
                    const model::Report& report) {
    const analyse::Availability availability = analyse::availability(content, report);
    ojson hosts = ojson::array();
    for (const auto& host : service.hosts) {
        hosts.push_back(
            {{"trust", host.trust}, {"region", text(host.region)}, {"unit", text(host.unit)}});
    }
    ojson activity = ojson::array();
    for (const auto& figure : report.activity) {
        activity.push_back({{"label", figure.label},
                            {"value", number(figure.value.value)},
                            {"unit", text(figure.unit)},
                            {"previous_year", number(figure.previous_year)},
                            {"note", text(figure.note)}});
    }
    ojson staff = ojson::array();
    for (const auto& entry : report.staff) {
        staff.push_back({{"specialty", entry.specialty},
                         {"count", number(entry.count)},
                         {"note", text(entry.note)}});
    }
    ojson goals = ojson::array();
    for (const auto& goal : report.goals) {
        goals.push_back({{"kind", text(goal.kind)},
                         {"title", goal.title},
                         {"indicator", text(goal.indicator)},
                         {"target", text(goal.target)},
                         {"result", text(goal.result)},
                         {"met", boolean(goal.met)},
                         {"assessment", text(goal.assessment)}});
    }
    ojson research = nullptr;
    if (report.research) {
        research = {{"publications", number(report.research->publications)},
                    {"theses", number(report.research->theses)},
                    {"projects", number(report.research->projects)},
                    {"note", text(report.research->note)}};
    }
    ojson not_reported = ojson::array();
    for (const auto& entry : report.not_reported) {
        not_reported.push_back({{"key", entry.key}, {"reason", entry.reason}});
    }
    return {{"service", service.slug},
            {"name",
             {{"nb", text(service.name.nb)},
              {"nn", text(service.name.nn)},
              {"en", text(service.name.en)}}},
            {"short_name", text(service.short_name)},
            {"type", service.type},
            {"type_name", messages::text("type." + service.type, "nb")},
            {"year", report.folder_year},
            {"language", report.language.empty() ? "nb" : report.language},
            {"url", page_url(content.site, report_path(service, report))},
            {"hosts", hosts},
            {"responsible_region", text(service.responsible_region)},
            {"patients", patients_record(content, report, availability)},
            {"activity", activity},
            {"staff", staff},
            {"goals", goals},
            {"research", research},
            {"reference_group", reference_group_record(report)},
            {"not_reported", not_reported}};
}

}  // namespace

void write_open_data_json(const model::Content& content, const std::filesystem::path& file) {
    // Written record by record, as one dump with indent 2 would write it, never held whole:
    // at national scale the file is tens of MB.
    const ojson head = {{"site_title", content.site.title.in("nb")},
                        {"site_url", page_url(content.site, "index.html")},
                        {"reports", ojson::array()}};
    const std::string empty = head.dump(2, ' ', false, ojson::error_handler_t::replace);
    const std::string empty_end = "[]\n}";
    StreamedFile out(file);
    bool any = false;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            if (!any) {
                out.write(std::string_view(empty).substr(0, empty.size() - empty_end.size()));
                out.write("[");
            }
            std::string record = any ? ",\n    " : "\n    ";
            any = true;
            const std::string dumped = report_record(content, service, report)
                                           .dump(2, ' ', false, ojson::error_handler_t::replace);
            record.reserve(record.size() + dumped.size() + dumped.size() / 8);
            for (std::size_t from = 0; from < dumped.size();) {
                const std::size_t end = std::min(dumped.find('\n', from), dumped.size() - 1) + 1;
                record.append(dumped, from, end - from);
                if (dumped[end - 1] == '\n') {
                    record += "    ";  // one level deeper: two more spaces after each line end
                }
                from = end;
            }
            out.write(record);
        }
    }
    out.write(any ? "\n  ]\n}\n" : empty + "\n");
    out.close();
}

void write_open_data(const model::Content& content, const std::filesystem::path& out_dir) {
    for (const auto& file : open_data_files()) {
        if (file.format == "JSON") {
            write_open_data_json(content, out_dir / file.path);
        } else {
            write_file(out_dir / file.path, open_data_csv(content, file.id));
        }
    }
}

}  // namespace rv::render
