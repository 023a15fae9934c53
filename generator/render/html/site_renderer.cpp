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
    std::vector<std::string> pages;  // every page, for the sitemap
    const auto write_page = [&](const std::string& path, const std::string& html, bool listed) {
        write_file(out_dir / path, html);
        seen(path, html);
        if (listed) {
            pages.push_back(path);
        }
    };
    nlohmann::json index = index_page_data(content_, downloads);
    index["overviews"] = overview_links(content_);
    index["finder"] = finder_data(content_, "");
    write_page("index.html", templates_.render("index", index), true);
    for (const auto& service : content_.services) {
        for (const auto& report : service.reports) {
            pages.push_back(report_path(service, report));
        }
    }
    // Three groups of files that need nothing of each other, on up to three threads: the
    // pages (the only group that lists pages for the sitemap), the search index, open data.
    model::for_each_index(3, jobs, [&](std::size_t group) {
        if (group == 0) {
            write_site_pages(content_, [&](const std::string& path, const std::string& name,
                                           const nlohmann::json& data, bool listed) {
                write_page(path, templates_.render(name, data), listed);
            });
            nlohmann::json search = search_page_data(content_);
            search["scripts"] = {{{"src", "sokeindeks.js"}}, {{"src", "../assets/search.js"}}};
            write_page(search_page_path, templates_.render("search", search), true);
            write_page(open_data_page_path,
                       templates_.render("opendata", open_data_page_data(content_)), true);
        } else if (group == 1) {
            write_search_index(content_, search_texts, out_dir / search_index_path);
        } else {
            write_open_data(content_, out_dir);
        }
    });
    write_sitemap(content_, pages, out_dir);
    write_feed(content_, out_dir);
}

}  // namespace rv::render
