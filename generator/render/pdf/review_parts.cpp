#include "render/pdf/review_parts.hpp"

#include <algorithm>

#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/pdf/report_parts.hpp"
#include "render/pdf/review_text.hpp"

namespace rv::pdf {

std::vector<Span> review_fact(const Builder& b, const std::string& label, const std::string& value,
                              double size) {
    return {{label + ": ", b.text_style(FontId::bold, size)},
            {value, b.text_style(FontId::regular, size)}};
}

std::vector<Span> review_cell(const Builder& b, const std::string& text, FontId font) {
    return {{text, b.text_style(font, 9)}};
}

std::string years_text(int first, int last) {
    return first == last ? std::to_string(last)
                         : std::to_string(first) + "\u2013" + std::to_string(last);
}

namespace {

Context unjustified(const Builder& b) {
    Context ctx = b.body();
    ctx.justify = false;
    return ctx;
}

void muted(Builder& b, const std::string& text, double space_before = 2) {
    TextStyle style = b.text_style(FontId::regular, 8.5);
    style.color = b.styles().muted;
    b.paragraph({{text, style}}, unjustified(b), Role::paragraph, space_before);
}

// The service's reasons for leaving out `key` or any field under it, as the report gives them.
bool reasons(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
             const std::string& key, const std::string& language) {
    const model::Form* form = content.form_for(review.service->type);
    bool any = false;
    for (const auto& entry : review.report->not_reported) {
        if (entry.key != key && entry.key.rfind(key + ".", 0) != 0) {
            continue;
        }
        const std::string what = form ? form->title_of(entry.key, language) : entry.key;
        b.paragraph(
            review_fact(b, ui("ui.not_reported", language) + " (" + what + ")", entry.reason),
            b.body());
        any = true;
    }
    return any;
}

// "From the yearly report: <section>": the service's own text, quoted, or why it is missing.
void quote_section(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                   const std::string& id, const std::string& language) {
    const model::Form* form = content.form_for(review.service->type);
    const model::FormSection* section = form ? form->find_section(id) : nullptr;
    if (!section || !section->in_year(review.report->folder_year)) {
        return;
    }
    const std::string title = section->title.in(language);
    const Context ctx = b.body();
    b.heading(ui("review.from_report", language, {title}), 2, "", 0, ctx);
    const model::Section* file = review.report->find_section(id);
    if (file && file->has_content) {
        Context quoted = ctx;
        quoted.x += 12;
        quoted.width -= 12;
        quoted.quote = 1;
        const int saved = b.container();
        b.set_container(b.element(Tag::quote));
        b.markdown(file->document, quoted, 1, "rapport-" + id);
        b.set_container(saved);
    } else if (const model::NotReported* reason = review.report->find_not_reported(id)) {
        b.paragraph(review_fact(b, ui("ui.not_reported", language), reason->reason), ctx);
    } else {
        b.paragraph({{ui("review.section_not_written", language, {title}), b.text_style()}}, ctx);
    }
}

std::string yes_no(bool value, const std::string& language) {
    return ui(value ? "ui.yes" : "ui.no", language);
}

void goals_table(Builder& b, const model::Report& report, const std::string& kind,
                 const std::string& caption, const std::string& language) {
    TableSpec t;
    t.caption = caption;
    t.row_headers = true;
    std::vector<std::vector<Span>> head;
    for (const char* key :
         {"ui.goal", "ui.indicator", "ui.target", "ui.result", "ui.met", "ui.assessment"}) {
        head.push_back(review_cell(b, ui(key, language)));
    }
    t.rows.push_back(head);
    for (const auto& g : report.goals) {
        if (g.kind != kind) {
            continue;
        }
        t.rows.push_back(
            {review_cell(b, g.title), review_cell(b, g.indicator), review_cell(b, g.target),
             review_cell(b, g.result),
             review_cell(b, g.met ? yes_no(*g.met, language) : ui("ui.unknown", language)),
             review_cell(b, g.assessment)});
    }
    if (t.rows.size() > 1) {
        b.table(t, b.body());
    } else {
        b.paragraph({{ui("review.no_goals", language), b.text_style()}}, b.body());
    }
}

void bullets_of(Builder& b, const std::string& title, const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    b.heading(title, 3, "", 0, b.body());
    std::vector<std::vector<Span>> spans;
    for (const auto& item : items) {
        spans.push_back({{item, b.text_style()}});
    }
    b.bullets(spans, b.body());
}

void content_part(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                  const std::string& language) {
    const model::Service& service = *review.service;
    const Context ctx = b.body();
    b.paragraph(review_fact(b, ui("ui.type", language), ui("type." + service.type, language)), ctx);
    if (!service.established.empty()) {
        b.paragraph(review_fact(b, ui("review.established", language), service.established), ctx);
    }
    if (!service.approved.empty()) {
        b.paragraph(review_fact(b, ui("ui.approved", language), service.approved), ctx);
    }
    std::string codes;
    for (const auto& code : service.icd10) {
        codes += (codes.empty() ? "" : ", ") + code;
    }
    if (!codes.empty()) {
        b.paragraph(review_fact(b, ui("ui.icd10", language), codes), ctx);
    }
    if (!service.description.empty()) {
        b.paragraph({{service.description.in(language), b.text_style()}}, ctx);
    }
    const model::Section* summary = review.report->find_section("sammendrag");
    quote_section(b, content, review, summary && summary->has_content ? "sammendrag" : "innhold",
                  language);
}

void dissemination_part(Builder& b, const model::Content& content,
                        const analyse::ServiceReview& review, const std::string& language) {
    const Context ctx = b.body();
    if (const auto& plan = review.report->dissemination_plan) {
        b.paragraph(
            review_fact(b, ui("ui.dissemination_plan", language), yes_no(plan->exists, language)),
            ctx);
        if (plan->made_with_reference_group) {
            b.paragraph(review_fact(b, ui("review.made_with_group", language),
                                    yes_no(*plan->made_with_reference_group, language)),
                        ctx);
        }
        if (!plan->summary.empty()) {
            b.paragraph({{plan->summary, b.text_style()}}, ctx);
        }
    } else {
        reasons(b, content, review, "dissemination_plan", language);
    }
    quote_section(b, content, review, "kompetansespredning", language);
}

void research_part(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                   const std::string& language) {
    const Context ctx = b.body();
    if (const auto& research = review.report->research) {
        const auto figure = [&](const char* key, const std::optional<model::Number>& n) {
            if (n) {
                b.paragraph(review_fact(b, ui(key, language), number_text(n->value, 0, language)),
                            ctx);
            }
        };
        figure("ui.publications", research->publications);
        figure("ui.theses", research->theses);
        figure("ui.projects", research->projects);
        if (!research->note.empty()) {
            b.paragraph({{research->note, b.text_style()}}, ctx);
        }
    } else {
        reasons(b, content, review, "research", language);
    }
    quote_section(b, content, review, "forskning", language);
}

void quality_part(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                  const std::string& language) {
    const model::Report& report = *review.report;
    if (!reasons(b, content, review, "goals", language)) {
        goals_table(b, report, "quality", ui("review.quality_goals", language), language);
    }
    std::vector<std::string> items;
    for (const auto& r : report.registries) {
        items.push_back(r.name);
    }
    bullets_of(b, ui("ui.registries", language), items);
    items.clear();
    for (const auto& a : report.accreditations) {
        items.push_back(a.name + (a.holder.empty() ? "" : ", " + a.holder) + ": " +
                        ui("ui.accreditation_" + a.status, language));
    }
    bullets_of(b, ui("ui.accreditations", language), items);
    quote_section(b, content, review, "kvalitet", language);
}

void reference_group_part(Builder& b, const model::Content& content,
                          const analyse::ServiceReview& review, const std::string& language) {
    const Context ctx = b.body();
    if (const auto& group = review.report->reference_group) {
        std::vector<std::string> items;
        for (const auto& m : group->members) {
            items.push_back(messages::member_label(content, m, language));
        }
        bullets_of(b, ui("ui.members", language), items);
        if (group->meetings) {
            b.paragraph(review_fact(b, ui("ui.meetings", language),
                                    number_text(group->meetings->value, 0, language)),
                        ctx);
        }
        if (group->approved_report) {
            b.paragraph(review_fact(b, ui("ui.approved_report", language),
                                    yes_no(*group->approved_report, language)),
                        ctx);
        }
        reasons(b, content, review, "reference_group", language);
    } else if (!reasons(b, content, review, "reference_group", language)) {
        b.paragraph({{ui("review.no_reference_group", language), b.text_style()}}, ctx);
    }
    quote_section(b, content, review, "referansegruppe", language);
}

}  // namespace

void review_cover(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                  const std::string& language) {
    const model::Service& service = *review.service;
    const Context ctx = unjustified(b);
    const Styles& s = b.styles();
    b.vertical_space(100);
    TextStyle kicker = b.text_style(FontId::regular, 14);
    kicker.color = s.muted;
    const std::string year = std::to_string(review.report->folder_year);
    b.paragraph({{ui("review.title", language, {year}), kicker}}, ctx, Role::paragraph, 0);
    TextStyle name = b.text_style(FontId::bold, 22);
    name.color = s.heading;
    b.paragraph({{service.name.in(language), name}}, ctx, Role::heading1, 6);
    b.vertical_space(24);
    b.paragraph(review_fact(b, ui("review.name", language), service.name.nb), ctx, Role::paragraph,
                4);
    b.paragraph(
        review_fact(b, ui("review.english_name", language),
                    service.name.en.empty() ? ui("review.not_given", language) : service.name.en),
        ctx, Role::paragraph, 4);
    std::string trusts;
    std::vector<std::string> regions;
    for (const auto& host : service.hosts) {
        trusts += (trusts.empty() ? "" : ", ") + host.trust;
        const std::string region = messages::region_name(content, host.region, language);
        if (std::find(regions.begin(), regions.end(), region) == regions.end()) {
            regions.push_back(region);
        }
    }
    std::string region_list;
    for (const auto& region : regions) {
        region_list += (region_list.empty() ? "" : ", ") + region;
    }
    b.paragraph(review_fact(b, ui("review.location", language),
                            trusts.empty() ? ui("review.not_given", language) : trusts),
                ctx, Role::paragraph, 4);
    b.paragraph(review_fact(b, ui("review.regions", language),
                            region_list.empty() ? ui("review.not_given", language) : region_list),
                ctx, Role::paragraph, 4);
    b.paragraph(review_fact(b, ui("ui.type", language), ui("type." + service.type, language)), ctx,
                Role::paragraph, 4);
    if (!service.responsible_region.empty()) {
        b.paragraph(
            review_fact(b, ui("ui.responsible_region", language),
                        messages::region_name(content, service.responsible_region, language)),
            ctx, Role::paragraph, 4);
    }
    b.vertical_space(30);
    b.paragraph({{ui("review.made_by", language, {year}), b.text_style(FontId::regular, 9.5)}}, ctx,
                Role::paragraph, 0);
    TextStyle note = b.text_style(FontId::bold, 9.5);
    b.paragraph({{ui("review.not_public", language), note}}, ctx, Role::paragraph, 6);
    if (content.site.example_content) {
        const std::string notice = content.site.example_notice.empty()
                                       ? ui("ui.example_notice", language)
                                       : content.site.example_notice.in(language);
        TextStyle style = b.text_style(FontId::italic, 9.5);
        style.color = s.muted;
        b.paragraph({{notice, style}}, ctx, Role::paragraph, 6);
    }
}

void availability_part(Builder& b, const model::Content& content,
                       const analyse::AvailabilityAnalysis& a, const std::string& language) {
    const Context ctx = b.body();
    const std::string years = years_text(a.first_year, a.last_year);
    b.paragraph({{ui("review.availability_intro", language, {years}), b.text_style()}}, ctx);
    for (const auto& gap : a.gaps) {
        const std::string why = !gap.text.empty()           ? gap.text
                                : gap.reason == "no_report" ? ui("review.gap_no_report", language)
                                                            : ui("review.gap_missing", language);
        muted(b, ui("review.gap", language, {std::to_string(gap.year), why}));
    }
    if (a.verdict == analyse::AvailabilityVerdict::no_data) {
        b.paragraph({{ui(a.verdict_key(), language), b.text_style(FontId::bold)}}, ctx);
        return;
    }
    TableSpec t;
    t.caption = ui("review.availability_caption", language, {years});
    t.row_headers = true;
    t.align = {'l', 'r', 'r', 'r', 'r', 'r'};
    t.rows.push_back({review_cell(b, ui("ui.region", language)),
                      review_cell(b, ui("ui.new_treated", language)),
                      review_cell(b, ui("review.patient_share", language)),
                      review_cell(b, ui("review.population_share", language)),
                      review_cell(b, ui("review.rate", language)),
                      review_cell(b, ui("review.ratio", language))});
    std::vector<Bar> bars;
    const analyse::RegionRow* least = nullptr;
    for (const auto& row : a.regions) {
        const std::string name = messages::region_name(content, row.region, language);
        t.rows.push_back({review_cell(b, name),
                          review_cell(b, number_text(row.new_treated, 0, language)),
                          review_cell(b, percent_text(row.patient_share, language)),
                          review_cell(b, percent_text(row.population_share, language)),
                          review_cell(b, number_text(row.rate_per_100k, 2, language)),
                          review_cell(b, number_text(row.ratio_to_national, 2, language))});
        const std::string rate = number_text(row.rate_per_100k, 2, language);
        bars.push_back({name, row.rate_per_100k, rate});
        if (!least || row.expected < least->expected) {
            least = &row;
        }
    }
    t.rows.push_back(
        {review_cell(b, ui("ui.total", language), FontId::bold),
         review_cell(b, number_text(a.total, 0, language), FontId::bold),
         review_cell(b, percent_text(1, language), FontId::bold),
         review_cell(b, percent_text(1, language), FontId::bold),
         review_cell(b, number_text(a.national_rate_per_100k, 2, language), FontId::bold),
         review_cell(b, number_text(1, 2, language), FontId::bold)});
    b.table(t, ctx);
    // Which population figures the rates rest on, year by year.
    if (!a.regions.empty()) {
        for (const auto& use : a.regions.front().populations) {
            muted(b, use.exact_year ? ui("ui.population_note", language,
                                         {std::to_string(use.population_year), use.source})
                                    : ui("ui.population_nearest", language,
                                         {std::to_string(use.report_year),
                                          std::to_string(use.population_year), use.source}));
        }
    }
    for (const auto& region : a.regions_without_population) {
        muted(b, ui("ui.population", language) + ": " +
                     messages::region_name(content, region, language) + " \u2013 " +
                     ui("review.not_given", language));
    }
    b.bar_chart(ui("review.rate_chart", language,
                   {years, number_text(a.national_rate_per_100k, 2, language)}),
                bars, ctx);
    const std::string method =
        ui(std::string("availability.method.") + analyse::method_name(a.test.method), language);
    b.paragraph({{ui("review.test", language,
                     {method, number_text(a.test.p_value, 3, language),
                      number_text(a.test.min_expected, 1, language),
                      least ? messages::region_name(content, least->region, language) : ""}),
                  b.text_style()}},
                ctx);
    b.paragraph({{ui(a.verdict_key(), language), b.text_style(FontId::bold)}}, ctx);
}

int review_sections(Builder& b, const model::Content& content, const analyse::ServiceReview& review,
                    const std::string& language) {
    const Context ctx = b.body();
    int number = 0;
    const auto section = [&](const std::string& title, const std::string& anchor) {
        b.heading(title, 1, anchor, 1, ctx, std::to_string(++number));
    };
    section(ui("review.content", language), "innhold");
    content_part(b, content, review, language);
    section(ui("review.availability_heading", language), "tilgjengelighet");
    availability_part(b, content, review.availability, language);
    quote_section(b, content, review, "tilgjengelighet", language);
    section(ui("review.trends", language), "utvikling");
    trends_part(b, content, review, language);
    section(ui("review.dissemination", language), "kompetansespredning");
    dissemination_part(b, content, review, language);
    section(ui("ui.research", language), "forskning");
    research_part(b, content, review, language);
    section(ui("review.result_goals", language), "resultatmal");
    if (!reasons(b, content, review, "goals", language)) {
        goals_table(b, *review.report, "result", ui("review.result_goals", language), language);
    }
    section(ui("review.quality", language), "kvalitet");
    quality_part(b, content, review, language);
    section(ui("review.reference_group", language), "referansegruppe");
    reference_group_part(b, content, review, language);
    return number;
}

}  // namespace rv::pdf
