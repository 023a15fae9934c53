// Known answers of the statistics behind the availability analysis: the chi-square tail
// against closed forms, the exact multinomial test against cases small enough to count by
// hand and against an independent enumeration, Monte Carlo's determinism, and which test
// goodness_of_fit chooses.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "analyse/chi_square.hpp"
#include "analyse/goodness_of_fit.hpp"

using namespace rv::analyse;

namespace {

const double pi = std::acos(-1.0);

// The bone sarcoma service, 2023: Helse Sør-Øst, Helse Vest, Helse Midt-Norge, Helse Nord,
// against the 2022 populations of content/regions.json.
const std::vector<std::int64_t> sarcoma_counts{27, 8, 4, 3};
const std::vector<double> populations_2022{3076276, 1127089, 739979, 481926};

// The exact p-value by four nested loops over every outcome, probabilities as products
// (a different route from the program's recursion over log-terms).
double brute_force_p_value(const std::vector<std::int64_t>& observed,
                           const std::vector<double>& weights) {
    const double sum = weights[0] + weights[1] + weights[2] + weights[3];
    const int n = static_cast<int>(observed[0] + observed[1] + observed[2] + observed[3]);
    const auto probability = [&](int a, int b, int c, int d) {
        double p = std::exp(std::lgamma(n + 1.0) - std::lgamma(a + 1.0) - std::lgamma(b + 1.0) -
                            std::lgamma(c + 1.0) - std::lgamma(d + 1.0));
        const int parts[4] = {a, b, c, d};
        for (int i = 0; i < 4; ++i) {
            p *= std::pow(weights[static_cast<std::size_t>(i)] / sum, parts[i]);
        }
        return p;
    };
    const double p_observed =
        probability(static_cast<int>(observed[0]), static_cast<int>(observed[1]),
                    static_cast<int>(observed[2]), static_cast<int>(observed[3]));
    double tail = 0;
    for (int a = 0; a <= n; ++a) {
        for (int b = 0; a + b <= n; ++b) {
            for (int c = 0; a + b + c <= n; ++c) {
                const double p = probability(a, b, c, n - a - b - c);
                if (p <= p_observed * (1 + 1e-7)) {
                    tail += p;
                }
            }
        }
    }
    return tail;
}

}  // namespace

TEST_CASE("chi-square: the upper tail matches the closed forms for 1, 2 and 3 degrees") {
    for (double x : {0.1, 0.5, 1.0, 1.1509939818779786, 3.84, 7.81, 20.0, 60.0}) {
        INFO("x = " << x);
        CHECK(chi_square_p_value(x, 1) == doctest::Approx(std::erfc(std::sqrt(x / 2))));
        CHECK(chi_square_p_value(x, 2) == doctest::Approx(std::exp(-x / 2)));
        CHECK(chi_square_p_value(x, 3) ==
              doctest::Approx(std::erfc(std::sqrt(x / 2)) +
                              std::sqrt(2 * x / pi) * std::exp(-x / 2)));
    }
    // The textbook critical values: 3.841 (1 degree) and 7.815 (3 degrees) at 5 %.
    CHECK(chi_square_p_value(3.841459, 1) == doctest::Approx(0.05).epsilon(1e-5));
    CHECK(chi_square_p_value(7.814728, 3) == doctest::Approx(0.05).epsilon(1e-5));
    CHECK(chi_square_p_value(0, 3) == 1.0);
    CHECK(regularized_gamma_p(2.5, 1.7) + regularized_gamma_q(2.5, 1.7) == doctest::Approx(1.0));
}

TEST_CASE("exact multinomial test: cases counted by hand") {
    SUBCASE("2 patients, two equal regions, both from one: P = 1/4 + 1/4") {
        const auto test = exact_multinomial_test({2, 0}, {1, 1});
        CHECK(test.method == FitMethod::exact);
        CHECK(test.p_value == doctest::Approx(0.5));
        CHECK(test.outcomes == 3);
    }
    SUBCASE("3 patients, three equal regions, all from one: 3 of 27 outcomes as unlikely") {
        const auto test = exact_multinomial_test({3, 0, 0}, {1, 1, 1});
        CHECK(test.p_value == doctest::Approx(3.0 / 27.0));
        CHECK(test.outcomes == 10);
        CHECK(test.chi_square == doctest::Approx(6.0));  // (3−1)²/1 + 1 + 1
    }
    SUBCASE("the most likely outcome has p = 1") {
        CHECK(exact_multinomial_test({1, 1, 1}, {1, 1, 1}).p_value == doctest::Approx(1.0));
    }
    SUBCASE("no patients or one category: no test") {
        CHECK(exact_multinomial_test({0, 0}, {1, 1}).method == FitMethod::none);
        CHECK(exact_multinomial_test({4}, {1}).method == FitMethod::none);
        CHECK(goodness_of_fit({0, 0, 0, 0}, populations_2022).method == FitMethod::none);
    }
}

TEST_CASE("exact multinomial test: bone sarcoma 2023 against the 2022 populations") {
    const auto test = exact_multinomial_test(sarcoma_counts, populations_2022);
    CHECK(test.method == FitMethod::exact);
    CHECK(test.outcomes == 14190);  // C(45, 3)
    CHECK(test.p_value == doctest::Approx(brute_force_p_value(sarcoma_counts, populations_2022)));
    // Also computed with an independent Python enumeration while writing this test.
    CHECK(test.p_value == doctest::Approx(0.8510018534).epsilon(1e-8));
    // Expected counts 42 × population share: 23.815, 8.725, 5.729, 3.731.
    REQUIRE(test.expected.size() == 4);
    CHECK(test.expected[0] == doctest::Approx(42.0 * 3076276 / 5425270));
    CHECK(test.expected[3] == doctest::Approx(42.0 * 481926 / 5425270));
    CHECK(test.min_expected == doctest::Approx(3.7308543169));
    CHECK(test.chi_square == doctest::Approx(1.1509939819));
    CHECK(test.degrees_of_freedom == 3);
}

TEST_CASE("exact multinomial test: a skewed distribution is found") {
    // 75 of 100 from Helse Sør-Øst, where 57 are expected from its population share.
    const std::vector<std::int64_t> skewed{75, 10, 10, 5};
    const auto test = exact_multinomial_test(skewed, populations_2022);
    CHECK(test.p_value < 0.05);
    CHECK(test.p_value == doctest::Approx(brute_force_p_value(skewed, populations_2022)));
}

TEST_CASE("Monte Carlo: the same seed gives the same p-value, close to the exact one") {
    const auto first = monte_carlo_multinomial_test(sarcoma_counts, populations_2022, 20000, 7);
    const auto again = monte_carlo_multinomial_test(sarcoma_counts, populations_2022, 20000, 7);
    CHECK(first.method == FitMethod::monte_carlo);
    CHECK(first.p_value == again.p_value);
    CHECK(first.draws == 20000);
    CHECK(first.seed == 7);
    // Standard error at p ≈ 0.85 with 20 000 draws is about 0.0025.
    CHECK(std::fabs(first.p_value - 0.8510018534) < 0.015);
}

TEST_CASE("goodness_of_fit chooses exact, chi-square or Monte Carlo") {
    SUBCASE("small totals are enumerated") {
        CHECK(goodness_of_fit(sarcoma_counts, populations_2022).method == FitMethod::exact);
    }
    SUBCASE("large totals with every expected count >= 5: chi-square") {
        FitOptions options;
        options.max_exact_outcomes = 1000;
        const auto test = goodness_of_fit({270, 80, 40, 30}, populations_2022, options);
        CHECK(test.method == FitMethod::chi_square);
        CHECK(test.p_value == doctest::Approx(chi_square_p_value(test.chi_square, 3)));
    }
    SUBCASE("large totals with a small expected count: Monte Carlo with the fixed seed") {
        FitOptions options;
        options.max_exact_outcomes = 1000;
        options.draws = 2000;
        const auto test = goodness_of_fit(sarcoma_counts, populations_2022, options);
        CHECK(test.method == FitMethod::monte_carlo);
        CHECK(test.seed == options.seed);
    }
    CHECK(multinomial_outcomes(42, 4) == 14190);
    CHECK(multinomial_outcomes(60, 4) == 39711);
}
