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

// Gathers the links of the pages as they are rendered, so that no page is read back: a link
// within its own page is checked at once; a link to another file is kept once, with the first
// page that has it, and checked by broken() against the written site. Safe to add pages
// from several threads at once.
class LinkCheck {
  public:
    // `server_path`: the site's path on its server ("/" or "/arsrapporter/"), which the 404
    // page's links start with.
    explicit LinkCheck(std::string server_path);
    ~LinkCheck();
    LinkCheck(const LinkCheck&) = delete;
    LinkCheck& operator=(const LinkCheck&) = delete;

    // `page`: its site-relative path ("bensarkom/2023/index.html"); `html`: its text.
    void add_page(const std::string& page, const std::string& html);

    // Every link of the pages added that leads to no file of `site`, or to no id of the page
    // it names, in page order; at most `limit`.
    std::vector<BrokenLink> broken(const std::filesystem::path& site, std::size_t limit = 20) const;

  private:
    struct State;
    State* state_;
};

}  // namespace rv::render
