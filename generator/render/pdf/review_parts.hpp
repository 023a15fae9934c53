#pragma once
// The parts of one service's review in print, in the order of the hand-written reviews:
// the cover (names, location, regions), the service's content, availability (the computed
// table, the chart, the test and its plain statement), competence dissemination, research,
// result goals, quality, the reference group; then each criterion's finding with its
// evidence, the reviewer's own text and the summary (review_findings.cpp).
#include <string>

#include "analyse/review.hpp"
#include "model/content.hpp"
#include "render/pdf/block_layout.hpp"

namespace rv::pdf {

// The title page: kicker, names (nb, en), location, regions, type; the notes that the
// document is computed, not public, and (for example content) made of examples.
void review_cover(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                  const std::string& language);

// The numbered sections from the service's content to its reference group; returns the
// number of the last.
int review_sections(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                    const std::string& language);

// The availability table (per region: new patients, shares, rate per 100 000, ratio to the
// national rate) with its population note, the chart, the test and the plain statement.
void availability_part(Builder& b, const model::Content& content,
                       const analyse::AvailabilityAnalysis& a, const std::string& language);

// Each figure (new patients, every activity) across the years up to the review's, with the
// change from the year before, and the previous_year values that disagree with the year
// before's report (review_trends.cpp).
void trends_part(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                 const std::string& language);

// The criteria with their findings and evidence, the reviewer's text and the summary,
// numbered on from `number`.
void review_findings(Builder& b, const model::Content& content,
                     const analyse::ServiceReview& review, const std::string& language, int number);

// Helpers shared by the review parts.
std::vector<Span> review_fact(const Builder& b, const std::string& label, const std::string& value,
                              double size = 0);
std::vector<Span> review_cell(const Builder& b, const std::string& text,
                              FontId font = FontId::regular);
// "2023" or "2019–2023".
std::string years_text(int first, int last);

}  // namespace rv::pdf
