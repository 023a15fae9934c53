#include "render/pdf/block_layout.hpp"

#include <algorithm>

namespace rv::pdf {

FontId bold_of(FontId font) {
    return font == FontId::italic || font == FontId::bold_italic ? FontId::bold_italic
                                                                 : FontId::bold;
}

FontId italic_of(FontId font) {
    return font == FontId::bold || font == FontId::bold_italic ? FontId::bold_italic
                                                               : FontId::italic;
}

namespace {

Tag tag_of(Role role) {
    switch (role) {
        case Role::heading1:
            return Tag::heading1;
        case Role::heading2:
            return Tag::heading2;
        case Role::heading3:
            return Tag::heading3;
        case Role::code:
            return Tag::code;
        case Role::caption:
            return Tag::caption;
        default:
            return Tag::paragraph;
    }
}

}  // namespace

Builder::Builder(Flow& flow, Document& doc, const FontSet& fonts, const Hyphenator& hyphenator,
                 const Styles& styles)
    : flow_(flow), doc_(doc), fonts_(fonts), hyphenator_(hyphenator), styles_(styles) {}

TextStyle Builder::text_style(FontId font, double size) const {
    TextStyle style;
    style.font = font;
    style.size = size > 0 ? size : styles_.body;
    return style;
}

int Builder::element(Tag tag, int parent) {
    doc_.elements.push_back({tag, parent, Scope::none, {}});
    return static_cast<int>(doc_.elements.size()) - 1;
}

int Builder::run_element(const TextStyle& style, int block, std::string& link_url, int& link) {
    if (block == no_element || style.url.empty()) {
        link_url.clear();
        link = no_element;
        return block;
    }
    if (link == no_element || style.url != link_url) {
        link = element(Tag::link, block);
        link_url = style.url;
    }
    return link;
}

void Builder::page_break(bool odd) {
    break_next_ = true;
    break_odd_ = odd;
}

int Builder::add(Slab slab, const Context& ctx) {
    if (break_next_) {
        slab.page_break_before = true;
        slab.odd_page = break_odd_;
        break_next_ = false;
    }
    for (int q = 0; q < ctx.quote; ++q) {
        const double x = ctx.x - 12.0 * (ctx.quote - q);
        slab.items.rects.push_back({x, 0, 2.5, slab.height, styles_.header_fill});
    }
    slab.running_head = running_head_;
    if (!pending_anchor_.empty()) {
        slab.anchor = std::move(pending_anchor_);
        pending_anchor_.clear();
    }
    return flow_.add(std::move(slab));
}

void Builder::anchor_next(const std::string& anchor, const std::string& title, int level) {
    pending_anchor_ = anchor;
    doc_.outline.push_back({title, level, anchor});
}

int Builder::lines(const std::vector<Line>& broken, const Context& ctx, Role role,
                   double space_before, bool keep_all) {
    const int n = static_cast<int>(broken.size());
    ++block_;
    int block = no_element;
    if (role != Role::artifact) {
        Tag tag = tag_of(role);
        if (tag == Tag::heading1 || tag == Tag::heading2 || tag == Tag::heading3) {
            // Heading elements never skip a level (a section's "##" under its H1 is an H2):
            // the level in the tree is the number of enclosing headings plus one.
            const int visual = 1 + static_cast<int>(tag) - static_cast<int>(Tag::heading1);
            while (!headings_.empty() && headings_.back() >= visual) {
                headings_.pop_back();
            }
            const std::size_t level = headings_.size();
            headings_.push_back(visual);
            tag = level == 0 ? Tag::heading1 : level == 1 ? Tag::heading2 : Tag::heading3;
        }
        block = item_body_ != no_element ? item_body_ : element(tag);
        item_body_ = no_element;
    }
    std::string link_url;
    int link = no_element;
    for (int k = 0; k < n; ++k) {
        const Line& line = broken[static_cast<std::size_t>(k)];
        const double size = line.size > 0 ? line.size : styles_.body;
        Slab slab;
        slab.height = line_height(size);
        slab.space_before = k == 0 ? space_before : 0;
        // No orphans (first line alone at a page's foot), no widows (last line alone on top).
        slab.keep_with_next = keep_all || (k == 0 && n >= 2) || (k == n - 2);
        const double baseline = (slab.height - 1.17 * size) / 2 + 0.93 * size;
        if (!marker_.empty()) {
            slab.items.texts.push_back({FontId::regular, size, marker_x_, baseline, marker_, 0,
                                        black, Role::list_item, block_, label_});
            marker_.clear();
        }
        for (const auto& run : line.runs) {
            const double x = ctx.x + run.x;
            const int el = run_element(run.style, block, link_url, link);
            if (run.style.code) {
                slab.items.rects.push_back(
                    {x - 1, baseline - 0.8 * size, run.width + 2, 1.05 * size, styles_.shade});
            }
            if (!run.style.url.empty()) {
                slab.items.links.push_back(
                    {x, baseline - 0.9 * size, run.width, 1.15 * size, run.style.url, "", el});
                slab.items.rules.push_back(
                    {x, baseline + 1.2, x + run.width, baseline + 1.2, 0.4, run.style.color});
            }
            slab.items.texts.push_back({run.style.font, run.style.size, x, baseline, run.text,
                                        line.word_spacing, run.style.color, role, block_, el});
        }
        if (line.space_after && !line.runs.empty()) {
            slab.items.texts.back().text += ' ';  // words continue: extraction keeps them apart
        }
        add(std::move(slab), ctx);
    }
    return n;
}

void Builder::paragraph(const std::vector<Span>& spans, const Context& ctx, Role role,
                        double space_before) {
    BreakOptions options;
    options.width = ctx.width;
    options.justify = ctx.justify;
    options.hyphenator = ctx.justify ? &hyphenator_ : nullptr;
    const auto broken = break_lines(spans, options, fonts_, &missing_);
    if (broken.empty()) {
        if (!marker_.empty()) {  // an empty list item still shows its marker
            lines({Line{}}, ctx, role, space_before < 0 ? 0 : space_before, false);
        }
        return;
    }
    const double space = space_before >= 0 ? space_before : (ctx.tight ? 2 : 0.6 * styles_.body);
    lines(broken, ctx, role, space, false);
}

void Builder::heading(const std::string& text, int level, const std::string& anchor,
                      int outline_level, const Context& ctx, const std::string& number) {
    level = std::clamp(level, 1, 3);
    const double size = level == 1 ? 15 : level == 2 ? 12.5 : 10.5;
    TextStyle style = text_style(FontId::bold, size);
    style.color = styles_.heading;
    std::vector<Span> spans;
    if (!number.empty()) {
        spans.push_back({number + "\u2002", style});  // en space after the number
    }
    spans.push_back({text, style});
    BreakOptions options;
    options.width = ctx.width;
    const auto broken = break_lines(spans, options, fonts_, &missing_);
    const std::size_t first = flow_.size();
    const Role role = level == 1 ? Role::heading1 : level == 2 ? Role::heading2 : Role::heading3;
    const double space = level == 1 ? 20 : level == 2 ? 14 : 10;
    lines(broken.empty() ? std::vector<Line>{Line{}} : broken, ctx, role, space, true);
    flow_.set_anchor(first, anchor);  // the anchor sits on the heading's first line
    if (outline_level > 0 && !anchor.empty()) {
        doc_.outline.push_back(
            {number.empty() ? text : number + " " + text, outline_level + outline_shift_, anchor});
    }
    vertical_space(level == 1 ? 3 : 1.5);
    flow_.keep_last_with_next();
}

void Builder::vertical_space(double points) {
    Slab slab;
    slab.height = points;
    add(std::move(slab), body());
}

void Builder::bullets(const std::vector<std::vector<Span>>& items, const Context& ctx) {
    Context inner = ctx;
    inner.x += 16;
    inner.width -= 16;
    inner.tight = true;
    inner.justify = false;
    const int saved = container_;
    const int list_element = element(Tag::list);
    for (const auto& item : items) {
        begin_item(list_element, true);
        marker_ = "\u2022";
        marker_x_ = inner.x - 10;
        paragraph(item, inner, Role::list_item, 2);
        marker_.clear();
        item_body_ = no_element;
    }
    label_ = no_element;
    container_ = saved;
}

void Builder::begin_item(int list_element, bool one_paragraph) {
    const int item = element(Tag::list_item, list_element);
    label_ = element(Tag::label, item);
    container_ = element(Tag::list_body, item);
    item_body_ = one_paragraph ? container_ : no_element;
}

void Builder::rule(const Context& ctx) {
    Slab slab;
    slab.height = 12;
    slab.items.rules.push_back({ctx.x, 6, ctx.x + ctx.width, 6, 0.5, styles_.rule});
    add(std::move(slab), ctx);
}

void Builder::inline_spans(const model::MarkdownNode& node, const TextStyle& style,
                           std::vector<Span>& out) const {
    using K = model::MarkdownKind;
    for (const auto& child : node.children) {
        TextStyle s = style;
        switch (child.kind) {
            case K::text:
                out.push_back({child.text, style});
                break;
            case K::code:
                s.code = true;
                out.push_back({child.text, s});
                break;
            case K::soft_break:
                out.push_back({" ", style});
                break;
            case K::line_break:
                out.push_back({"\n", style});
                break;
            case K::emphasis:
                s.font = italic_of(style.font);
                inline_spans(child, s, out);
                break;
            case K::strong:
                s.font = bold_of(style.font);
                inline_spans(child, s, out);
                break;
            case K::link: {
                const std::string& url = child.url;
                if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
                    url.rfind("mailto:", 0) == 0) {
                    s.url = url;
                    s.color = styles_.link;
                }
                inline_spans(child, s, out);
                break;
            }
            case K::image:
                s.font = italic_of(style.font);
                out.push_back({std::string("[").append(model::plain_text(child)).append("]"), s});
                break;
            case K::html_inline:
            case K::html_block:
                break;
            default:
                if (!child.text.empty()) {
                    out.push_back({child.text, style});
                }
                inline_spans(child, style, out);
        }
    }
}

void Builder::figure(const model::Image& image, const std::string& alt, const Context& ctx) {
    if (!image.usable()) {
        return;
    }
    const double dpi = image.dpi >= 36 && image.dpi <= 2400 ? image.dpi : 96;
    double w = image.width * 72.0 / dpi;
    double h = image.height * 72.0 / dpi;
    const Frame frame;
    const double max_height = frame.bottom - frame.top - 2 * line_height(styles_.body);
    const double scale = std::min({1.0, ctx.width / w, max_height / h});
    w *= scale;
    h *= scale;
    const double pad = 3;
    const int figure = element(Tag::figure);
    doc_.elements[static_cast<std::size_t>(figure)].alt = alt;
    item_body_ = no_element;  // a list item's text after the picture is a paragraph of its own
    Slab slab;
    slab.height = h + 2 * pad;
    slab.space_before = ctx.tight ? 2 : 0.6 * styles_.body;
    slab.min_height = std::max(0.6 * h, std::min(h, 72.0)) + 2 * pad;
    slab.items.images.push_back({ctx.x, pad, w, h, &image, figure});
    if (!marker_.empty()) {  // a list item that starts with a picture
        slab.items.texts.push_back({FontId::regular, styles_.body, marker_x_, pad + styles_.body,
                                    marker_, 0, black, Role::list_item, ++block_, label_});
        marker_.clear();
    }
    add(std::move(slab), ctx);
}

bool Builder::paragraph_with_images(const model::MarkdownNode& node, const Context& ctx) {
    if (!images_) {
        return false;
    }
    auto shown = [&](const model::MarkdownNode& child) -> const model::Image* {
        if (child.kind != model::MarkdownKind::image) {
            return nullptr;
        }
        const model::Image* image = images_(child.url);
        return image && image->usable() ? image : nullptr;
    };
    if (std::none_of(node.children.begin(), node.children.end(),
                     [&](const auto& child) { return shown(child) != nullptr; })) {
        return false;
    }
    model::MarkdownNode part;
    part.kind = model::MarkdownKind::paragraph;
    auto flush = [&]() {
        std::vector<Span> spans;
        inline_spans(part, text_style(), spans);
        part.children.clear();
        const bool blank = std::all_of(spans.begin(), spans.end(), [](const Span& span) {
            return span.text.find_first_not_of(" \t\r\n") == std::string::npos;
        });
        if (!blank) {
            paragraph(spans, ctx, Role::paragraph, ctx.tight ? 2 : -1);
        }
    };
    for (const auto& child : node.children) {
        if (const model::Image* image = shown(child)) {
            flush();
            figure(*image, model::plain_text(child), ctx);
        } else {
            part.children.push_back(child);
        }
    }
    flush();
    return true;
}

void Builder::markdown(const model::MarkdownNode& document, const Context& ctx, int shift,
                       const std::string& prefix) {
    blocks(document, ctx, shift, prefix);
}

void Builder::list(const model::MarkdownNode& node, const Context& ctx, int shift,
                   const std::string& prefix) {
    static const char* bullets[] = {"\u2022", "\u2013", "\u25E6"};
    const int depth = static_cast<int>((ctx.x - styles_.left) / 16) % 3;
    int number = node.start;
    Context inner = ctx;
    inner.x += 16;
    inner.width -= 16;
    inner.tight = node.tight;
    bool first = true;
    const int saved = container_;
    const int list_element = element(Tag::list);
    for (const auto& item : node.children) {
        if (item.task >= 0) {
            marker_ = item.task == 1 ? "\u2611" : "\u2610";
        } else {
            marker_ = node.ordered ? std::to_string(number) + "." : bullets[depth];
        }
        const double marker_width = fonts_.width(FontId::regular, marker_, styles_.body);
        marker_x_ = node.ordered ? inner.x - 4 - marker_width : inner.x - 10;
        ++number;
        if (!first && !node.tight) {
            vertical_space(0.3 * styles_.body);
        }
        first = false;
        begin_item(list_element, item.children.empty() || (item.children.size() == 1 &&
                                                           item.children.front().kind ==
                                                               model::MarkdownKind::paragraph));
        if (item.children.empty()) {
            paragraph({}, inner, Role::list_item, 2);
        } else {
            blocks(item, inner, shift, prefix);
        }
        marker_.clear();
        item_body_ = no_element;
    }
    label_ = no_element;
    container_ = saved;
}

void Builder::blocks(const model::MarkdownNode& parent, const Context& ctx, int shift,
                     const std::string& prefix) {
    using K = model::MarkdownKind;
    bool first = true;
    for (const auto& node : parent.children) {
        switch (node.kind) {
            case K::paragraph: {
                if (paragraph_with_images(node, ctx)) {
                    break;
                }
                std::vector<Span> spans;
                inline_spans(node, text_style(), spans);
                paragraph(spans, ctx, Role::paragraph,
                          first && ctx.tight ? 2 : (ctx.tight ? 2 : -1));
                break;
            }
            case K::heading: {
                const std::string anchor = prefix + "-h" + std::to_string(++heading_count_);
                const int level = std::min(3, node.level + shift);
                heading(model::plain_text(node), level, anchor, node.level <= 2 ? 2 : 0, ctx);
                break;
            }
            case K::block_quote: {
                Context inner = ctx;
                inner.x += 12;
                inner.width -= 12;
                ++inner.quote;
                const int saved = container_;
                container_ = element(Tag::quote);
                blocks(node, inner, shift, prefix);
                container_ = saved;
                break;
            }
            case K::list:
                list(node, ctx, shift, prefix);
                break;
            case K::code_block: {
                TextStyle style = text_style(FontId::regular, 9);
                style.code = true;
                std::string text = node.text;
                while (!text.empty() && text.back() == '\n') {
                    text.pop_back();
                }
                Context inner = ctx;
                inner.justify = false;
                paragraph({{text, style}}, inner, Role::code, -1);
                break;
            }
            case K::thematic_break:
                rule(ctx);
                break;
            case K::table: {
                TableSpec spec;
                for (const auto& row : node.children) {
                    std::vector<std::vector<Span>> cells;
                    for (const auto& cell : row.children) {
                        std::vector<Span> spans;
                        inline_spans(cell, text_style(FontId::regular, 9), spans);
                        cells.push_back(std::move(spans));
                        if (spec.rows.empty()) {
                            spec.align.push_back(cell.align);
                        }
                    }
                    spec.rows.push_back(std::move(cells));
                }
                spec.header_row = !node.children.empty() && node.children.front().header;
                table(spec, ctx);
                break;
            }
            case K::html_block:
                break;
            default:
                blocks(node, ctx, shift, prefix);
        }
        first = false;
    }
}

}  // namespace rv::pdf
