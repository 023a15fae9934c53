#pragma once
// Absolute addresses of the site's pages, and text that tinyxml2 may write: shared by the
// sitemap and the feed.
#include <string>
#include <string_view>

#include "model/content.hpp"

namespace rv::render {

// The absolute address of a page from its path relative to the site root
// ("eksempeltjeneste/2023/index.html" → "https://eksempel.example/eksempeltjeneste/2023/"):
// site.json's base_url (a slash added when missing), then the path without a final
// "index.html", every byte outside A–Z a–z 0–9 - . _ ~ / percent-encoded.
std::string page_url(const model::Site& site, const std::string& page_path);

// `text` without what XML 1.0 cannot hold (control characters other than tab, line feed
// and carriage return, U+FFFE, U+FFFF), which tinyxml2 would write raw. In an attribute,
// tabs and line breaks become spaces as well, since tinyxml2 writes those raw too.
std::string xml_text(std::string_view text, bool attribute = false);

// The path of the site on its server: "/" for https://example.no/, "/a/" for
// https://example.no/a/ (the 404 page's links start with it).
std::string site_path(const std::string& base_url);

}  // namespace rv::render
