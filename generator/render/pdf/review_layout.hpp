#pragma once
// The review documents of `rapportverk review`: one per service and year (the shape of the
// hand-written reviews: names, location, regions, content, availability with the computed
// table and chart, competence dissemination, research, goals, quality, reference group,
// each criterion's finding with its evidence, the reviewer's text, a summary), and one
// national document per year (every service against every criterion, availability for
// every service). Layout reads the model and the analysis only; the command writes files.
#include <string>
#include <vector>

#include "analyse/review.hpp"
#include "model/content.hpp"
#include "render/pdf/boxes.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/pdf_output.hpp"

namespace rv::pdf {

Document layout_service_review(const model::Content& content, const analyse::ServiceReview& review,
                               const std::string& language, const FontSet& fonts, long long date);

// An empty document (no pages) when `reviews` is empty.
Document layout_national_review(const model::Content& content, int year,
                                const std::vector<analyse::ServiceReview>& reviews,
                                const std::string& language, const FontSet& fonts, long long date);

// The same as PDF bytes, with the process-wide fonts. Throws FontError or WriteError.
PdfFile service_review_pdf(const model::Content& content, const analyse::ServiceReview& review,
                           const std::string& language, long long date);
PdfFile national_review_pdf(const model::Content& content, int year,
                            const std::vector<analyse::ServiceReview>& reviews,
                            const std::string& language, long long date);

}  // namespace rv::pdf
