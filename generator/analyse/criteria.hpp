#pragma once
// Review criteria evaluated against one service's report: each criterion of
// content/criteria.json that applies to the service type gives one finding, met, not met
// or not assessable (with why), with the evidence it rests on. The rule kinds are
// documented in schemas/criteria.schema.json and the README.
//
// Evidence is a catalogue key (evidence.*) with its arguments, so that a renderer words
// it in the reader's language; numbers are kept as numbers for the renderer to format.
#include <optional>
#include <string>
#include <vector>

#include "analyse/equal_availability.hpp"
#include "analyse/lix.hpp"
#include "model/content.hpp"

namespace rv::analyse {

enum class Outcome { met, not_met, not_assessable };

// One argument of an evidence text: text, a number (with its decimals), or a catalogue key
// (text starting with '@').
struct EvidenceArg {
    std::string text;
    std::optional<double> number;
    int decimals = 0;
};

struct Evidence {
    std::string key;  // evidence.section_missing …
    std::vector<EvidenceArg> args;
    model::SourceLocation at;  // the file and line it rests on, when there is one
};

struct Finding {
    std::string criterion;  // id
    std::string severity;   // deviation or remark
    std::string kind;       // the rule kind
    Outcome outcome = Outcome::not_assessable;
    std::vector<Evidence> evidence;
    std::optional<double> figure;  // the figure the finding rests on: p-value, LIX, least count
    std::optional<AvailabilityAnalysis> availability;  // availability_equal
    std::optional<SectionReadability> readability;     // lix_max
};

// The findings of every applicable criterion, in the order of criteria.json, for the
// service's report of `year` (no report: every criterion is not assessable).
std::vector<Finding> evaluate_criteria(const model::Content& content, const model::Service& service,
                                       int year);

// One criterion; `report` may be null.
Finding evaluate(const model::Content& content, const model::Service& service,
                 const model::Report* report, int year, const model::Criterion& criterion);

const char* outcome_name(Outcome outcome);  // met, not_met, not_assessable

}  // namespace rv::analyse
