#include "analyse/criteria.hpp"

#include <cmath>

#include "analyse/report_fields.hpp"

namespace rv::analyse {

// Two kinds of rule. Documentation rules (section_present, field_true, field_present,
// goals_present) ask whether the report shows something: leaving it out, even with a
// reason under not_reported, is not met, and the reason is the evidence. Rules about facts
// (min_per_item, regional_sums_agree, availability_equal, reference_group, lix_max) need
// the figures: without them the finding is not assessable, with the service's reason.

namespace {

using Args = std::vector<EvidenceArg>;

EvidenceArg text(std::string value) {
    return {std::move(value), std::nullopt, 0};
}

EvidenceArg number(double value, int decimals = 0) {
    return {{}, value, decimals};
}

EvidenceArg flag(bool value) {
    return text(value ? "@ui.yes" : "@ui.no");
}

class Evaluator {
  public:
    Evaluator(const model::Content& content, const model::Service& service,
              const model::Report* report, int year, const model::Criterion& criterion)
        : content_(content),
          service_(service),
          report_(report),
          year_(year),
          rule_(criterion.rule) {
        finding_.criterion = criterion.id;
        finding_.severity = criterion.severity;
        finding_.kind = criterion.rule.kind;
    }

    Finding run() {
        const std::string& kind = rule_.kind;
        if (kind == "availability_equal") {
            availability_equal();  // pools years: works without this year's report too
            return finding_;
        }
        if (!report_ || !report_->data_loaded) {
            add("evidence.no_report", {number(year_)}, {});
            return finding_;
        }
        if (kind == "section_present") {
            section_present();
        } else if (kind == "field_true" || kind == "field_present") {
            field(kind == "field_true");
        } else if (kind == "min_per_item") {
            min_per_item();
        } else if (kind == "regional_sums_agree") {
            regional_sums_agree();
        } else if (kind == "reference_group") {
            reference_group();
        } else if (kind == "goals_present") {
            goals_present();
        } else if (kind == "lix_max") {
            lix_max();
        } else {
            add("evidence.unknown_rule", {text(kind)}, {});
        }
        return finding_;
    }

  private:
    const model::Content& content_;
    const model::Service& service_;
    const model::Report* report_;
    int year_;
    const model::CriterionRule& rule_;
    Finding finding_;

    void add(const std::string& key, Args args, const model::SourceLocation& at) {
        finding_.evidence.push_back({key, std::move(args), at});
    }

    void outcome(Outcome o) { finding_.outcome = o; }

    // Adds the service's reason when it lists `key`, or a field `key` lies in (the plan
    // for dissemination_plan.exists), under not_reported.
    bool not_reported(const std::string& key) {
        for (std::string k = key; !k.empty();) {
            if (const auto* entry = report_->find_not_reported(k)) {
                add("evidence.not_reported", {text(k), text(entry->reason)}, entry->at);
                return true;
            }
            const auto dot = k.rfind('.');
            k = dot == std::string::npos ? std::string() : k.substr(0, dot);
        }
        return false;
    }

    model::SourceLocation file_start(const std::string& file) const { return {file, 1, 1}; }

    void section_present() {
        const std::string& id = rule_.section;
        if (const model::Form* form = content_.form_for(service_.type)) {
            const auto* entry = form->find_section(id);
            if (entry && !entry->in_year(year_)) {
                add("evidence.section_not_in_form", {text(id), number(year_)}, {});
                return outcome(Outcome::not_assessable);
            }
        }
        const model::Section* section = report_->find_section(id);
        if (section && section->readable && section->has_content) {
            add("evidence.section_written", {text(id)}, file_start(section->file));
            return outcome(Outcome::met);
        }
        outcome(Outcome::not_met);
        if (not_reported(id)) {
            return;
        }
        if (section) {
            add("evidence.section_empty", {text(id)}, file_start(section->file));
        } else {
            add("evidence.section_missing", {text(id)}, {report_->dir, 0, 0});
        }
    }

    void field(bool must_be_true) {
        const FieldValue value = report_field(*report_, rule_.field);
        if (!value.known) {
            add("evidence.field_unknown", {text(rule_.field)}, {});
            return outcome(Outcome::not_assessable);
        }
        if (!value.present) {
            outcome(Outcome::not_met);
            if (!not_reported(rule_.field)) {
                add("evidence.field_missing", {text(rule_.field)}, {report_->file, 0, 0});
            }
            return;
        }
        if (value.flag) {
            add("evidence.field_value", {text(rule_.field), flag(*value.flag)}, value.at);
            return outcome(!must_be_true || *value.flag ? Outcome::met : Outcome::not_met);
        }
        if (value.number) {
            add("evidence.field_value", {text(rule_.field), number(*value.number, 2)}, value.at);
        } else {
            add("evidence.field_given", {text(rule_.field)}, value.at);
        }
        outcome(must_be_true ? Outcome::not_assessable : Outcome::met);
    }

    void min_per_item() {
        const double min = rule_.min.value_or(0);
        const FieldValue value =
            report_field(*report_, rule_.field, rule_.item_value, rule_.item_label);
        if (!value.known) {
            add("evidence.field_unknown", {text(rule_.field)}, {});
            return outcome(Outcome::not_assessable);
        }
        if (value.items.empty()) {
            if (!not_reported(rule_.field)) {
                add("evidence.field_missing", {text(rule_.field)}, {report_->file, 0, 0});
            }
            return outcome(Outcome::not_assessable);
        }
        bool below = false;
        bool missing = false;
        std::optional<double> least;
        for (const auto& item : value.items) {
            if (!item.value) {
                missing = true;
                add("evidence.item_missing", {text(item.label)}, item.at);
                continue;
            }
            least = least ? std::min(*least, *item.value) : *item.value;
            const bool ok = *item.value >= min;
            below = below || !ok;
            add(ok ? "evidence.item_value" : "evidence.item_below",
                {text(item.label), number(*item.value), number(min)}, item.at);
        }
        finding_.figure = least;
        outcome(below ? Outcome::not_met : missing ? Outcome::not_assessable : Outcome::met);
    }

    void regional_sums_agree() {
        if (!report_->patients || report_->patients->new_treated.empty()) {
            if (!not_reported("patients.new_treated") && !not_reported("patients")) {
                add("evidence.no_patients", {}, {});
            }
            return outcome(Outcome::not_assessable);
        }
        const auto& patients = *report_->patients;
        double sum = 0;
        for (const auto& c : patients.new_treated) {
            sum += c.count.value;
        }
        bool agree = true;
        if (patients.total_treated) {
            const double total = patients.total_treated->value;
            const bool same = std::fabs(sum - total) < 1e-9;
            agree = agree && same;
            add(same ? "evidence.sum_regions" : "evidence.sum_regions_differ",
                {number(sum), number(total)}, patients.total_treated->at);
        } else {
            add("evidence.field_missing", {text("patients.total_treated")}, patients.at);
        }
        double hosts = 0;
        bool all_hosts = !patients.by_host.empty();
        for (const auto& host : patients.by_host) {
            if (host.total_treated) {
                hosts += host.total_treated->value;
            } else {
                all_hosts = false;
            }
        }
        if (all_hosts && patients.total_treated) {
            const bool same = std::fabs(hosts - patients.total_treated->value) < 1e-9;
            agree = agree && same;
            add(same ? "evidence.sum_hosts" : "evidence.sum_hosts_differ",
                {number(hosts), number(patients.total_treated->value)}, patients.at);
        }
        finding_.figure = sum;
        outcome(!agree                   ? Outcome::not_met
                : patients.total_treated ? Outcome::met
                                         : Outcome::not_assessable);
    }

    void availability_equal() {
        AvailabilityOptions options;
        options.span = rule_.span;
        options.alpha = rule_.p_min;
        AvailabilityAnalysis a = analyse_availability(content_, service_, year_, options);
        for (const auto& gap : a.gaps) {
            if (gap.reason == "not_reported") {
                add("evidence.not_reported", {text("patients.new_treated"), text(gap.text)},
                    gap.at);
            } else if (gap.reason == "no_report") {
                add("evidence.no_report", {number(gap.year)}, {});
            } else {
                add("evidence.no_patients_year", {number(gap.year)}, gap.at);
            }
        }
        if (a.verdict != AvailabilityVerdict::no_data) {
            add("evidence.availability",
                {text("@" + a.verdict_key()), number(a.test.p_value, 3),
                 text(std::string("@availability.method.") + method_name(a.test.method)),
                 number(a.total), number(a.first_year), number(a.last_year),
                 number(a.test.min_expected, 1)},
                {});
            finding_.figure = a.test.p_value;
        }
        outcome(a.verdict == AvailabilityVerdict::consistent ? Outcome::met
                : a.verdict == AvailabilityVerdict::departs  ? Outcome::not_met
                                                             : Outcome::not_assessable);
        finding_.availability = std::move(a);
    }

    void reference_group() {
        const auto* group = report_->reference_group ? &*report_->reference_group : nullptr;
        bool failed = false;
        bool unknown = false;
        const auto check = [&](bool known, bool ok) {
            failed = failed || (known && !ok);
            unknown = unknown || !known;
        };
        if (rule_.user_representative) {
            const bool known = group && !group->members.empty();
            bool has = false;
            for (const auto& m :
                 known ? group->members : std::vector<model::ReferenceGroupMember>{}) {
                if (m.user_representative) {
                    has = true;
                    add("evidence.user_representative", {text(m.role)}, m.at);
                    break;
                }
            }
            if (known && !has) {
                add("evidence.no_user_representative",
                    {number(static_cast<double>(group->members.size()))}, {report_->file, 0, 0});
            } else if (!known && !not_reported("reference_group.members")) {
                add("evidence.field_missing", {text("reference_group.members")}, {});
            }
            check(known, has);
        }
        if (rule_.min_meetings > 0) {
            const bool known = group && group->meetings;
            if (known) {
                const double meetings = group->meetings->value;
                const bool ok = meetings >= rule_.min_meetings;
                add(ok ? "evidence.meetings" : "evidence.meetings_too_few",
                    {number(meetings), number(rule_.min_meetings)}, group->meetings->at);
                check(true, ok);
            } else {
                if (!not_reported("reference_group.meetings")) {
                    add("evidence.field_missing", {text("reference_group.meetings")}, {});
                }
                check(false, false);
            }
        }
        if (rule_.approved_report_before > 0) {
            if (year_ >= rule_.approved_report_before) {
                add("evidence.approval_not_required", {number(rule_.approved_report_before)}, {});
            } else if (group && group->approved_report) {
                const bool ok = *group->approved_report;
                add(ok ? "evidence.approved" : "evidence.not_approved", {},
                    model::locate(report_->file, report_->positions,
                                  "/reference_group/approved_report"));
                check(true, ok);
            } else {
                if (!not_reported("reference_group.approved_report")) {
                    add("evidence.field_missing", {text("reference_group.approved_report")}, {});
                }
                check(false, false);
            }
        }
        outcome(failed ? Outcome::not_met : unknown ? Outcome::not_assessable : Outcome::met);
    }

    void goals_present() {
        int count = 0;
        int complete = 0;
        const std::string kind_key = "@ui.goal_" + rule_.goal_kind;
        for (const auto& goal : report_->goals) {
            if (goal.kind != rule_.goal_kind) {
                continue;
            }
            ++count;
            if (!goal.target.empty() && !goal.result.empty()) {
                ++complete;
            } else if (rule_.require_target_and_result) {
                add("evidence.goal_incomplete", {text(goal.title)}, goal.at);
            }
        }
        finding_.figure = count;
        if (count == 0) {
            if (!not_reported("goals")) {
                add("evidence.no_goals", {text(kind_key)}, {report_->file, 0, 0});
            }
            return outcome(Outcome::not_met);
        }
        add("evidence.goals", {number(count), text(kind_key), number(complete)}, {});
        const bool ok = !rule_.require_target_and_result || complete == count;
        outcome(ok ? Outcome::met : Outcome::not_met);
    }

    void lix_max() {
        for (auto r : readability(content_, service_, *report_)) {
            if (r.section != rule_.section) {
                continue;
            }
            if (rule_.max) {
                r.lix_max = *rule_.max;
                r.above = r.assessable && std::round(r.lix.value) > r.lix_max;
            }
            const model::SourceLocation at{r.file, r.line, r.column};
            finding_.figure = r.lix.value;
            if (!r.assessable) {
                add("evidence.lix_too_short", {number(r.lix.words), number(lix_min_words)}, at);
                outcome(Outcome::not_assessable);
            } else {
                add("evidence.lix",
                    {number(std::round(r.lix.value)), number(r.lix_max), number(r.lix.words),
                     number(r.lix.sentences)},
                    at);
                outcome(r.above ? Outcome::not_met : Outcome::met);
            }
            finding_.readability = std::move(r);
            return;
        }
        // No text to measure: a missing section is section_present's finding.
        if (!not_reported(rule_.section)) {
            add("evidence.section_missing", {text(rule_.section)}, {report_->dir, 0, 0});
        }
        outcome(Outcome::not_assessable);
    }
};

}  // namespace

const char* outcome_name(Outcome outcome) {
    switch (outcome) {
        case Outcome::met:
            return "met";
        case Outcome::not_met:
            return "not_met";
        case Outcome::not_assessable:
            return "not_assessable";
    }
    return "not_assessable";
}

Finding evaluate(const model::Content& content, const model::Service& service,
                 const model::Report* report, int year, const model::Criterion& criterion) {
    return Evaluator(content, service, report, year, criterion).run();
}

std::vector<Finding> evaluate_criteria(const model::Content& content, const model::Service& service,
                                       int year) {
    const model::Report* report = nullptr;
    for (const auto& r : service.reports) {
        if (r.folder_year == year) {
            report = &r;
        }
    }
    std::vector<Finding> out;
    for (const auto& criterion : content.criteria) {
        if (criterion.applies_to(service.type)) {
            out.push_back(evaluate(content, service, report, year, criterion));
        }
    }
    return out;
}

}  // namespace rv::analyse
