// Builder::table: column widths from the cells' natural and narrowest widths, cell text
// wrapped (and hyphenated) inside its column, one slab per row; the header row keeps with
// the first body row and is repeated at the top of every page the table continues on.
#include <algorithm>
#include <numeric>

#include "render/pdf/block_layout.hpp"

namespace rv::pdf {

namespace {

constexpr double pad_x = 3.5;
constexpr double pad_y = 3;
constexpr double cell_size = 9;

double widest_word(const std::vector<Span>& spans, const FontSet& fonts) {
    double widest = 0;
    for (const auto& span : spans) {
        std::size_t start = 0;
        const std::string& t = span.text;
        for (std::size_t i = 0; i <= t.size(); ++i) {
            if (i == t.size() || t[i] == ' ' || t[i] == '\n') {
                widest = std::max(widest, fonts.width(span.style.font,
                                                      std::string_view(t).substr(start, i - start),
                                                      span.style.size));
                start = i + 1;
            }
        }
    }
    return widest;
}

double natural_width(const std::vector<Span>& spans, const FontSet& fonts) {
    double width = 0;
    for (const auto& span : spans) {
        width += fonts.width(span.style.font, span.text, span.style.size);
    }
    return width;
}

std::vector<double> column_widths(const std::vector<std::vector<std::vector<Span>>>& rows,
                                  std::size_t columns, double available, const FontSet& fonts) {
    std::vector<double> natural(columns, 1), narrow(columns, 1);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size() && c < columns; ++c) {
            natural[c] = std::max(natural[c], natural_width(row[c], fonts));
            narrow[c] = std::max(narrow[c], std::min(widest_word(row[c], fonts), available / 3));
        }
    }
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    std::vector<double> widths(columns);
    if (total <= available) {
        for (std::size_t c = 0; c < columns; ++c) {
            widths[c] = natural[c] + (available - total) * natural[c] / total;
        }
        return widths;
    }
    const double base = std::accumulate(narrow.begin(), narrow.end(), 0.0);
    if (base >= available) {
        for (std::size_t c = 0; c < columns; ++c) {
            widths[c] = narrow[c] * available / base;
        }
        return widths;
    }
    double stretch = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        stretch += natural[c] - narrow[c];
    }
    for (std::size_t c = 0; c < columns; ++c) {
        widths[c] = narrow[c] + (available - base) * (natural[c] - narrow[c]) / stretch;
    }
    return widths;
}

}  // namespace

void Builder::table(const TableSpec& spec, const Context& ctx) {
    std::size_t columns = 0;
    for (const auto& row : spec.rows) {
        columns = std::max(columns, row.size());
    }
    if (columns == 0) {
        return;
    }
    const int saved = container_;
    const int table_element = element(Tag::table);
    container_ = table_element;
    if (!spec.caption.empty()) {
        TextStyle style = text_style(FontId::bold, cell_size);
        Context inner = ctx;
        inner.justify = false;
        paragraph({{spec.caption, style}}, inner, Role::caption, 10);
        flow_.keep_last_with_next();
    }
    // Style the header row before measuring it.
    auto rows = spec.rows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (auto& cell : rows[r]) {
            cell = with_fallback(cell, fonts_, &missing_);
            if (r == 0 && spec.header_row) {
                for (auto& span : cell) {
                    span.style.font = bold_of(span.style.font);
                }
            }
        }
    }
    const std::vector<double> widths =
        column_widths(rows, columns, ctx.width - 2 * pad_x * static_cast<double>(columns), fonts_);
    int header = -1;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool is_header = r == 0 && spec.header_row;
        std::vector<std::vector<Line>> cells;
        std::size_t most = 1;
        for (std::size_t c = 0; c < columns; ++c) {
            BreakOptions options;
            options.width = widths[c];
            options.hyphenator = &hyphenator_;
            cells.push_back(c < rows[r].size() ? break_lines(rows[r][c], options, fonts_)
                                               : std::vector<Line>{});
            most = std::max(most, cells.back().size());
        }
        const double line = line_height(cell_size);
        Slab slab;
        slab.height = static_cast<double>(most) * line + 2 * pad_y;
        slab.space_before = r == 0 ? (spec.caption.empty() ? 8 : 2) : 0;
        if (is_header) {
            slab.items.rects.push_back({ctx.x, 0, ctx.width, slab.height, styles_.header_fill});
        }
        slab.items.rules.push_back({ctx.x, slab.height, ctx.x + ctx.width, slab.height,
                                    is_header ? 0.8 : 0.4, styles_.rule});
        double x = ctx.x;
        const int row_element = element(Tag::table_row, table_element);
        for (std::size_t c = 0; c < columns; ++c) {
            ++block_;
            const char align = c < spec.align.size() ? spec.align[c] : 0;
            const Role role =
                is_header || (spec.row_headers && c == 0) ? Role::table_header : Role::table_cell;
            const int cell = element(
                role == Role::table_header ? Tag::table_header : Tag::table_cell, row_element);
            if (role == Role::table_header) {
                doc_.elements[static_cast<std::size_t>(cell)].scope =
                    is_header ? Scope::column : Scope::row;
            }
            std::string link_url;
            int link = no_element;
            double y = pad_y;
            for (const auto& l : cells[c]) {
                const double baseline = y + (line - 1.17 * cell_size) / 2 + 0.93 * cell_size;
                double shift = pad_x;
                if (align == 'r') {
                    shift = pad_x + widths[c] - l.width;
                } else if (align == 'c') {
                    shift = pad_x + (widths[c] - l.width) / 2;
                }
                for (const auto& run : l.runs) {
                    const int el = run_element(run.style, cell, link_url, link);
                    if (!run.style.url.empty()) {
                        slab.items.links.push_back(
                            {x + shift + run.x, y, run.width, line, run.style.url, "", el});
                    }
                    slab.items.texts.push_back({run.style.font, run.style.size, x + shift + run.x,
                                                baseline, run.text, 0, run.style.color, role,
                                                block_, el});
                }
                if (l.space_after && !l.runs.empty()) {
                    slab.items.texts.back().text += ' ';
                }
                y += line;
            }
            x += widths[c] + 2 * pad_x;
        }
        if (is_header) {
            slab.keep_with_next = true;
            header = add(std::move(slab), ctx);
        } else {
            slab.repeat = header;
            add(std::move(slab), ctx);
        }
    }
    container_ = saved;
    vertical_space(4);
}

void Builder::bar_chart(const std::string& title, const std::vector<Bar>& bars,
                        const Context& ctx) {
    if (bars.empty()) {
        return;
    }
    double most = 0;
    double label_width = 0;
    for (const auto& bar : bars) {
        most = std::max(most, bar.value);
        label_width = std::max(label_width, fonts_.width(FontId::regular, bar.label, cell_size));
    }
    const double bar_height = 11;
    const double step = 17;
    const double title_height = 18;
    Slab slab;
    slab.space_before = 10;
    slab.height = title_height + step * static_cast<double>(bars.size()) + 6;
    ++block_;
    // The figure's text alternative: its title and every bar's label and value.
    const int figure = element(Tag::figure);
    std::string alt = title;
    for (const auto& bar : bars) {
        alt.append(&bar == &bars.front() ? ": " : "; ")
            .append(bar.label)
            .append(" ")
            .append(bar.text);
    }
    doc_.elements[static_cast<std::size_t>(figure)].alt = alt + ".";
    // Trailing spaces keep title, labels and values apart in the extracted text.
    slab.items.texts.push_back(
        {FontId::bold, cell_size, ctx.x, 11, title + " ", 0, black, Role::figure, block_, figure});
    const double x0 = ctx.x + label_width + 8;
    const double span = std::max(20.0, ctx.width - label_width - 8 - 40);
    double y = title_height;
    for (const auto& bar : bars) {
        const double w = most > 0 ? span * bar.value / most : 0;
        slab.items.texts.push_back({FontId::regular, cell_size, ctx.x, y + 8.5, bar.label + " ", 0,
                                    black, Role::figure, block_, figure});
        slab.items.rects.push_back({x0, y, std::max(w, 0.5), bar_height, styles_.heading, figure});
        slab.items.texts.push_back({FontId::regular, cell_size, x0 + w + 4, y + 8.5,
                                    bar.text + (&bar == &bars.back() ? "" : " "), 0, black,
                                    Role::figure, block_, figure});
        y += step;
    }
    slab.items.rules.push_back({x0, title_height - 3, x0, y, 0.6, black, figure});
    add(std::move(slab), ctx);
}

}  // namespace rv::pdf
