#include "render/pdf/review_layout.hpp"

#include "messages/formatting.hpp"
#include "render/pdf/block_layout.hpp"
#include "render/pdf/document_layout.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/hyphenation.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/report_parts.hpp"
#include "render/pdf/review_parts.hpp"
#include "render/pdf/review_text.hpp"

namespace rv::pdf {

namespace {

void national_cover(Builder& b, const model::Content& content, const std::string& title,
                    const std::string& year, const std::string& language) {
    Context ctx = b.body();
    ctx.justify = false;
    b.vertical_space(150);
    TextStyle big = b.text_style(FontId::bold, 26);
    big.color = b.styles().heading;
    b.paragraph({{title, big}}, ctx, Role::heading1, 0);
    b.paragraph({{content.site.title.in(language), b.text_style(FontId::regular, 14)}}, ctx,
                Role::paragraph, 10);
    b.vertical_space(30);
    b.paragraph({{ui("review.made_by", language, {year}), b.text_style(FontId::regular, 9.5)}}, ctx,
                Role::paragraph, 0);
    b.paragraph({{ui("review.not_public", language), b.text_style(FontId::bold, 9.5)}}, ctx,
                Role::paragraph, 6);
    if (content.site.example_content) {
        TextStyle style = b.text_style(FontId::italic, 9.5);
        style.color = b.styles().muted;
        const std::string notice = content.site.example_notice.empty()
                                       ? ui("ui.example_notice", language)
                                       : content.site.example_notice.in(language);
        b.paragraph({{notice, style}}, ctx, Role::paragraph, 6);
    }
}

const analyse::Finding* finding_for(const analyse::ServiceReview& review, const std::string& id) {
    for (const auto& finding : review.findings) {
        if (finding.criterion == id) {
            return &finding;
        }
    }
    return nullptr;
}

// Every service against every criterion, with the criteria's codes explained first.
void criteria_matrix(Builder& b, const model::Content& content,
                     const std::vector<analyse::ServiceReview>& reviews, const std::string& year,
                     const std::string& language) {
    const Context ctx = b.body();
    std::vector<std::vector<Span>> legend;
    for (std::size_t i = 0; i < content.criteria.size(); ++i) {
        const auto& criterion = content.criteria[i];
        legend.push_back({{ui("review.criterion_code", language, {std::to_string(i + 1)}) + " ",
                           b.text_style(FontId::bold)},
                          {criterion.title.in(language) + " (" +
                               ui("review.severity." + criterion.severity, language) + ")",
                           b.text_style()}});
    }
    b.bullets(legend, ctx);
    TextStyle note = b.text_style(FontId::regular, 8.5);
    note.color = b.styles().muted;
    b.paragraph({{ui("review.legend", language), note}}, ctx, Role::paragraph, 4);
    TableSpec t;
    t.caption = ui("review.criteria_caption", language, {year});
    t.row_headers = true;
    std::vector<std::vector<Span>> head{review_cell(b, ui("ui.service", language))};
    t.align.push_back('l');
    for (std::size_t i = 0; i < content.criteria.size(); ++i) {
        head.push_back(
            review_cell(b, ui("review.criterion_code", language, {std::to_string(i + 1)})));
        t.align.push_back('c');
    }
    t.rows.push_back(head);
    for (const auto& review : reviews) {
        std::vector<std::vector<Span>> row{review_cell(b, review.service->name.in(language))};
        for (const auto& criterion : content.criteria) {
            const analyse::Finding* finding = finding_for(review, criterion.id);
            const std::string cell =
                finding ? ui(std::string("review.cell.") + analyse::outcome_name(finding->outcome),
                             language)
                        : "\u2013";
            row.push_back(review_cell(b, cell,
                                      finding && finding->outcome == analyse::Outcome::not_met
                                          ? FontId::bold
                                          : FontId::regular));
        }
        t.rows.push_back(std::move(row));
    }
    b.table(t, ctx);
}

// New patients and the rate per region for every service, with the test's verdict.
void availability_matrix(Builder& b, const model::Content& content,
                         const std::vector<analyse::ServiceReview>& reviews,
                         const std::string& language) {
    const Context ctx = b.body();
    if (reviews.empty()) {
        return;
    }
    const auto& first = reviews.front().availability;
    TableSpec t;
    t.caption = ui("review.national_availability_caption", language,
                   {years_text(first.first_year, first.last_year)});
    t.row_headers = true;
    std::vector<std::vector<Span>> head{review_cell(b, ui("ui.service", language))};
    t.align.push_back('l');
    for (const auto& region : content.regions) {
        head.push_back(review_cell(b, region.name.in(language)));
        t.align.push_back('r');
    }
    head.push_back(review_cell(b, ui("ui.total", language)));
    head.push_back(review_cell(b, "p"));
    head.push_back(review_cell(b, ui("review.distribution", language)));
    t.align.insert(t.align.end(), {'r', 'r', 'l'});
    t.rows.push_back(head);
    for (const auto& review : reviews) {
        const auto& a = review.availability;
        std::vector<std::vector<Span>> row{review_cell(b, review.service->name.in(language))};
        const bool data = a.verdict != analyse::AvailabilityVerdict::no_data;
        for (const auto& region : content.regions) {
            std::string cell = "\u2013";
            for (const auto& r : a.regions) {
                if (data && r.region == region.id) {
                    cell = number_text(r.new_treated, 0, language) + "\n(" +
                           number_text(r.rate_per_100k, 2, language) + ")";
                }
            }
            row.push_back(review_cell(b, cell));
        }
        row.push_back(review_cell(b, data ? number_text(a.total, 0, language) : "\u2013"));
        row.push_back(review_cell(b, data ? number_text(a.test.p_value, 3, language) : "\u2013"));
        row.push_back(review_cell(
            b,
            ui(std::string("review.verdict_short.") + analyse::verdict_name(a.verdict), language),
            a.verdict == analyse::AvailabilityVerdict::departs ? FontId::bold : FontId::regular));
        t.rows.push_back(std::move(row));
    }
    b.table(t, ctx);
}

void summary_table(Builder& b, const std::vector<analyse::ServiceReview>& reviews,
                   const std::string& language) {
    TableSpec t;
    t.row_headers = true;
    t.align = {'l', 'r', 'r', 'r', 'l'};
    t.rows.push_back({review_cell(b, ui("ui.service", language)),
                      review_cell(b, ui("review.met", language)),
                      review_cell(b, ui("review.not_met", language)),
                      review_cell(b, ui("review.judgement", language)),
                      review_cell(b, ui("review.assessment_written", language))});
    for (const auto& review : reviews) {
        const auto counts = analyse::count_findings(review.findings);
        const bool written = review.text && review.text->text.has_content;
        t.rows.push_back({review_cell(b, review.service->name.in(language)),
                          review_cell(b, std::to_string(counts.met)),
                          review_cell(b, std::to_string(counts.not_met)),
                          review_cell(b, std::to_string(counts.not_assessable)),
                          review_cell(b, ui(written ? "ui.yes" : "ui.no", language))});
    }
    b.table(t, b.body());
}

Metadata metadata(const std::string& title, const model::Content& content, const std::string& slug,
                  const std::string& year, const std::string& language, long long date) {
    Metadata meta;
    meta.title = title;
    meta.author =
        content.site.publisher.empty() ? "Rapportverk" : content.site.publisher.in(language);
    meta.subject = content.site.title.in(language);
    meta.keywords = ui("review.title", language, {year}) + ", " + slug;
    meta.language = language;
    meta.date = date;
    return meta;
}

}  // namespace

Document layout_service_review(const model::Content& content, const analyse::ServiceReview& review,
                               const std::string& language, const FontSet& fonts, long long date) {
    const Hyphenator& hyphenator = Hyphenator::shared(language);
    const std::string year = std::to_string(review.report->folder_year);
    const std::string name = review.service->name.in(language);
    const std::string head = name + " \u2013 " + ui("review.title", language, {year});
    Document title_doc;
    Flow title_flow;
    Builder tb(title_flow, title_doc, fonts, hyphenator);
    review_cover(tb, content, review, language);
    Document body;
    Flow body_flow;
    Builder b(body_flow, body, fonts, hyphenator);
    b.set_running_head(head);
    b.page_break();
    const int number = review_sections(b, content, review, language);
    review_findings(b, content, review, language, number);
    colophon(b, language, date);
    note_missing_glyphs(tb, body);
    note_missing_glyphs(b, body);
    Document doc = assemble_document(title_flow, title_doc, body_flow, body, language, head, fonts);
    doc.meta = metadata(ui("review.title", language, {year}) + ": " + name, content,
                        review.service->slug, year, language, date);
    return doc;
}

Document layout_national_review(const model::Content& content, int year,
                                const std::vector<analyse::ServiceReview>& reviews,
                                const std::string& language, const FontSet& fonts, long long date) {
    if (reviews.empty()) {
        return {};
    }
    const Hyphenator& hyphenator = Hyphenator::shared(language);
    const std::string y = std::to_string(year);
    const std::string title = ui("review.national_title", language, {y});
    Document title_doc;
    Flow title_flow;
    Builder tb(title_flow, title_doc, fonts, hyphenator);
    national_cover(tb, content, title, y, language);
    Document body;
    Flow body_flow;
    Builder b(body_flow, body, fonts, hyphenator);
    b.set_running_head(title);
    b.page_break();
    const Context ctx = b.body();
    b.heading(ui("review.national_criteria", language), 1, "kriterier", 1, ctx, "1");
    b.paragraph({{ui("review.national_intro", language, {y}), b.text_style()}}, ctx);
    criteria_matrix(b, content, reviews, y, language);
    b.heading(ui("review.national_availability", language), 1, "tilgjengelighet", 1, ctx, "2");
    availability_matrix(b, content, reviews, language);
    b.heading(ui("review.national_summary", language), 1, "oppsummering", 1, ctx, "3");
    summary_table(b, reviews, language);
    colophon(b, language, date);
    note_missing_glyphs(tb, body);
    note_missing_glyphs(b, body);
    Document doc =
        assemble_document(title_flow, title_doc, body_flow, body, language, title, fonts);
    doc.meta = metadata(title + ": " + content.site.title.in(language), content,
                        ui("ui.services", language), y, language, date);
    return doc;
}

PdfFile service_review_pdf(const model::Content& content, const analyse::ServiceReview& review,
                           const std::string& language, long long date) {
    const FontSet& fonts = FontSet::shared();
    const Document doc = layout_service_review(content, review, language, fonts, date);
    return {write_pdf(doc, fonts), doc.warnings};
}

PdfFile national_review_pdf(const model::Content& content, int year,
                            const std::vector<analyse::ServiceReview>& reviews,
                            const std::string& language, long long date) {
    const FontSet& fonts = FontSet::shared();
    const Document doc = layout_national_review(content, year, reviews, language, fonts, date);
    if (doc.pages.empty()) {
        return {};
    }
    return {write_pdf(doc, fonts), doc.warnings};
}

}  // namespace rv::pdf
