#include "analyse/availability.hpp"

#include "analyse/population.hpp"

namespace rv::analyse {

using model::count_for;

Availability availability(const model::Content& content, const model::Report& report) {
    Availability out;
    if (!report.patients) {
        return out;
    }
    const auto& patients = *report.patients;
    double treated_sum = 0;
    double population_sum = 0;
    for (const auto& region : content.regions) {
        RegionAvailability row;
        row.region = region.id;
        row.new_treated = count_for(patients.new_treated, region.id);
        row.new_not_treated = count_for(patients.new_not_treated, region.id);
        if (!patients.new_treated.empty() && !row.new_treated) {
            row.new_treated = 0.0;  // regions left out of a reported list had none
        }
        if (auto population = population_for(region, report.folder_year)) {
            row.population = population->figure.count;
            row.population_year = population->figure.year;
            row.population_exact_year = population->exact_year;
            row.population_source = population->figure.source;
            population_sum += static_cast<double>(population->figure.count);
            if (row.new_treated && population->figure.count > 0) {
                row.rate_per_100k =
                    *row.new_treated * 100000.0 / static_cast<double>(population->figure.count);
            }
        }
        treated_sum += row.new_treated.value_or(0);
        out.regions.push_back(std::move(row));
    }
    if (patients.new_treated.empty()) {
        return out;
    }
    out.total_treated = treated_sum;
    if (population_sum > 0) {
        out.national_rate_per_100k = treated_sum * 100000.0 / population_sum;
    }
    for (auto& row : out.regions) {
        if (treated_sum > 0 && row.new_treated) {
            row.patient_share = *row.new_treated / treated_sum;
        }
        if (population_sum > 0 && row.population) {
            row.population_share = static_cast<double>(*row.population) / population_sum;
        }
        if (row.patient_share && row.population_share && *row.population_share > 0) {
            row.share_ratio = *row.patient_share / *row.population_share;
        }
    }
    return out;
}

}  // namespace rv::analyse
