#include "analyse/goodness_of_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "analyse/chi_square.hpp"

namespace rv::analyse {

namespace {

// Outcomes whose log-probability is within this of the observed one count as ties.
constexpr double log_tie_tolerance = 1e-7;

struct Prepared {
    bool ok = false;
    std::int64_t total = 0;
    std::vector<double> shares;  // normalised
    std::vector<double> log_shares;
};

Prepared prepare(const std::vector<std::int64_t>& counts, const std::vector<double>& shares) {
    Prepared out;
    if (counts.size() != shares.size() || counts.size() < 2) {
        return out;
    }
    double sum = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] < 0 || !(shares[i] > 0) || !std::isfinite(shares[i])) {
            return out;
        }
        sum += shares[i];
        out.total += counts[i];
    }
    if (out.total <= 0) {
        return out;
    }
    for (double share : shares) {
        out.shares.push_back(share / sum);
        out.log_shares.push_back(std::log(share / sum));
    }
    out.ok = true;
    return out;
}

// Pearson's statistic and the expected counts: every test reports them.
FitTest describe(const std::vector<std::int64_t>& counts, const Prepared& prepared) {
    FitTest out;
    out.degrees_of_freedom = static_cast<int>(counts.size()) - 1;
    out.min_expected = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double expected = static_cast<double>(prepared.total) * prepared.shares[i];
        const double difference = static_cast<double>(counts[i]) - expected;
        out.expected.push_back(expected);
        out.chi_square += difference * difference / expected;
        out.min_expected = std::min(out.min_expected, expected);
    }
    return out;
}

// log P(counts) under the multinomial, without the constant log(total!).
double log_probability(const std::vector<std::int64_t>& counts, const Prepared& prepared) {
    double out = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        out += static_cast<double>(counts[i]) * prepared.log_shares[i] -
               std::lgamma(static_cast<double>(counts[i]) + 1.0);
    }
    return out;
}

class Enumerator {
  public:
    Enumerator(const Prepared& prepared, double observed)
        : prepared_(prepared), threshold_(observed + log_tie_tolerance) {
        const std::size_t k = prepared.shares.size();
        terms_.assign(k, std::vector<double>(static_cast<std::size_t>(prepared.total) + 1));
        for (std::size_t i = 0; i < k; ++i) {
            for (std::int64_t x = 0; x <= prepared.total; ++x) {
                terms_[i][static_cast<std::size_t>(x)] =
                    static_cast<double>(x) * prepared.log_shares[i] -
                    std::lgamma(static_cast<double>(x) + 1.0);
            }
        }
        constant_ = std::lgamma(static_cast<double>(prepared.total) + 1.0);
    }

    void run() { visit(0, prepared_.total, 0.0); }
    double p_value() const { return std::min(1.0, tail_); }
    double outcomes() const { return outcomes_; }

  private:
    const Prepared& prepared_;
    double threshold_;
    double constant_ = 0;
    double tail_ = 0;
    double outcomes_ = 0;
    std::vector<std::vector<double>> terms_;

    void visit(std::size_t category, std::int64_t remaining, double log_p) {
        if (category + 1 == terms_.size()) {
            const double l = log_p + terms_[category][static_cast<std::size_t>(remaining)];
            outcomes_ += 1;
            if (l <= threshold_) {
                tail_ += std::exp(l + constant_);
            }
            return;
        }
        for (std::int64_t x = 0; x <= remaining; ++x) {
            visit(category + 1, remaining - x,
                  log_p + terms_[category][static_cast<std::size_t>(x)]);
        }
    }
};

}  // namespace

double multinomial_outcomes(std::int64_t total, std::size_t categories) {
    if (categories == 0 || total < 0) {
        return 0;
    }
    // C(n + k − 1, k − 1), as a product to stay exact for the sizes that matter.
    double out = 1;
    const double n = static_cast<double>(total);
    for (std::size_t j = 1; j < categories; ++j) {
        out = out * (n + static_cast<double>(j)) / static_cast<double>(j);
    }
    return std::round(out);
}

FitTest exact_multinomial_test(const std::vector<std::int64_t>& counts,
                               const std::vector<double>& shares) {
    const Prepared prepared = prepare(counts, shares);
    if (!prepared.ok) {
        return {};
    }
    FitTest out = describe(counts, prepared);
    Enumerator enumerator(prepared, log_probability(counts, prepared));
    enumerator.run();
    out.method = FitMethod::exact;
    out.p_value = enumerator.p_value();
    out.outcomes = enumerator.outcomes();
    return out;
}

FitTest chi_square_test(const std::vector<std::int64_t>& counts,
                        const std::vector<double>& shares) {
    const Prepared prepared = prepare(counts, shares);
    if (!prepared.ok) {
        return {};
    }
    FitTest out = describe(counts, prepared);
    out.method = FitMethod::chi_square;
    out.p_value = chi_square_p_value(out.chi_square, out.degrees_of_freedom);
    return out;
}

FitTest monte_carlo_multinomial_test(const std::vector<std::int64_t>& counts,
                                     const std::vector<double>& shares, int draws,
                                     std::uint64_t seed) {
    const Prepared prepared = prepare(counts, shares);
    if (!prepared.ok || draws <= 0) {
        return {};
    }
    FitTest out = describe(counts, prepared);
    const double threshold = log_probability(counts, prepared) + log_tie_tolerance;
    std::vector<double> cumulative(prepared.shares.size());
    std::partial_sum(prepared.shares.begin(), prepared.shares.end(), cumulative.begin());
    // mt19937_64's sequence is fixed by the standard; the uniform and categorical draws are
    // done here (not by std:: distributions, which differ between libraries).
    std::mt19937_64 engine(seed);
    std::vector<std::int64_t> draw(counts.size());
    int as_extreme = 0;
    for (int d = 0; d < draws; ++d) {
        std::fill(draw.begin(), draw.end(), 0);
        for (std::int64_t patient = 0; patient < prepared.total; ++patient) {
            const double u = static_cast<double>(engine() >> 11) * 0x1.0p-53;
            const auto found = std::upper_bound(cumulative.begin(), cumulative.end(), u);
            const auto index = std::min<std::size_t>(
                static_cast<std::size_t>(found - cumulative.begin()), draw.size() - 1);
            ++draw[index];
        }
        if (log_probability(draw, prepared) <= threshold) {
            ++as_extreme;
        }
    }
    out.method = FitMethod::monte_carlo;
    out.p_value = (as_extreme + 1.0) / (draws + 1.0);
    out.draws = draws;
    out.seed = seed;
    return out;
}

FitTest goodness_of_fit(const std::vector<std::int64_t>& counts, const std::vector<double>& shares,
                        const FitOptions& options) {
    const Prepared prepared = prepare(counts, shares);
    if (!prepared.ok) {
        return {};
    }
    if (multinomial_outcomes(prepared.total, counts.size()) <= options.max_exact_outcomes) {
        return exact_multinomial_test(counts, shares);
    }
    FitTest chi = chi_square_test(counts, shares);
    if (chi.min_expected >= options.min_expected_for_chi_square) {
        return chi;
    }
    return monte_carlo_multinomial_test(counts, shares, options.draws, options.seed);
}

}  // namespace rv::analyse
