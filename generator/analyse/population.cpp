#include "analyse/population.hpp"

#include <cstdlib>

namespace rv::analyse {

std::optional<PopulationUsed> population_for(const model::Region& region, int year) {
    const model::PopulationFigure* best = nullptr;
    for (const auto& figure : region.population) {
        if (!best) {
            best = &figure;
            continue;
        }
        const int distance = std::abs(figure.year - year);
        const int best_distance = std::abs(best->year - year);
        if (distance < best_distance || (distance == best_distance && figure.year < best->year)) {
            best = &figure;
        }
    }
    if (!best) {
        return std::nullopt;
    }
    return PopulationUsed{*best, best->year == year};
}

}  // namespace rv::analyse
