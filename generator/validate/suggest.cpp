#include "validate/suggest.hpp"

#include <algorithm>

namespace rv::validate {

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}
}  // namespace

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
    // A name cut short or lengthened ("helse-midt", "henvisningskriterier") is the likeliest
    // slip: prefer the longest candidate that one of them begins with.
    std::string prefix_match;
    for (const auto& candidate : candidates) {
        const bool related = word.size() >= 4 && candidate.size() >= 4 &&
                             (candidate.rfind(word, 0) == 0 || word.rfind(candidate, 0) == 0);
        if (related && candidate != word && candidate.size() > prefix_match.size()) {
            prefix_match = candidate;
        }
    }
    if (!prefix_match.empty()) {
        return prefix_match;
    }
    std::string best;
    std::size_t best_distance = word.size() / 3 + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

}  // namespace rv::validate
