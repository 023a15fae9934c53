#pragma once
// The chi-square distribution's upper tail, from the regularized incomplete gamma function
// (series and continued fraction, as in Numerical Recipes §6.2), written here so that the
// analysis needs no statistics library.
namespace rv::analyse {

// P(a, x) = γ(a, x) / Γ(a), for a > 0 and x >= 0.
double regularized_gamma_p(double a, double x);

// Q(a, x) = 1 − P(a, x): the upper tail.
double regularized_gamma_q(double a, double x);

// The probability that a chi-square variable with `degrees_of_freedom` is at least
// `statistic`: the p-value of a chi-square test.
double chi_square_p_value(double statistic, int degrees_of_freedom);

}  // namespace rv::analyse
