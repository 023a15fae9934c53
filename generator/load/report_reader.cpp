#include "load/report_reader.hpp"

#include <algorithm>
#include <tuple>

#include "load/json_view.hpp"

namespace rv::load {

namespace {

JsonView root_of(const LoadedJson& json) {
    return {&json.value, &json.positions, &json.file, ""};
}

std::vector<model::RegionCount> region_counts(const JsonView& view) {
    std::vector<model::RegionCount> out;
    for (const auto& [region, count] : view.members()) {
        if (auto n = count.number()) {
            out.push_back({region, *n});
        }
    }
    return out;
}

std::vector<model::NotReported> not_reported(const JsonView& view) {
    std::vector<model::NotReported> out;
    for (const auto& [key, reason] : view.members()) {
        out.push_back({key, reason.text(), reason.location()});
    }
    // In the order the author wrote them, not the reader's alphabetical order.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
    });
    return out;
}

model::Patients patients(const JsonView& view) {
    model::Patients out;
    out.at = view.location();
    out.new_treated = region_counts(view["new_treated"]);
    out.new_not_treated = region_counts(view["new_not_treated"]);
    out.total_treated = view["total_treated"].number();
    out.note = view["note"].text();
    for (const auto& host : view["by_host"].elements()) {
        model::HostPatients h;
        h.trust = host["trust"].text();
        h.new_treated = region_counts(host["new_treated"]);
        h.total_treated = host["total_treated"].number();
        h.at = host.location();
        out.by_host.push_back(std::move(h));
    }
    return out;
}

model::ReferenceGroup reference_group(const JsonView& view) {
    model::ReferenceGroup out;
    for (const auto& member : view["members"].elements()) {
        model::ReferenceGroupMember m;
        m.name = member["name"].text();
        m.role = member["role"].text();
        m.region = member["region"].text();
        m.user_representative = member["user_representative"].flag().value_or(false);
        m.from_service = member["from_service"].flag().value_or(false);
        m.at = member.location();
        m.region_at = member["region"].location();
        out.members.push_back(std::move(m));
    }
    out.meetings = view["meetings"].number();
    out.approved_report = view["approved_report"].flag();
    return out;
}

}  // namespace

void read_service(const LoadedJson& json, model::Service& service) {
    const JsonView root = root_of(json);
    service.data_loaded = json.ok;
    service.positions = json.positions;
    service.id = root["id"].text();
    service.name = root["name"].localized();
    service.short_name = root["short_name"].text();
    service.type = root["type"].text();
    for (const auto& host : root["hosts"].elements()) {
        service.hosts.push_back({host["trust"].text(), host["region"].text(), host["unit"].text(),
                                 host.location(), host["region"].location()});
    }
    service.responsible_region = root["responsible_region"].text();
    service.established = root["established"].text();
    service.approved = root["approved"].text();
    service.icd10 = root["icd10"].strings();
    service.description = root["description"].localized();
    const JsonView contact = root["contact"];
    service.contact = {contact["unit"].text(), contact["email"].text(), contact["phone"].text(),
                       contact["address"].text()};
    service.website = root["website"].text();
    if (const JsonView competence = root["competence"]; competence.is_object()) {
        service.competence =
            model::Competence{competence["function"].text(), competence["term_years"].integer(),
                              competence["term_start"].text(), competence["term_end"].text()};
    }
    service.not_reported = not_reported(root["not_reported"]);
    service.sources = root["sources"].strings();
}

void read_report(const LoadedJson& json, model::Report& report) {
    const JsonView root = root_of(json);
    report.data_loaded = json.ok;
    report.positions = json.positions;
    report.schema_ref = root["$schema"].text();
    report.service = root["service"].text();
    report.year = root["year"].integer();
    report.language = root["language"].text("nb");
    if (const JsonView p = root["patients"]; p.is_object()) {
        report.patients = patients(p);
    }
    for (const auto& item : root["activity"].elements()) {
        model::ActivityFigure figure;
        figure.label = item["label"].text();
        figure.unit = item["unit"].text();
        figure.note = item["note"].text();
        figure.value = item["value"].number().value_or(model::Number{0, item.location()});
        figure.previous_year = item["previous_year"].number();
        figure.at = item.location();
        report.activity.push_back(std::move(figure));
    }
    for (const auto& item : root["staff"].elements()) {
        report.staff.push_back({item["specialty"].text(), item["count"].number(),
                                item["note"].text(), item.location()});
    }
    for (const auto& item : root["goals"].elements()) {
        report.goals.push_back({item["kind"].text(), item["title"].text(), item["indicator"].text(),
                                item["target"].text(), item["result"].text(),
                                item["assessment"].text(), item["met"].flag(), item.location()});
    }
    for (const auto& item : root["registries"].elements()) {
        report.registries.push_back({item["name"].text(), item["kind"].text(), item["url"].text()});
    }
    for (const auto& item : root["accreditations"].elements()) {
        report.accreditations.push_back(
            {item["name"].text(), item["holder"].text(), item["status"].text()});
    }
    if (const JsonView r = root["research"]; r.is_object()) {
        report.research = model::Research{r["publications"].number(), r["theses"].number(),
                                          r["projects"].number(), r["note"].text()};
    }
    if (const JsonView d = root["dissemination_plan"]; d.is_object()) {
        report.dissemination_plan =
            model::DisseminationPlan{d["exists"].flag().value_or(false),
                                     d["made_with_reference_group"].flag(), d["summary"].text()};
    }
    if (const JsonView g = root["reference_group"]; g.is_object()) {
        report.reference_group = reference_group(g);
    }
    report.not_reported = not_reported(root["not_reported"]);
    report.sources = root["sources"].strings();
}

}  // namespace rv::load
