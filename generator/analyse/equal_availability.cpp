#include "analyse/equal_availability.hpp"

#include <algorithm>
#include <cmath>

#include "analyse/population.hpp"

namespace rv::analyse {

namespace {

using model::count_for;

const model::Report* report_for(const model::Service& service, int year) {
    for (const auto& report : service.reports) {
        if (report.folder_year == year) {
            return &report;
        }
    }
    return nullptr;
}

// Why a report gives no patients per region.
YearGap gap_of(const model::Report* report, int year) {
    YearGap gap;
    gap.year = year;
    if (!report) {
        gap.reason = "no_report";
        return gap;
    }
    gap.at = {report->file, 0, 0};
    for (const char* key : {"patients.new_treated", "patients"}) {
        if (const auto* entry = report->find_not_reported(key)) {
            gap.reason = "not_reported";
            gap.text = entry->reason;
            gap.at = entry->at;
            return gap;
        }
    }
    gap.reason = "missing";
    return gap;
}

void add_year(const model::Content& content, const model::Report& report,
              AvailabilityAnalysis& out) {
    const auto& patients = *report.patients;
    for (std::size_t i = 0; i < content.regions.size(); ++i) {
        const auto& region = content.regions[i];
        RegionRow& row = out.regions[i];
        row.new_treated += count_for(patients.new_treated, region.id).value_or(0);
        if (auto not_treated = count_for(patients.new_not_treated, region.id)) {
            row.new_not_treated = row.new_not_treated.value_or(0) + *not_treated;
        } else if (!patients.new_not_treated.empty()) {
            row.new_not_treated = row.new_not_treated.value_or(0);
        }
        if (auto population = population_for(region, report.folder_year)) {
            row.person_years += static_cast<double>(population->figure.count);
            row.populations.push_back({report.folder_year, population->figure.year,
                                       population->figure.count, population->exact_year,
                                       population->figure.source});
            out.nearest_population = out.nearest_population || !population->exact_year;
        }
    }
    out.years.push_back(report.folder_year);
}

void fill_shares(AvailabilityAnalysis& out, const FitOptions& fit) {
    std::vector<std::int64_t> counts;
    std::vector<double> shares;
    for (auto& row : out.regions) {
        out.total += row.new_treated;
        if (row.person_years > 0) {
            out.person_years += row.person_years;
        } else {
            out.regions_without_population.push_back(row.region);
        }
    }
    if (out.person_years <= 0) {
        return;
    }
    out.national_rate_per_100k = out.total * 100000.0 / out.person_years;
    double highest = -1;
    double lowest = 0;
    for (auto& row : out.regions) {
        if (row.person_years <= 0) {
            continue;
        }
        row.population_share = row.person_years / out.person_years;
        row.expected = out.total * row.population_share;
        row.rate_per_100k = row.new_treated * 100000.0 / row.person_years;
        if (out.total > 0) {
            row.patient_share = row.new_treated / out.total;
            row.ratio_to_national = row.patient_share / row.population_share;
        }
        if (out.total > 0 && row.ratio_to_national > highest) {
            highest = row.ratio_to_national;
            out.highest_region = row.region;
        }
        if (out.total > 0 && (out.lowest_region.empty() || row.ratio_to_national < lowest)) {
            lowest = row.ratio_to_national;
            out.lowest_region = row.region;
        }
        counts.push_back(std::llround(row.new_treated));
        shares.push_back(row.person_years);
    }
    out.test = goodness_of_fit(counts, shares, fit);
}

}  // namespace

std::string AvailabilityAnalysis::verdict_key() const {
    return std::string("availability.verdict.") + verdict_name(verdict);
}

const char* verdict_name(AvailabilityVerdict verdict) {
    switch (verdict) {
        case AvailabilityVerdict::no_data:
            return "no_data";
        case AvailabilityVerdict::too_few:
            return "too_few";
        case AvailabilityVerdict::consistent:
            return "consistent";
        case AvailabilityVerdict::departs:
            return "departs";
    }
    return "no_data";
}

const char* method_name(FitMethod method) {
    switch (method) {
        case FitMethod::none:
            return "none";
        case FitMethod::exact:
            return "exact";
        case FitMethod::chi_square:
            return "chi_square";
        case FitMethod::monte_carlo:
            return "monte_carlo";
    }
    return "none";
}

AvailabilityAnalysis analyse_availability(const model::Content& content,
                                          const model::Service& service, int year,
                                          const AvailabilityOptions& options) {
    AvailabilityAnalysis out;
    out.service = service.slug;
    out.last_year = year;
    out.first_year = year - std::max(options.span, 1) + 1;
    out.alpha = options.alpha;
    out.min_expected = options.min_expected;
    for (const auto& region : content.regions) {
        out.regions.push_back(RegionRow{});
        out.regions.back().region = region.id;
    }
    for (int y = out.first_year; y <= out.last_year; ++y) {
        const model::Report* report = report_for(service, y);
        if (report && report->patients && !report->patients->new_treated.empty()) {
            add_year(content, *report, out);
        } else {
            out.gaps.push_back(gap_of(report, y));
        }
    }
    if (out.years.empty()) {
        return out;  // no_data
    }
    fill_shares(out, options.fit);
    if (out.test.method == FitMethod::none || out.total <= 0) {
        out.verdict = out.total <= 0 && out.regions_without_population.empty()
                          ? AvailabilityVerdict::too_few
                          : AvailabilityVerdict::no_data;
        return out;
    }
    if (out.test.p_value < options.alpha) {
        out.verdict = AvailabilityVerdict::departs;
    } else if (out.test.min_expected < options.min_expected) {
        out.verdict = AvailabilityVerdict::too_few;
    } else {
        out.verdict = AvailabilityVerdict::consistent;
    }
    return out;
}

}  // namespace rv::analyse
