#pragma once
// The site's pages beside the reports: one page per service, the overviews (per region,
// per service type, per year, the national table of new patients), the accessibility
// statement and the 404 page. Each function gives the data its template receives.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/content.hpp"

namespace rv::render {

// Paths relative to the site root.
std::string service_path(const model::Service& service);  // "<slug>/index.html"
std::string region_path(const std::string& region_id);    // "regioner/<id>/index.html"
std::string type_path(const std::string& type);           // "typer/<type>/index.html"
std::string year_path(int year);                          // "ar/<year>/index.html"
inline const std::string availability_page_path = "tilgjengelighet/index.html";
inline const std::string accessibility_statement_path = "tilgjengelighet-erklaering/index.html";
inline const std::string not_found_page_path = "404.html";

// The service types and report years the content has, in a fixed order.
std::vector<std::string> service_types(const model::Content& content);
std::vector<int> report_years(const model::Content& content);
// The year of the national table: site.json's default_year, else the latest report year.
int national_year(const model::Content& content);

nlohmann::json service_page_data(const model::Content& content, const model::Service& service);
nlohmann::json region_page_data(const model::Content& content, const model::Region& region);
nlohmann::json type_page_data(const model::Content& content, const std::string& type);
nlohmann::json year_page_data(const model::Content& content, int year);
nlohmann::json availability_page_data(const model::Content& content);
nlohmann::json accessibility_statement_data(const model::Content& content);
nlohmann::json not_found_page_data(const model::Content& content);

// The index page's links to the overviews: {"regions": […], "types": […], "years": […],
// "availability_href": …}, hrefs relative to the site root.
nlohmann::json overview_links(const model::Content& content);

// One page of this file's kinds: its path from the site root, its template, whether the
// sitemap lists it (the 404 page is not), and how to make its data. Making the data of one
// page needs nothing of another's, so the pages may be made on any threads.
struct SitePage {
    std::string path;
    std::string template_name;
    bool listed = true;
    std::function<nlohmann::json()> data;
};

// Every page of this file's kinds, in the order the sitemap lists them.
std::vector<SitePage> site_pages(const model::Content& content);

}  // namespace rv::render
