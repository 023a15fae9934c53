#pragma once
// Each figure of a service across the years it has reported, with the change from the
// previous year, so that a claim of "a large increase" can be read against the numbers
// (the 2017 review found one that the reported figures did not bear out).
//
// The previous year's value is that year's report; when there is no report for it, the
// figure's own previous_year field (activity figures). When both exist and differ, the
// trend records the mismatch.
#include <optional>
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::analyse {

struct TrendPoint {
    int year = 0;
    std::optional<double> value;           // absent: not given that year
    std::optional<double> previous;        // the previous year's value
    bool previous_from_field = false;      // previous is this report's previous_year field
    std::optional<double> change;          // value − previous
    std::optional<double> change_percent;  // 100 × change / previous, when previous > 0
    model::SourceLocation at;
};

// A previous_year field that differs from what last year's report gave.
struct TrendMismatch {
    int year = 0;         // the report that states previous_year
    double stated = 0;    // its previous_year
    double reported = 0;  // the value in the previous year's report
    model::SourceLocation at;
};

struct Trend {
    // patients.new_treated, patients.new_treated.<region>, patients.total_treated,
    // patients.new_not_treated, staff, research.publications, research.theses,
    // research.projects, reference_group.meetings, or activity:<label>
    std::string key;
    std::string label;  // activity: the label as written; other figures are named by key
    std::string unit;
    std::vector<TrendPoint> points;  // one per report year, ascending
    std::vector<TrendMismatch> mismatches;

    const TrendPoint* at_year(int year) const;
};

// Every figure the service reports in some year, in a fixed order (patients, activity in
// first-seen order, staff, research, reference group).
std::vector<Trend> trends(const model::Content& content, const model::Service& service);

}  // namespace rv::analyse
