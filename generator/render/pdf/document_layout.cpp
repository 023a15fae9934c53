#include "render/pdf/document_layout.hpp"

#include <cstdio>

#include "analyse/availability.hpp"
#include "render/pdf/block_layout.hpp"
#include "render/pdf/numbers.hpp"
#include "render/pdf/report_parts.hpp"

namespace rv::pdf {

namespace {

const Frame frame{};

// The contents: one line per top-level outline entry, page number right, all a link.
void contents(Builder& b, const std::string& language, const Document& body, int offset,
              bool placeholder) {
    const Context ctx = b.body();
    b.heading(ui("ui.contents", language), 1, "", 0, ctx);
    const double number_width = 30;
    const int list = b.element(Tag::contents);
    for (const auto& entry : body.outline) {
        if (entry.level != 1) {
            continue;
        }
        const int link = b.element(Tag::link, b.element(Tag::contents_item, list));
        std::string number = "000";
        if (!placeholder) {
            const auto found = body.anchors.find(entry.anchor);
            number =
                found == body.anchors.end() ? "" : std::to_string(found->second.page + 1 + offset);
        }
        Context inner = ctx;
        inner.justify = false;
        inner.width -= number_width;
        BreakOptions options;
        options.width = inner.width;
        auto lines = break_lines({{entry.title, b.text_style()}}, options, b.fonts());
        if (lines.empty()) {
            lines.push_back({});
        }
        const double height = b.styles().body * b.styles().leading;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            Slab slab;
            slab.height = height;
            slab.space_before = k == 0 ? 4 : 0;
            slab.keep_with_next = k + 1 < lines.size();
            const double baseline = (height - 11.7) / 2 + 9.3;
            for (const auto& run : lines[k].runs) {
                slab.items.texts.push_back({run.style.font, run.style.size, ctx.x + run.x, baseline,
                                            run.text, 0, black, Role::paragraph, 0, link});
            }
            if (!slab.items.texts.empty() && (lines[k].space_after || k + 1 == lines.size())) {
                slab.items.texts.back().text += ' ';  // apart from the next line or the number
            }
            if (k + 1 == lines.size()) {
                const double w = b.fonts().width(FontId::regular, number, b.styles().body);
                slab.items.texts.push_back({FontId::regular, b.styles().body, ctx.x + ctx.width - w,
                                            baseline, number, 0, black, Role::paragraph, 0, link});
            }
            slab.items.links.push_back({ctx.x, 0, ctx.width, height, "", entry.anchor, link});
            b.add_slab(std::move(slab), inner);
        }
    }
}

void decorate(Document& doc, const std::string& language, const FontSet& fonts) {
    const int total = static_cast<int>(doc.pages.size());
    const Styles styles;
    for (int i = 0; i < total; ++i) {
        Page& page = doc.pages[static_cast<std::size_t>(i)];
        if (page.running_head.empty()) {
            continue;
        }
        // A long service name is shortened to the line, with an ellipsis.
        std::string text = page.running_head;
        while (text.size() > 1 && fonts.width(FontId::regular, text + "\u2026", 8) > styles.width) {
            text.pop_back();
            while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
                text.pop_back();  // continuation bytes, then the lead byte of that character
            }
            if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0xC0) {
                text.pop_back();
            }
            if (fonts.width(FontId::regular, text + "\u2026", 8) <= styles.width) {
                text += "\u2026";
                break;
            }
        }
        TextRun head{FontId::regular, 8, styles.left, 44, text, 0, styles.muted, Role::artifact, 0};
        page.texts.insert(page.texts.begin(), head);
        page.rules.push_back({styles.left, 50, styles.left + styles.width, 50, 0.4, styles.rule});
        const std::string number =
            ui("ui.pdf_page", language, {std::to_string(i + 1), std::to_string(total)});
        const double w = fonts.width(FontId::regular, number, 8);
        page.texts.push_back({FontId::regular, 8, styles.left + (styles.width - w) / 2,
                              page_height - 36, number, 0, styles.muted, Role::artifact, 0});
    }
}

void shift_anchors(Document& body, int offset) {
    for (auto& [name, anchor] : body.anchors) {
        anchor.page += offset;
    }
}

// Appends the body's pages and structure elements to `doc`: element numbers move up.
void append_body(Document& doc, Document& body) {
    const int base = static_cast<int>(doc.elements.size());
    auto move = [base](int& element) {
        if (element != no_element) {
            element += base;
        }
    };
    for (auto element : body.elements) {
        move(element.parent);
        doc.elements.push_back(std::move(element));
    }
    for (auto& page : body.pages) {
        for (auto& t : page.texts) {
            move(t.element);
        }
        for (auto& r : page.rects) {
            move(r.element);
        }
        for (auto& r : page.rules) {
            move(r.element);
        }
        for (auto& l : page.links) {
            move(l.element);
        }
        for (auto& i : page.images) {
            move(i.element);
        }
        doc.pages.push_back(std::move(page));
    }
}

// Title pages, then the contents, then the body: the contents' length is found first
// with placeholder numbers, so the body knows on which page it starts.
Document assemble(Flow& title_flow, Document& title_doc, Flow& body_flow, Document& body,
                  const std::string& language, const std::string& head, const FontSet& fonts) {
    const Hyphenator& hyphenator = Hyphenator::shared(language);
    title_flow.paginate(frame, title_doc);
    Document probe_doc;
    {
        Flow flow;
        Builder b(flow, probe_doc, fonts, hyphenator);
        b.set_running_head(head);
        contents(b, language, body, 0, true);
        flow.paginate(frame, probe_doc);
    }
    const int offset = static_cast<int>(title_doc.pages.size() + probe_doc.pages.size());
    body_flow.paginate(frame, body, offset);
    Document doc = std::move(title_doc);
    {
        Flow flow;
        Builder b(flow, doc, fonts, hyphenator);
        b.set_running_head(head);
        contents(b, language, body, offset, false);
        flow.paginate(frame, doc);
    }
    doc.outline.clear();
    const int start = static_cast<int>(doc.pages.size());
    shift_anchors(body, start);
    append_body(doc, body);
    doc.anchors.insert(body.anchors.begin(), body.anchors.end());
    doc.outline = std::move(body.outline);
    doc.warnings.insert(doc.warnings.end(), body.warnings.begin(), body.warnings.end());
    decorate(doc, language, fonts);
    return doc;
}

void note_missing(Builder& b, Document& doc) {
    for (char32_t c : b.missing()) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        doc.warnings.push_back(code);
    }
}

}  // namespace

Document assemble_document(Flow& title_flow, Document& title_doc, Flow& body_flow, Document& body,
                           const std::string& language, const std::string& head,
                           const FontSet& fonts) {
    return assemble(title_flow, title_doc, body_flow, body, language, head, fonts);
}

void note_missing_glyphs(Builder& b, Document& doc) {
    note_missing(b, doc);
}

Document layout_report(const model::Content& content, const model::Service& service,
                       const model::Report& report, const FontSet& fonts, long long date) {
    const std::string language = report_language(report);
    const Hyphenator& hyphenator = Hyphenator::shared(language);
    const std::string year = std::to_string(report.folder_year);
    const std::string head =
        service.name.in(language) + " \u2013 " + ui("ui.report_title", language, {year});
    Document title_doc;
    Flow title_flow;
    Builder tb(title_flow, title_doc, fonts, hyphenator);
    report_title(tb, content, service, report, true);
    Document body;
    Flow body_flow;
    Builder b(body_flow, body, fonts, hyphenator);
    b.set_running_head(head);
    b.page_break();
    report_body(b, content, service, report, "");
    colophon(b, language, date);
    note_missing(tb, body);
    note_missing(b, body);
    Document doc = assemble(title_flow, title_doc, body_flow, body, language, head, fonts);
    doc.meta.title = ui("ui.report_title", language, {year}) + ": " + service.name.in(language);
    doc.meta.author = service.name.in(language);
    doc.meta.subject = ui("type." + service.type, language);
    doc.meta.keywords = service.slug + ", " + year;
    for (const auto& code : service.icd10) {
        doc.meta.keywords += ", " + code;
    }
    doc.meta.language = language;
    doc.meta.date = date;
    return doc;
}

Document layout_volume(const model::Content& content, int year, const FontSet& fonts,
                       long long date, const std::function<void(model::Report&)>& read_sections) {
    const std::string language = "nb";
    const Hyphenator& hyphenator = Hyphenator::shared(language);
    const std::string y = std::to_string(year);
    std::vector<std::pair<const model::Service*, const model::Report*>> reports;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            if (report.folder_year == year && report.data_loaded) {
                reports.emplace_back(&service, &report);
            }
        }
    }
    if (reports.empty()) {
        return {};
    }
    const std::string title = ui("ui.volume_title", language, {y});
    Document title_doc;
    Flow title_flow;
    Builder tb(title_flow, title_doc, fonts, hyphenator);
    {
        Context ctx = tb.body();
        ctx.justify = false;
        tb.vertical_space(150);
        TextStyle big = tb.text_style(FontId::bold, 26);
        big.color = tb.styles().heading;
        tb.paragraph({{title, big}}, ctx, Role::heading1, 0);
        tb.paragraph({{content.site.title.in(language), tb.text_style(FontId::regular, 14)}}, ctx,
                     Role::paragraph, 10);
    }
    Document body;
    Flow body_flow;
    Builder b(body_flow, body, fonts, hyphenator);
    b.set_running_head(title);
    b.page_break();
    // The national summary: new patients per region for every service.
    const Context ctx = b.body();
    b.heading(ui("ui.national_summary", language, {y}), 1, "oversikt", 1, ctx);
    TableSpec t;
    t.row_headers = true;
    t.align.push_back('l');
    std::vector<std::vector<Span>> head{
        {{ui("ui.service", language), b.text_style(FontId::regular, 9)}}};
    for (const auto& region : content.regions) {
        head.push_back({{region.name.in(language), b.text_style(FontId::regular, 9)}});
        t.align.push_back('r');
    }
    head.push_back({{ui("ui.total", language), b.text_style(FontId::regular, 9)}});
    t.align.push_back('r');
    t.rows.push_back(head);
    for (const auto& [service, report] : reports) {
        const analyse::Availability figures = analyse::availability(content, *report);
        std::vector<std::vector<Span>> row{
            {{service->name.in(language), b.text_style(FontId::regular, 9)}}};
        for (const auto& region : content.regions) {
            std::string cell = "\u2013";
            for (const auto& r : figures.regions) {
                if (r.region == region.id && r.new_treated) {
                    cell = format_count(*r.new_treated);
                }
            }
            row.push_back({{cell, b.text_style(FontId::regular, 9)}});
        }
        row.push_back({{figures.total_treated ? format_count(*figures.total_treated) : "\u2013",
                        b.text_style(FontId::bold, 9)}});
        t.rows.push_back(std::move(row));
    }
    b.table(t, ctx);
    for (const auto& [service, held] : reports) {
        model::Report with_sections;
        const model::Report* report = held;
        if (read_sections) {
            with_sections = *held;
            read_sections(with_sections);
            report = &with_sections;
        }
        const std::string prefix = service->slug + "-";
        b.set_running_head(service->name.in(language) + " \u2013 " +
                           ui("ui.report_title", language, {y}));
        b.page_break(true);
        b.set_container(b.element(Tag::section, no_element));
        report_title(b, content, *service, *report, false, prefix + "start");
        b.set_outline_shift(1);
        report_body(b, content, *service, *report, prefix);
        b.set_outline_shift(0);
        b.set_container(no_element);
    }
    colophon(b, language, date);
    note_missing(tb, body);
    note_missing(b, body);
    Document doc = assemble(title_flow, title_doc, body_flow, body, language, title, fonts);
    doc.meta.title = title + ": " + content.site.title.in(language);
    doc.meta.author = content.site.publisher.in(language);
    doc.meta.subject = content.site.title.in(language);
    doc.meta.keywords = ui("ui.reports", language) + ", " + y;
    doc.meta.language = language;
    doc.meta.date = date;
    return doc;
}

}  // namespace rv::pdf
