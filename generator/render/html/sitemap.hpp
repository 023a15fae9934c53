#pragma once
// sitemap.xml: every page of the site by its absolute address, after the sitemap protocol
// (https://www.sitemaps.org/protocol.html). No <lastmod>: the content has no real date of
// change, and the build date is not one.
#include <filesystem>
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::render {

// The sitemap of the pages given by their paths relative to the site root, in that order.
std::string sitemap_xml(const model::Content& content, const std::vector<std::string>& page_paths);

// Writes sitemap_xml() to out_dir/sitemap.xml. Throws std::filesystem::filesystem_error.
void write_sitemap(const model::Content& content, const std::vector<std::string>& page_paths,
                   const std::filesystem::path& out_dir);

}  // namespace rv::render
