#pragma once
// The population figure to compare a year's patients against.
#include <optional>

#include "model/content.hpp"

namespace rv::analyse {

struct PopulationUsed {
    model::PopulationFigure figure;
    bool exact_year = false;  // false: the nearest year was used, and pages say so
};

// The region's figure for `year`, or the one nearest to it (the earlier on a tie).
std::optional<PopulationUsed> population_for(const model::Region& region, int year);

}  // namespace rv::analyse
