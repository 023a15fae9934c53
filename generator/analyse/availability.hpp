#pragma once
// New patients per region against each region's population, for one report.
#include <optional>
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::analyse {

struct RegionAvailability {
    std::string region;  // region id
    std::optional<double> new_treated;
    std::optional<double> new_not_treated;
    std::optional<std::int64_t> population;
    int population_year = 0;
    bool population_exact_year = false;
    std::string population_source;
    std::optional<double> rate_per_100k;     // new treated per 100 000 inhabitants
    std::optional<double> patient_share;     // of all new treated
    std::optional<double> population_share;  // of the population of all regions
    std::optional<double> share_ratio;       // patient share / population share
};

struct Availability {
    std::vector<RegionAvailability> regions;  // in the order of regions.json
    std::optional<double> total_treated;
    std::optional<double> national_rate_per_100k;
};

Availability availability(const model::Content& content, const model::Report& report);

}  // namespace rv::analyse
