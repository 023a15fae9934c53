#pragma once
// What a review document of one service and year rests on: the report, each criterion's
// finding, the equal-availability analysis and the reviewer's own text. Computed once and
// handed to every output of `rapportverk review` (text, JSON, the PDFs).
#include <vector>

#include "analyse/criteria.hpp"
#include "analyse/equal_availability.hpp"
#include "model/content.hpp"

namespace rv::analyse {

struct ServiceReview {
    const model::Service* service = nullptr;
    const model::Report* report = nullptr;    // the year's report
    std::vector<Finding> findings;            // in the order of criteria.json
    AvailabilityAnalysis availability;        // over the span asked for
    const model::ReviewText* text = nullptr;  // the reviewer's text; null when there is none
};

struct FindingCounts {
    int met = 0;
    int not_met = 0;
    int not_assessable = 0;  // left to the reviewer's judgement
};

FindingCounts count_findings(const std::vector<Finding>& findings);

// The report of `year` whose data could be read; null when there is none.
const model::Report* report_of(const model::Service& service, int year);

// One review per service with a readable report for `year`, in the order of the services.
std::vector<ServiceReview> review_year(const model::Content& content, int year,
                                       const AvailabilityOptions& options);

}  // namespace rv::analyse
