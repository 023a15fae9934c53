#pragma once
// Block layout: paragraphs, headings, lists, quotes, code, tables, charts and the
// Markdown tree become slabs of a Flow, measured on the fonts' metrics.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "model/markdown.hpp"
#include "render/pdf/boxes.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/line_breaker.hpp"

namespace rv::pdf {

struct Styles {
    double left = 62;
    double width = page_width - 2 * 62;
    double body = 10;
    double leading = 1.42;  // line height as a multiple of the font size
    double small = 8.5;
    Color link{0.02, 0.27, 0.55};
    Color heading{0.05, 0.16, 0.33};
    Color muted{0.33, 0.33, 0.33};
    Color shade{0.93, 0.94, 0.95};
    Color header_fill{0.86, 0.89, 0.93};
    Color rule{0.6, 0.6, 0.6};
};

// Where a block goes: its left edge, width, and what surrounds it.
struct Context {
    double x = 62;
    double width = page_width - 2 * 62;
    int quote = 0;  // block quote depth: a bar per level on the left
    bool justify = true;
    bool tight = false;  // inside a tight list: little space between paragraphs
};

struct TableSpec {
    std::string caption;
    std::vector<std::vector<std::vector<Span>>> rows;  // rows of cells of spans
    bool header_row = true;    // the first row is a header, repeated across pages
    bool row_headers = false;  // the first cell of each body row is a header cell
    std::vector<char> align;   // per column: 0/'l', 'c', 'r'
};

struct Bar {
    std::string label;
    double value = 0;
    std::string text;  // the value as written beside the bar
};

class Builder {
  public:
    Builder(Flow& flow, Document& doc, const FontSet& fonts, const Hyphenator& hyphenator,
            const Styles& styles = {});

    const Styles& styles() const { return styles_; }
    const FontSet& fonts() const { return fonts_; }
    Context body() const { return {styles_.left, styles_.width, 0, true, false}; }
    TextStyle text_style(FontId font = FontId::regular, double size = 0) const;

    // Running head of the slabs added from now on ("" for none).
    void set_running_head(std::string head) { running_head_ = std::move(head); }
    // The next slab starts a new page (on an odd page number when `odd`).
    void page_break(bool odd = false);

    void paragraph(const std::vector<Span>& spans, const Context& ctx, Role role = Role::paragraph,
                   double space_before = -1);
    // A heading; level 1–3. Added to the outline at `outline_level` (0: not at all).
    void heading(const std::string& text, int level, const std::string& anchor, int outline_level,
                 const Context& ctx, const std::string& number = "");
    void vertical_space(double points);
    // Adds a slab built by hand (the contents' lines).
    int add_slab(Slab slab, const Context& ctx) { return add(std::move(slab), ctx); }
    // The next slab carries `anchor` and is in the outline as `title` at `level` (unshifted).
    void anchor_next(const std::string& anchor, const std::string& title, int level);
    // A bullet list of short items.
    void bullets(const std::vector<std::vector<Span>>& items, const Context& ctx);
    // Outline entries of headings added from now on move down this many levels.
    void set_outline_shift(int shift) { outline_shift_ = shift; }
    void rule(const Context& ctx);
    void table(const TableSpec& spec, const Context& ctx);
    void bar_chart(const std::string& title, const std::vector<Bar>& bars, const Context& ctx);

    // The image a Markdown image's URL names, for the Markdown added from now on (null, or
    // no lookup: the image is shown as its alternative text in brackets).
    using ImageLookup = std::function<const model::Image*(const std::string& url)>;
    void set_images(ImageLookup lookup) { images_ = std::move(lookup); }
    // A picture as a figure with its text alternative: at most its natural size (from the
    // resolution the file states, else 96 dpi), scaled down to the width and to a page; it
    // may shrink further to fill the rest of a page before moving to the next.
    void figure(const model::Image& image, const std::string& alt, const Context& ctx);

    // A section's Markdown: its headings move down `shift` levels; anchors start with `prefix`.
    void markdown(const model::MarkdownNode& document, const Context& ctx, int shift,
                  const std::string& prefix);

    std::set<char32_t>& missing() { return missing_; }

    // Structure: a new element under `parent` (by default the current container), in
    // reading order; blocks added while a container is set become its children.
    int element(Tag tag, int parent);
    int element(Tag tag) { return element(tag, container_); }
    int container() const { return container_; }
    void set_container(int element) { container_ = element; }

  private:
    Flow& flow_;
    Document& doc_;
    const FontSet& fonts_;
    const Hyphenator& hyphenator_;
    Styles styles_;
    std::string running_head_;
    bool break_next_ = false;
    bool break_odd_ = false;
    std::string marker_;  // a list marker for the next line
    double marker_x_ = 0;
    int block_ = 0;
    int heading_count_ = 0;
    int outline_shift_ = 0;
    std::string pending_anchor_;
    std::set<char32_t> missing_;
    int container_ = no_element;  // where new blocks go in the structure tree
    int label_ = no_element;      // the structure element of marker_
    int item_body_ = no_element;  // a list body that takes the next lines' text itself
    std::vector<int> headings_;   // levels of the headings the next one is nested in
    ImageLookup images_;

    // A run's element: its block's, or a link inside it (one per link, across lines).
    int run_element(const TextStyle& style, int block, std::string& link_url, int& link);
    // A list item: its label and body elements; blocks from now on go in the body.
    // `one_paragraph`: its text goes straight into the body, without a paragraph element.
    void begin_item(int list_element, bool one_paragraph);

    int add(Slab slab, const Context& ctx);
    // Slabs for broken lines; returns their count.
    int lines(const std::vector<Line>& lines, const Context& ctx, Role role, double space_before,
              bool keep_all);
    void blocks(const model::MarkdownNode& parent, const Context& ctx, int shift,
                const std::string& prefix);
    void list(const model::MarkdownNode& node, const Context& ctx, int shift,
              const std::string& prefix);
    void inline_spans(const model::MarkdownNode& node, const TextStyle& style,
                      std::vector<Span>& out) const;
    // A paragraph with images the lookup finds: text before and after them as paragraphs,
    // each image as a figure. False when it has none.
    bool paragraph_with_images(const model::MarkdownNode& node, const Context& ctx);
    double line_height(double size) const { return size * styles_.leading; }
};

FontId bold_of(FontId font);
FontId italic_of(FontId font);

}  // namespace rv::pdf
