#pragma once
// Images of report Markdown: the loader reads every local PNG or JPEG file a section shows
// into the model, with its size in pixels, and records why one cannot be shown (the
// validator reports that as RV057 at the image). Renderers use the bytes; none reads files.
#include <set>
#include <string>

#include "model/content.hpp"

namespace rv::load {

constexpr std::size_t max_image_bytes = 16u << 20;    // 16 MiB
constexpr long long max_image_pixels = 50'000'000LL;  // 50 megapixels

// Checks PNG or JPEG bytes and fills format, size, resolution and problem (bytes are kept).
model::Image read_image(std::string bytes);

// Reads the images that the sections of `report` show into report.images: local files of
// `files` (the content's, root-relative) under `root`.
void load_images(model::Report& report, const std::string& root,
                 const std::set<std::string>& files);

}  // namespace rv::load
