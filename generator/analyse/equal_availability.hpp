#pragma once
// Equal availability ("likeverdig tilgjengelighet") of one service, for one year or pooled
// over a span of years (reviews pool five): genuinely new patients treated per region
// against each region's population, and a test of whether the regional distribution
// departs from the population distribution more than chance explains.
//
// Pooling adds the patients of every year in the span that reports them, and the
// population of every such year (person-years, each year's population from regions.json,
// the nearest year when the year itself is missing), so the rate is per 100 000
// inhabitants per year. A region's ratio to the national rate equals its share of the
// patients divided by its share of the population (1.0 = proportional).
//
// The verdict is a catalogue key (availability.verdict.*): the analysis holds every
// number the plain statement needs, and a renderer words it in the reader's language.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyse/goodness_of_fit.hpp"
#include "model/content.hpp"

namespace rv::analyse {

enum class AvailabilityVerdict {
    no_data,     // no year in the span reports new patients per region
    too_few,     // no departure beyond chance, but too few patients to show equal availability
    consistent,  // no departure beyond chance, with enough patients to tell
    departs,     // the distribution departs from the population's more than chance explains
};

// The population figure used for one report year.
struct PopulationUse {
    int report_year = 0;
    int population_year = 0;
    std::int64_t count = 0;
    bool exact_year = false;  // false: the nearest year was used; say so
    std::string source;
};

struct RegionRow {
    std::string region;  // id, in the order of regions.json
    double new_treated = 0;
    std::optional<double> new_not_treated;  // when some year reports them
    double person_years = 0;                // population summed over the years counted
    std::vector<PopulationUse> populations;
    double patient_share = 0;
    double population_share = 0;
    double expected = 0;           // patients expected from the population share
    double rate_per_100k = 0;      // per year
    double ratio_to_national = 0;  // = patient share / population share
};

// A year of the span that gives no patients per region, and why.
struct YearGap {
    int year = 0;
    std::string reason;  // no_report, not_reported (with the service's text), missing
    std::string text;    // the service's not_reported reason, when it gave one
    model::SourceLocation at;
};

struct AvailabilityOptions {
    int span = 1;             // years, ending at the given year
    double alpha = 0.05;      // a p-value below it: the distribution departs
    double min_expected = 5;  // below it in some region: too few patients to conclude
    FitOptions fit;
};

struct AvailabilityAnalysis {
    std::string service;  // slug
    int first_year = 0;
    int last_year = 0;
    std::vector<int> years;  // the years whose patients are counted
    std::vector<YearGap> gaps;
    std::vector<RegionRow> regions;
    std::vector<std::string> regions_without_population;  // left out of shares and test
    double total = 0;
    double person_years = 0;
    double national_rate_per_100k = 0;
    bool nearest_population = false;  // some year used another year's population
    FitTest test;
    double alpha = 0.05;
    double min_expected = 5;
    AvailabilityVerdict verdict = AvailabilityVerdict::no_data;
    std::string highest_region;  // the largest ratio to the national rate
    std::string lowest_region;   // the smallest

    // "availability.verdict.departs" …: the catalogue key of the plain statement.
    std::string verdict_key() const;
};

AvailabilityAnalysis analyse_availability(const model::Content& content,
                                          const model::Service& service, int year,
                                          const AvailabilityOptions& options = {});

const char* verdict_name(AvailabilityVerdict verdict);
const char* method_name(FitMethod method);

}  // namespace rv::analyse
