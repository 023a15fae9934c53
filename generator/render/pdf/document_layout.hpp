#pragma once
// The layout step for whole documents: one report (title page, contents, body, colophon)
// or the yearly volume (title page, shared contents, national summary, every report of
// the year starting on an odd page). Pages get running heads and "Side N av M".
#include <functional>
#include <vector>

#include "model/content.hpp"
#include "render/pdf/boxes.hpp"
#include "render/pdf/fonts.hpp"

namespace rv::pdf {

Document layout_report(const model::Content& content, const model::Service& service,
                       const model::Report& report, const FontSet& fonts, long long date);

// All reports of `year`; an empty document (no pages) when the year has none.
// `read_sections`, when given, gives each report's sections (the model holds none).
Document layout_volume(const model::Content& content, int year, const FontSet& fonts,
                       long long date,
                       const std::function<void(model::Report&)>& read_sections = {});

class Builder;
class Flow;

// For other kinds of document (the reviews): the title pages, then the contents (every
// level-1 outline entry of `body`, with its page), then the body, with running heads and
// "Side N av M". `head` is the contents pages' running head.
Document assemble_document(Flow& title_flow, Document& title_doc, Flow& body_flow, Document& body,
                           const std::string& language, const std::string& head,
                           const FontSet& fonts);

// Records the characters no font has, met while `b` laid out, as warnings of `doc`.
void note_missing_glyphs(Builder& b, Document& doc);

}  // namespace rv::pdf
