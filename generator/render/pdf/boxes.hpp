#pragma once
// Pages of positioned boxes: what the layout step produces and the PDF writer draws.
// Coordinates are points from the top-left corner of an A4 page; a text run's y is its
// baseline. Plain data: no files, no libharu.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/image.hpp"
#include "render/pdf/fonts.hpp"

namespace rv::pdf {

inline constexpr double page_width = 595.276;
inline constexpr double page_height = 841.89;

struct Color {
    double r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

inline constexpr Color black{0, 0, 0};

// Structure role of what a box belongs to, for the tagged PDF and for tests.
enum class Role : std::uint8_t {
    paragraph,
    heading1,
    heading2,
    heading3,
    list_item,
    quote,
    code,
    table_header,
    table_cell,
    caption,
    figure,
    artifact,  // running heads, page numbers, rules: not content
};

// What a structure element is (tagged PDF, reading order). The layout records the elements
// in reading order with their parents; the PDF writer maps them to standard structure types.
enum class Tag : std::uint8_t {
    heading1,
    heading2,
    heading3,
    paragraph,
    code,
    quote,
    list,
    list_item,
    label,      // a list item's bullet or number
    list_body,  // a list item's content
    table,
    table_row,
    table_header,
    table_cell,
    caption,
    figure,
    link,
    contents,
    contents_item,
    section,  // one report in the yearly volume
};

// A table header cell's scope.
enum class Scope : std::uint8_t { none, column, row };

struct Element {
    Tag tag = Tag::paragraph;
    int parent = -1;  // -1: the document
    Scope scope = Scope::none;
    std::string alt;  // a figure's text alternative
};

inline constexpr int no_element = -1;  // not content: an artifact

struct TextRun {
    FontId font = FontId::regular;
    double size = 10;
    double x = 0;
    double y = 0;  // baseline
    std::string text;
    double word_spacing = 0;  // extra points after each space (justification)
    Color color = black;
    Role role = Role::paragraph;
    int block = 0;             // runs of one paragraph, cell or heading share a block number
    int element = no_element;  // the structure element the text belongs to
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    Color fill;
    int element = no_element;  // e.g. a chart's bar; decoration by default
};

struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color = black;
    int element = no_element;
};

// A clickable area: an external URL or an anchor inside the document.
struct LinkArea {
    double x = 0, y = 0, w = 0, h = 0;
    std::string url;
    std::string anchor;
    int element = no_element;  // its link element
};

// A picture (a PNG or JPEG of the model, drawn scaled into the box).
struct ImageBox {
    double x = 0, y = 0, w = 0, h = 0;  // y: the top edge
    const model::Image* image = nullptr;
    int element = no_element;  // its figure
};

struct Page {
    std::string running_head;  // empty: no running head and no page number (title page)
    std::vector<ImageBox> images;
    std::vector<Rect> rects;
    std::vector<Rule> rules;
    std::vector<TextRun> texts;
    std::vector<LinkArea> links;
};

// Where an anchor (a heading) landed.
struct Anchor {
    int page = 0;  // 0-based
    double y = 0;  // top of the heading
};

struct OutlineEntry {
    std::string title;
    int level = 1;  // 1 = top
    std::string anchor;
};

struct Metadata {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string language = "nb";
    long long date = 0;  // seconds since 1970 (SOURCE_DATE_EPOCH)
};

struct Document {
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::map<std::string, Anchor> anchors;
    Metadata meta;
    std::vector<Element> elements;      // the structure tree, in reading order
    std::vector<std::string> warnings;  // e.g. characters no font has
};

}  // namespace rv::pdf
