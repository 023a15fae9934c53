#include "render/html/site_renderer.hpp"

#include <string>
#include <vector>

#include "analyse/availability.hpp"
#include "model/parallel.hpp"
#include "render/html/feed.hpp"
#include "render/html/open_data.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/sitemap.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

SiteRenderer::SiteRenderer(const model::Content& content, const Theme& theme)
    : content_(content), templates_(theme) {}

std::string SiteRenderer::report_page(const model::Service& service, const model::Report& report,
                                      const Downloads& downloads) const {
    const auto figures = analyse::availability(content_, report);
    return templates_.render("report",
                             report_page_data(content_, service, report, figures, downloads));
}

void SiteRenderer::write_assets(const std::filesystem::path& out_dir) const {
    for (const auto& [path, contents] : templates_.theme().files) {
        if (path.rfind("assets/", 0) == 0) {
            write_file(out_dir / path, contents);
        }
    }
}

void SiteRenderer::write_overview(const std::filesystem::path& out_dir, const Downloads& downloads,
                                  const ReportSearchTexts& search_texts, const PageSeen& seen,
                                  int jobs) const {
    std::vector<SitePage> pages = site_pages(content_);
    pages.push_back(
        {search_page_path, "search", true, [this] {
             nlohmann::json search = search_page_data(content_);
             search["scripts"] = {{{"src", "sokeindeks.js"}}, {{"src", "../assets/search.js"}}};
             return search;
         }});
    pages.push_back(
        {open_data_page_path, "opendata", true, [this] { return open_data_page_data(content_); }});
    const auto write_page = [&](const std::string& path, const std::string& html) {
        write_file(out_dir / path, html);
        seen(path, html);
    };
    // Every file needs nothing of another: one task each, on all threads. The largest files
    // (search index, open data) come first so that none of them is left to run alone at the
    // end.
    enum Task : std::size_t { search_index, open_data, feed, index_page, first_page };
    model::for_each_index(first_page + pages.size(), jobs, [&](std::size_t task) {
        switch (task) {
            case search_index:
                write_search_index(content_, search_texts, out_dir / search_index_path);
                return;
            case open_data:
                write_open_data(content_, out_dir);
                return;
            case feed:
                write_feed(content_, out_dir);
                return;
            case index_page: {
                nlohmann::json index = index_page_data(content_, downloads);
                index["overviews"] = overview_links(content_);
                index["finder"] = finder_data(content_, "");
                write_page("index.html", templates_.render("index", index));
                return;
            }
            default: {
                const SitePage& page = pages[task - first_page];
                write_page(page.path, templates_.render(page.template_name, page.data()));
            }
        }
    });
    std::vector<std::string> listed{"index.html"};  // every listed page, for the sitemap
    for (const auto& service : content_.services) {
        for (const auto& report : service.reports) {
            listed.push_back(report_path(service, report));
        }
    }
    for (const auto& page : pages) {
        if (page.listed) {
            listed.push_back(page.path);
        }
    }
    write_sitemap(content_, listed, out_dir);
}

}  // namespace rv::render
