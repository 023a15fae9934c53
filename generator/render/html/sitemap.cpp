#include "render/html/sitemap.hpp"

#include <tinyxml2.h>

#include "render/html/site_url.hpp"
#include "render/staging.hpp"

namespace rv::render {

std::string sitemap_xml(const model::Content& content, const std::vector<std::string>& page_paths) {
    tinyxml2::XMLDocument doc;
    doc.InsertFirstChild(doc.NewDeclaration());
    tinyxml2::XMLElement* urlset = doc.NewElement("urlset");
    urlset->SetAttribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    doc.InsertEndChild(urlset);
    for (const auto& path : page_paths) {
        tinyxml2::XMLElement* url = urlset->InsertNewChildElement("url");
        url->InsertNewChildElement("loc")->SetText(xml_text(page_url(content.site, path)).c_str());
    }
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return printer.CStr();
}

void write_sitemap(const model::Content& content, const std::vector<std::string>& page_paths,
                   const std::filesystem::path& out_dir) {
    write_file(out_dir / "sitemap.xml", sitemap_xml(content, page_paths));
}

}  // namespace rv::render
