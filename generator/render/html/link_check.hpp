#pragma once
// The last step of a build before the site is swapped into place: every internal link
// and image of every page (href, src) must name a file of the site, and every #fragment
// an id in its page. A theme's template or a renderer bug that breaks a link stops the
// build instead of reaching readers. Reads only the written site, never the content.
#include <filesystem>
#include <string>
#include <vector>

namespace rv::render {

struct BrokenLink {
    std::string page;    // site-relative path of the page
    std::string target;  // the link as written
};

// `server_path`: the site's path on its server ("/" or "/arsrapporter/"), which the 404
// page's links start with. At most `limit` broken links are returned.
std::vector<BrokenLink> broken_links(const std::filesystem::path& site,
                                     const std::string& server_path, std::size_t limit = 20);

}  // namespace rv::render
