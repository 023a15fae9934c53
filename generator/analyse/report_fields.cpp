#include "analyse/report_fields.hpp"

namespace rv::analyse {

namespace {

std::string pointer_of(const std::string& path) {
    std::string out = "/";
    for (char c : path) {
        out += c == '.' ? '/' : c;
    }
    return out;
}

void set_number(FieldValue& out, const std::optional<model::Number>& n) {
    if (n) {
        out.present = true;
        out.number = n->value;
        out.at = n->at;
    }
}

void set_flag(FieldValue& out, const std::optional<bool>& flag) {
    if (flag) {
        out.present = true;
        out.flag = flag;
    }
}

}  // namespace

FieldValue report_field(const model::Report& report, const std::string& path,
                        const std::string& item_value, const std::string& item_label) {
    FieldValue out;
    out.known = true;
    out.at = model::locate(report.file, report.positions, pointer_of(path));
    const auto* patients = report.patients ? &*report.patients : nullptr;
    const auto* research = report.research ? &*report.research : nullptr;
    const auto* plan = report.dissemination_plan ? &*report.dissemination_plan : nullptr;
    const auto* group = report.reference_group ? &*report.reference_group : nullptr;
    if (path == "patients") {
        out.present = patients != nullptr;
    } else if (path == "patients.new_treated") {
        out.present = patients && !patients->new_treated.empty();
    } else if (path == "patients.new_not_treated") {
        out.present = patients && !patients->new_not_treated.empty();
    } else if (path == "patients.total_treated") {
        set_number(out, patients ? patients->total_treated : std::nullopt);
    } else if (path == "staff") {
        out.present = !report.staff.empty();
        if (!item_value.empty() && item_value != "count") {
            out.known = false;
        }
        if (!item_label.empty() && item_label != "specialty") {
            out.known = false;
        }
        for (const auto& entry : report.staff) {
            out.items.push_back(
                {entry.specialty,
                 entry.count ? std::optional<double>(entry.count->value) : std::nullopt, entry.at});
        }
    } else if (path == "activity") {
        out.present = !report.activity.empty();
        if ((!item_value.empty() && item_value != "value") ||
            (!item_label.empty() && item_label != "label")) {
            out.known = false;
        }
        for (const auto& figure : report.activity) {
            out.items.push_back({figure.label, figure.value.value, figure.at});
        }
    } else if (path == "goals") {
        out.present = !report.goals.empty();
    } else if (path == "registries") {
        out.present = !report.registries.empty();
    } else if (path == "accreditations") {
        out.present = !report.accreditations.empty();
    } else if (path == "research") {
        out.present = research != nullptr;
    } else if (path == "research.publications") {
        set_number(out, research ? research->publications : std::nullopt);
    } else if (path == "research.theses") {
        set_number(out, research ? research->theses : std::nullopt);
    } else if (path == "research.projects") {
        set_number(out, research ? research->projects : std::nullopt);
    } else if (path == "dissemination_plan") {
        out.present = plan != nullptr;
    } else if (path == "dissemination_plan.exists") {
        set_flag(out, plan ? std::optional<bool>(plan->exists) : std::nullopt);
    } else if (path == "dissemination_plan.made_with_reference_group") {
        set_flag(out, plan ? plan->made_with_reference_group : std::nullopt);
    } else if (path == "reference_group") {
        out.present = group != nullptr;
    } else if (path == "reference_group.members") {
        out.present = group && !group->members.empty();
    } else if (path == "reference_group.meetings") {
        set_number(out, group ? group->meetings : std::nullopt);
    } else if (path == "reference_group.approved_report") {
        set_flag(out, group ? group->approved_report : std::nullopt);
    } else {
        out.known = false;
    }
    return out;
}

}  // namespace rv::analyse
