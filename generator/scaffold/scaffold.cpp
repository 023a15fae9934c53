#include "scaffold/scaffold.hpp"

#include <nlohmann/json.hpp>

namespace rv::scaffold {

namespace {

using ordered = nlohmann::ordered_json;

// Guidance goes into an HTML comment, which "--" would end early.
std::string comment_safe(std::string text) {
    for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at)) {
        text.replace(at, 2, "\u2013");
    }
    return text;
}

const model::Report* latest_before(const model::Service& service, int year) {
    const model::Report* best = nullptr;
    for (const auto& report : service.reports) {
        if (report.folder_year < year && report.data_loaded &&
            (!best || report.folder_year > best->folder_year)) {
            best = &report;
        }
    }
    return best;
}

ordered report_json(const model::Service& service, const model::Report* previous, int year) {
    ordered out;
    out["$schema"] = previous && !previous->schema_ref.empty()
                         ? previous->schema_ref
                         : "../../../../schemas/report.schema.json";
    out["service"] = service.slug;
    out["year"] = year;
    out["language"] = previous ? previous->language : "nb";
    if (!previous) {
        return out;
    }
    if (!previous->staff.empty()) {
        ordered staff = ordered::array();
        for (const auto& entry : previous->staff) {
            ordered item = {{"specialty", entry.specialty}};
            if (entry.count) {
                item["count"] = static_cast<long long>(entry.count->value);
            }
            if (!entry.note.empty()) {
                item["note"] = entry.note;
            }
            staff.push_back(item);
        }
        out["staff"] = staff;
    }
    if (!previous->registries.empty()) {
        ordered registries = ordered::array();
        for (const auto& registry : previous->registries) {
            ordered item = {{"name", registry.name}};
            if (!registry.kind.empty())
                item["kind"] = registry.kind;
            if (!registry.url.empty())
                item["url"] = registry.url;
            registries.push_back(item);
        }
        out["registries"] = registries;
    }
    if (!previous->accreditations.empty()) {
        ordered accreditations = ordered::array();
        for (const auto& a : previous->accreditations) {
            ordered item = {{"name", a.name}, {"status", a.status}};
            if (!a.holder.empty())
                item["holder"] = a.holder;
            accreditations.push_back(item);
        }
        out["accreditations"] = accreditations;
    }
    if (previous->reference_group && !previous->reference_group->members.empty()) {
        ordered members = ordered::array();
        for (const auto& m : previous->reference_group->members) {
            ordered item = ordered::object();
            if (!m.name.empty())
                item["name"] = m.name;
            if (!m.role.empty())
                item["role"] = m.role;
            if (!m.region.empty())
                item["region"] = m.region;
            if (m.user_representative)
                item["user_representative"] = true;
            if (m.from_service)
                item["from_service"] = true;
            members.push_back(item);
        }
        out["reference_group"] = {{"members", members}};
    }
    return out;
}

}  // namespace

Plan plan_report(const model::Content& content, const std::string& slug, int year) {
    Plan plan;
    const model::Service* service = content.find_service(slug);
    if (!service || !service->data_loaded) {
        plan.error = "cli.new_no_service";
        return plan;
    }
    const model::Form* form = content.form_for(service->type);
    if (!form) {
        plan.error = "cli.new_no_form";
        return plan;
    }
    const model::Report* previous = latest_before(*service, year);
    plan.files.push_back({"report.json", report_json(*service, previous, year).dump(2) + "\n"});
    for (const auto& section : form->sections) {
        if (!section.in_year(year)) {
            continue;
        }
        const bool required = section.required_for(service->type, year);
        std::string text = "<!--\n" + comment_safe(section.title.nb) +
                           (required ? " (påkrevd)" : " (valgfri)") + "\n\n" +
                           comment_safe(section.guidance.nb) +
                           "\n\nSkriv teksten under denne kommentaren. Bruk ## for "
                           "underoverskrifter.\n-->\n";
        plan.files.push_back({section.id + ".md", text});
        ++plan.sections;
    }
    return plan;
}

}  // namespace rv::scaffold
