#include "render/pdf/report_parts.hpp"

#include <cctype>

#include "analyse/availability.hpp"
#include "messages/catalog.hpp"
#include "render/pdf/numbers.hpp"

namespace rv::pdf {

std::string ui(const std::string& key, const std::string& language,
               const std::vector<std::string>& args) {
    return messages::text(key, language, args);
}

std::string report_language(const model::Report& report) {
    return report.language.empty() ? "nb" : report.language;
}

namespace {

std::string optional_count(const std::optional<double>& value) {
    return value ? format_count(*value) : "\u2013";
}

// "Label: value" with the label in bold.
std::vector<Span> fact(const Builder& b, const std::string& label, const std::string& value,
                       double size = 0) {
    return {{label + ": ", b.text_style(FontId::bold, size)},
            {value, b.text_style(FontId::regular, size)}};
}

std::vector<Span> plain(const Builder& b, const std::string& text, FontId font = FontId::regular) {
    return {{text, b.text_style(font, 9)}};
}

void patients(Builder& b, const model::Content& content, const model::Report& report,
              const std::string& language) {
    const analyse::Availability figures = analyse::availability(content, report);
    if (!report.patients || figures.regions.empty()) {
        return;
    }
    const Context ctx = b.body();
    TableSpec t;
    t.caption = ui("ui.patients_caption", language, {std::to_string(report.folder_year)});
    t.row_headers = true;
    t.align = {'l', 'r', 'r', 'r', 'r'};
    t.rows.push_back({plain(b, ui("ui.region", language)), plain(b, ui("ui.new_treated", language)),
                      plain(b, ui("ui.new_not_treated", language)),
                      plain(b, ui("ui.population", language)),
                      plain(b, ui("ui.rate_per_100k", language))});
    std::vector<Bar> bars;
    for (const auto& row : figures.regions) {
        const std::string name = region_name(content, row.region, language);
        t.rows.push_back(
            {plain(b, name), plain(b, optional_count(row.new_treated)),
             plain(b, optional_count(row.new_not_treated)),
             plain(b,
                   row.population ? format_count(static_cast<double>(*row.population)) : "\u2013"),
             plain(b, row.rate_per_100k ? format_decimal(*row.rate_per_100k, 1) : "\u2013")});
        bars.push_back({name, row.new_treated.value_or(0), optional_count(row.new_treated)});
    }
    std::string not_treated = "\u2013";
    if (!report.patients->new_not_treated.empty()) {
        double sum = 0;
        for (const auto& c : report.patients->new_not_treated) {
            sum += c.count.value;
        }
        not_treated = format_count(sum);
    }
    t.rows.push_back(
        {plain(b, ui("ui.total", language), FontId::bold),
         plain(b, optional_count(figures.total_treated), FontId::bold),
         plain(b, not_treated, FontId::bold), plain(b, ""),
         plain(b,
               figures.national_rate_per_100k ? format_decimal(*figures.national_rate_per_100k, 1)
                                              : "\u2013",
               FontId::bold)});
    b.table(t, ctx);
    const auto& first = figures.regions.front();
    Context note = ctx;
    note.justify = false;
    if (first.population) {
        const std::string text =
            first.population_exact_year
                ? ui("ui.population_note", language,
                     {std::to_string(first.population_year), first.population_source})
                : ui("ui.population_nearest", language,
                     {std::to_string(report.folder_year), std::to_string(first.population_year),
                      first.population_source});
        b.paragraph({{text, b.text_style(FontId::regular, 8.5)}}, note, Role::paragraph, 2);
    }
    if (!report.patients->note.empty()) {
        b.paragraph(fact(b, ui("ui.patients_note", language), report.patients->note, 8.5), note,
                    Role::paragraph, 2);
    }
    b.bar_chart(ui("ui.patients_chart", language, {std::to_string(report.folder_year)}), bars, ctx);
}

void data_tables(Builder& b, const model::Content& content, const model::Report& report,
                 const std::string& language) {
    const Context ctx = b.body();
    const std::string year = std::to_string(report.folder_year);
    patients(b, content, report, language);
    if (!report.activity.empty()) {
        TableSpec t;
        t.caption = ui("ui.activity_caption", language, {year});
        t.row_headers = true;
        t.align = {'l', 'r', 'r', 'l'};
        t.rows.push_back({plain(b, ui("ui.activity", language)), plain(b, ui("ui.value", language)),
                          plain(b, ui("ui.previous_year", language)),
                          plain(b, ui("ui.unit", language))});
        for (const auto& f : report.activity) {
            t.rows.push_back(
                {plain(b, f.label), plain(b, format_count(f.value.value)),
                 plain(b, f.previous_year ? format_count(f.previous_year->value) : "\u2013"),
                 plain(b, f.unit)});
        }
        b.table(t, ctx);
    }
    if (!report.staff.empty()) {
        TableSpec t;
        t.caption = ui("ui.staff_caption", language);
        t.row_headers = true;
        t.align = {'l', 'r'};
        t.rows.push_back(
            {plain(b, ui("ui.specialty", language)), plain(b, ui("ui.count", language))});
        for (const auto& s : report.staff) {
            t.rows.push_back({plain(b, s.specialty),
                              plain(b, s.count ? format_count(s.count->value) : "\u2013")});
        }
        b.table(t, ctx);
    }
    if (!report.goals.empty()) {
        TableSpec t;
        t.caption = ui("ui.goals_caption", language);
        t.row_headers = true;
        std::vector<std::vector<Span>> head;
        for (const char* key : {"ui.goal", "ui.goal_kind", "ui.indicator", "ui.target", "ui.result",
                                "ui.met", "ui.assessment"}) {
            head.push_back(plain(b, ui(key, language)));
        }
        t.rows.push_back(head);
        for (const auto& g : report.goals) {
            t.rows.push_back(
                {plain(b, g.title),
                 plain(b, ui(g.kind == "quality" ? "ui.goal_quality" : "ui.goal_result", language)),
                 plain(b, g.indicator), plain(b, g.target), plain(b, g.result),
                 plain(b, g.met ? ui(*g.met ? "ui.yes" : "ui.no", language)
                                : ui("ui.unknown", language)),
                 plain(b, g.assessment)});
        }
        b.table(t, ctx);
    }
    auto list = [&](const std::string& title, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        b.heading(title, 3, "", 0, ctx);
        std::vector<std::vector<Span>> spans;
        for (const auto& item : items) {
            spans.push_back({{item, b.text_style()}});
        }
        b.bullets(spans, ctx);
    };
    std::vector<std::string> items;
    for (const auto& r : report.registries) {
        items.push_back(r.name);
    }
    list(ui("ui.registries", language), items);
    items.clear();
    for (const auto& a : report.accreditations) {
        items.push_back(a.name + (a.holder.empty() ? "" : ", " + a.holder) + ": " +
                        ui("ui.accreditation_" + a.status, language));
    }
    list(ui("ui.accreditations", language), items);
    if (report.reference_group) {
        const auto& group = *report.reference_group;
        items.clear();
        for (const auto& m : group.members) {
            items.push_back(member_label(content, m, language));
        }
        b.heading(ui("ui.reference_group", language), 3, "", 0, ctx);
        std::vector<std::vector<Span>> spans;
        for (const auto& item : items) {
            spans.push_back({{item, b.text_style()}});
        }
        b.bullets(spans, ctx);
        if (group.meetings) {
            b.paragraph(fact(b, ui("ui.meetings", language), format_count(group.meetings->value)),
                        ctx);
        }
        if (group.approved_report) {
            b.paragraph(fact(b, ui("ui.approved_report", language),
                             ui(*group.approved_report ? "ui.yes" : "ui.no", language)),
                        ctx);
        }
    }
}

}  // namespace

void report_title(Builder& b, const model::Content& content, const model::Service& service,
                  const model::Report& report, bool big, const std::string& anchor) {
    const std::string language = report_language(report);
    Context ctx = b.body();
    ctx.justify = false;
    const Styles& s = b.styles();
    if (big) {
        b.vertical_space(110);
    }
    if (!anchor.empty()) {
        b.anchor_next(anchor, service.name.in(language), 1);
    }
    TextStyle kicker = b.text_style(FontId::regular, big ? 14 : 11);
    kicker.color = s.muted;
    b.paragraph({{ui("ui.report_title", language, {std::to_string(report.folder_year)}), kicker}},
                ctx, Role::paragraph, 0);
    TextStyle name = b.text_style(FontId::bold, big ? 24 : 18);
    name.color = s.heading;
    b.paragraph({{service.name.in(language), name}}, ctx, Role::heading1, 6);
    if (!service.name.en.empty() && language != "en") {
        b.paragraph({{service.name.en, b.text_style(FontId::italic, big ? 13 : 11)}}, ctx,
                    Role::paragraph, 4);
    }
    b.vertical_space(big ? 30 : 12);
    b.paragraph(fact(b, ui("ui.type", language), ui("type." + service.type, language)), ctx,
                Role::paragraph, 3);
    std::string hosts;
    for (const auto& host : service.hosts) {
        hosts += (hosts.empty() ? "" : "; ") + host.trust + " (" +
                 region_name(content, host.region, language) + ")";
    }
    if (!hosts.empty()) {
        b.paragraph(fact(b, ui("ui.hosts", language), hosts), ctx, Role::paragraph, 3);
    }
    if (!service.responsible_region.empty()) {
        b.paragraph(fact(b, ui("ui.responsible_region", language),
                         region_name(content, service.responsible_region, language)),
                    ctx, Role::paragraph, 3);
    }
    if (!service.approved.empty()) {
        b.paragraph(fact(b, ui("ui.approved", language), service.approved), ctx, Role::paragraph,
                    3);
    }
    std::string codes;
    for (const auto& code : service.icd10) {
        codes += (codes.empty() ? "" : ", ") + code;
    }
    if (!codes.empty()) {
        b.paragraph(fact(b, ui("ui.icd10", language), codes), ctx, Role::paragraph, 3);
    }
    if (big && content.site.example_content) {
        const std::string notice = content.site.example_notice.empty()
                                       ? ui("ui.example_notice", language)
                                       : content.site.example_notice.in(language);
        TextStyle style = b.text_style(FontId::italic, 9.5);
        style.color = s.muted;
        b.vertical_space(30);
        b.paragraph({{notice, style}}, ctx, Role::paragraph, 0);
    }
}

void report_body(Builder& b, const model::Content& content, const model::Service& service,
                 const model::Report& report, const std::string& prefix) {
    const std::string language = report_language(report);
    const model::Form* form = content.form_for(service.type);
    const Context ctx = b.body();
    int number = 0;
    if (form) {
        for (const auto& section : form->sections) {
            if (!section.in_year(report.folder_year)) {
                continue;
            }
            const model::Section* file = report.find_section(section.id);
            const model::NotReported* reason = report.find_not_reported(section.id);
            const bool written = file && file->has_content;
            if (!written && !reason) {
                continue;
            }
            const std::string anchor = prefix + section.id;
            b.heading(section.title.in(language), 1, anchor, 1, ctx, std::to_string(++number));
            if (written) {
                b.set_images([&content, &report, file](const std::string& url) {
                    return model::find_image(report.images, content.root, file->file, url);
                });
                b.markdown(file->document, ctx, 1, anchor);
                b.set_images(nullptr);
            } else {
                b.paragraph({{ui("ui.not_reported", language) + ". ", b.text_style(FontId::bold)},
                             {reason->reason, b.text_style()}},
                            ctx);
            }
        }
    }
    b.heading(ui("ui.data", language, {std::to_string(report.folder_year)}), 1, prefix + "tall", 1,
              ctx);
    data_tables(b, content, report, language);
    if (!report.not_reported.empty()) {
        b.heading(ui("ui.not_reported", language), 1, prefix + "ikke-rapportert", 1, ctx);
        b.paragraph({{ui("ui.not_reported_intro", language), b.text_style()}}, ctx);
        for (const auto& entry : report.not_reported) {
            const std::string what = form ? form->title_of(entry.key, language) : entry.key;
            b.paragraph(fact(b, what, entry.reason), ctx);
        }
    }
    if (!report.sources.empty()) {
        b.heading(ui("ui.sources", language), 1, prefix + "kilder", 1, ctx);
        std::vector<std::vector<Span>> items;
        for (const auto& source : report.sources) {
            items.push_back({{source, b.text_style()}});
        }
        b.bullets(items, ctx);
    }
}

void colophon(Builder& b, const std::string& language, long long date) {
    Context ctx = b.body();
    ctx.justify = false;
    TextStyle style = b.text_style(FontId::regular, 8);
    style.color = b.styles().muted;
    b.vertical_space(24);
    b.rule(ctx);
    b.paragraph({{ui("ui.pdf_colophon", language, {format_date(date)}), style}}, ctx,
                Role::paragraph, 0);
}

}  // namespace rv::pdf
