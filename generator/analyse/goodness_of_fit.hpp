#pragma once
// Does a distribution of counts over categories (patients over regions) depart from given
// shares (the regions' population shares) more than chance explains? Three tests of the
// same null hypothesis: the counts are one multinomial draw with those shares.
//   exact:       every outcome with the same total is enumerated; the p-value is the total
//                probability of the outcomes no more likely than the observed one. Used
//                when the outcomes are few enough to count (small totals).
//   chi-square:  Pearson's statistic against the chi-square distribution; valid when every
//                expected count is at least 5.
//   Monte Carlo: the exact test's p-value estimated from random draws with a fixed seed, so
//                the same input gives the same p-value; for large totals with a small
//                expected count.
#include <cstdint>
#include <vector>

namespace rv::analyse {

enum class FitMethod { none, exact, chi_square, monte_carlo };

struct FitTest {
    FitMethod method = FitMethod::none;  // none: no test possible (no counts, one category)
    double p_value = 1.0;
    double chi_square = 0;  // Pearson's statistic, given whatever the method
    int degrees_of_freedom = 0;
    std::vector<double> expected;  // expected count per category under the shares
    double min_expected = 0;
    double outcomes = 0;  // exact: the number of outcomes enumerated
    int draws = 0;        // Monte Carlo
    std::uint64_t seed = 0;
};

struct FitOptions {
    double max_exact_outcomes = 2e6;  // enumerate when there are at most this many outcomes
    double min_expected_for_chi_square = 5;
    int draws = 20000;
    std::uint64_t seed = 20170101;
};

// Each test takes whole counts >= 0 and shares > 0 (normalised to sum 1).
FitTest exact_multinomial_test(const std::vector<std::int64_t>& counts,
                               const std::vector<double>& shares);
FitTest chi_square_test(const std::vector<std::int64_t>& counts, const std::vector<double>& shares);
FitTest monte_carlo_multinomial_test(const std::vector<std::int64_t>& counts,
                                     const std::vector<double>& shares, int draws,
                                     std::uint64_t seed);

// The number of ways to spread `total` over `categories`: C(total + k − 1, k − 1).
double multinomial_outcomes(std::int64_t total, std::size_t categories);

// Exact when the outcomes are few enough, else chi-square when every expected count is
// large enough, else Monte Carlo.
FitTest goodness_of_fit(const std::vector<std::int64_t>& counts, const std::vector<double>& shares,
                        const FitOptions& options = {});

}  // namespace rv::analyse
