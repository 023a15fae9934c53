#include "analyse/review.hpp"

namespace rv::analyse {

FindingCounts count_findings(const std::vector<Finding>& findings) {
    FindingCounts counts;
    for (const auto& finding : findings) {
        switch (finding.outcome) {
            case Outcome::met:
                ++counts.met;
                break;
            case Outcome::not_met:
                ++counts.not_met;
                break;
            case Outcome::not_assessable:
                ++counts.not_assessable;
                break;
        }
    }
    return counts;
}

const model::Report* report_of(const model::Service& service, int year) {
    for (const auto& report : service.reports) {
        if (report.folder_year == year && report.data_loaded) {
            return &report;
        }
    }
    return nullptr;
}

std::vector<ServiceReview> review_year(const model::Content& content, int year,
                                       const AvailabilityOptions& options) {
    std::vector<ServiceReview> out;
    for (const auto& service : content.services) {
        const model::Report* report = report_of(service, year);
        if (!report) {
            continue;
        }
        ServiceReview review;
        review.service = &service;
        review.report = report;
        review.findings = evaluate_criteria(content, service, year);
        review.availability = analyse_availability(content, service, year, options);
        review.text = content.find_review(year, service.slug);
        out.push_back(std::move(review));
    }
    return out;
}

}  // namespace rv::analyse
