// The second half of a service's review: each criterion's finding with the evidence it
// rests on, the reviewer's own text, and the summary.
#include "messages/catalog.hpp"
#include "render/pdf/report_parts.hpp"
#include "render/pdf/review_parts.hpp"
#include "render/pdf/review_text.hpp"

namespace rv::pdf {

namespace {

// "K3 Likeverdig tilgjengelighet for hele landet": the criterion's number in criteria.json.
std::string numbered_title(const model::Content& content, const std::string& id,
                           const std::string& language) {
    for (std::size_t i = 0; i < content.criteria.size(); ++i) {
        if (content.criteria[i].id == id) {
            return ui("review.criterion_code", language, {std::to_string(i + 1)}) + " " +
                   content.criteria[i].title.in(language);
        }
    }
    return id;
}

void finding_part(Builder& b, const model::Content& content, const analyse::Finding& finding,
                  const std::string& language) {
    const Context ctx = b.body();
    b.heading(numbered_title(content, finding.criterion, language), 3, "", 0, ctx);
    TextStyle outcome = b.text_style(FontId::bold);
    outcome.color =
        finding.outcome == analyse::Outcome::not_met ? Color{0.62, 0.1, 0.1} : b.styles().heading;
    std::vector<Span> line{{ui("review.finding", language) + ": ", b.text_style(FontId::bold)},
                           {outcome_text(finding.outcome, language), outcome}};
    if (!finding.severity.empty()) {
        line.push_back(
            {" (" + ui("review.severity." + finding.severity, language) + ")", b.text_style()});
    }
    b.paragraph(line, ctx);
    std::vector<std::vector<Span>> items;
    for (const auto& evidence : finding.evidence) {
        std::vector<Span> item{{evidence_text(evidence, language), b.text_style()}};
        const std::string source = evidence_source(evidence, content.root, language);
        if (!source.empty()) {
            TextStyle style = b.text_style(FontId::regular, 8.5);
            style.color = b.styles().muted;
            item.push_back({" [" + source + "]", style});
        }
        items.push_back(std::move(item));
    }
    b.bullets(items, ctx);
    const model::Criterion* criterion = find_criterion(content, finding.criterion);
    if (criterion && !criterion->guidance.empty()) {
        TextStyle label = b.text_style(FontId::bold_italic, 8.5);
        TextStyle text = b.text_style(FontId::italic, 8.5);
        label.color = text.color = b.styles().muted;
        Context inner = ctx;
        inner.justify = false;
        b.paragraph({{ui("review.guidance", language) + ": ", label},
                     {criterion->guidance.in(language), text}},
                    inner, Role::paragraph, 3);
    }
}

void list_of(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
             analyse::Outcome outcome, const std::string& title, const std::string& language) {
    std::vector<std::vector<Span>> items;
    for (const auto& finding : review.findings) {
        if (finding.outcome != outcome) {
            continue;
        }
        std::string text = numbered_title(content, finding.criterion, language);
        if (outcome == analyse::Outcome::not_met && !finding.severity.empty()) {
            text += " (" + ui("review.severity." + finding.severity, language) + ")";
        }
        items.push_back({{text, b.text_style()}});
    }
    if (items.empty()) {
        return;
    }
    b.heading(title, 3, "", 0, b.body());
    b.bullets(items, b.body());
}

}  // namespace

void review_findings(Builder& b, const model::Content& content,
                     const analyse::ServiceReview& review, const std::string& language,
                     int number) {
    const Context ctx = b.body();
    const std::string year = std::to_string(review.report->folder_year);
    b.heading(ui("review.criteria", language), 1, "kriterier", 1, ctx, std::to_string(++number));
    b.paragraph({{ui("review.criteria_intro", language, {year}), b.text_style()}}, ctx);
    for (const auto& finding : review.findings) {
        finding_part(b, content, finding, language);
    }

    b.heading(ui("review.assessment", language), 1, "vurdering", 1, ctx, std::to_string(++number));
    if (review.text && review.text->text.has_content) {
        b.markdown(review.text->text.document, ctx, 1, "vurdering");
    } else {
        const std::string path = "reviews/" + year + "/" + review.service->slug + ".md";
        b.paragraph({{ui("review.no_assessment", language, {path}), b.text_style(FontId::italic)}},
                    ctx);
    }

    b.heading(ui("review.summary", language), 1, "oppsummering", 1, ctx, std::to_string(++number));
    const analyse::FindingCounts counts = analyse::count_findings(review.findings);
    b.paragraph({{ui("review.summary_counts", language,
                     {std::to_string(counts.met), std::to_string(counts.not_met),
                      std::to_string(counts.not_assessable)}),
                  b.text_style()}},
                ctx);
    const auto& a = review.availability;
    b.paragraph(review_fact(b,
                            ui("review.availability_heading", language) + " " +
                                years_text(a.first_year, a.last_year),
                            ui(a.verdict_key(), language)),
                ctx);
    list_of(b, content, review, analyse::Outcome::not_met, ui("review.not_met", language),
            language);
    list_of(b, content, review, analyse::Outcome::not_assessable, ui("review.judgement", language),
            language);
    list_of(b, content, review, analyse::Outcome::met, ui("review.met", language), language);
}

}  // namespace rv::pdf
