#include "analyse/chi_square.hpp"

#include <cmath>
#include <limits>

namespace rv::analyse {

namespace {

constexpr int max_iterations = 1000;
constexpr double epsilon = 1e-15;
constexpr double tiny = std::numeric_limits<double>::min() / epsilon;

// P(a, x) by its series; converges quickly for x < a + 1.
double gamma_p_series(double a, double x) {
    double term = 1.0 / a;
    double sum = term;
    double denominator = a;
    for (int n = 0; n < max_iterations; ++n) {
        denominator += 1.0;
        term *= x / denominator;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * epsilon) {
            break;
        }
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz); converges quickly for x >= a + 1.
double gamma_q_fraction(double a, double x) {
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i <= max_iterations; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < tiny) {
            d = tiny;
        }
        c = b + an / c;
        if (std::fabs(c) < tiny) {
            c = tiny;
        }
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < epsilon) {
            break;
        }
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

}  // namespace

double regularized_gamma_p(double a, double x) {
    if (!(a > 0) || !(x > 0)) {
        return 0.0;
    }
    if (x < a + 1.0) {
        return gamma_p_series(a, x);
    }
    return 1.0 - gamma_q_fraction(a, x);
}

double regularized_gamma_q(double a, double x) {
    if (!(a > 0) || !(x > 0)) {
        return 1.0;
    }
    if (x < a + 1.0) {
        return 1.0 - gamma_p_series(a, x);
    }
    return gamma_q_fraction(a, x);
}

double chi_square_p_value(double statistic, int degrees_of_freedom) {
    if (degrees_of_freedom <= 0) {
        return 1.0;
    }
    return regularized_gamma_q(degrees_of_freedom / 2.0, statistic / 2.0);
}

}  // namespace rv::analyse
