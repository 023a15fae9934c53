#pragma once
// The layout step for whole documents: one report (title page, contents, body, colophon)
// or the yearly volume (title page, shared contents, national summary, every report of
// the year starting on an odd page). Pages get running heads and "Side N av M".
#include "model/content.hpp"
#include "render/pdf/boxes.hpp"
#include "render/pdf/fonts.hpp"

namespace rv::pdf {

Document layout_report(const model::Content& content, const model::Service& service,
                       const model::Report& report, const FontSet& fonts, long long date);

// All reports of `year`; an empty document (no pages) when the year has none.
Document layout_volume(const model::Content& content, int year, const FontSet& fonts,
                       long long date);

}  // namespace rv::pdf
