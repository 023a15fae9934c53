#include "render/html/feed.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <tinyxml2.h>

#include "messages/catalog.hpp"
#include "render/html/site_url.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

namespace {

constexpr long long seconds_per_day = 86400;
constexpr long long end_of_year_9999 = 253402300800LL;

// Days from 1970-01-01 to year-month-day (proleptic Gregorian; Howard Hinnant's algorithm).
long long days_from_civil(long long year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const long long era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

// The first second after the report year.
long long after_year(int year) {
    return days_from_civil(std::clamp(year, 1969, 9998) + 1, 1, 1) * seconds_per_day;
}

struct Entry {
    const model::Service* service;
    const model::Report* report;
    long long updated;
};

void add_text(tinyxml2::XMLElement* parent, const char* name, const std::string& text) {
    parent->InsertNewChildElement(name)->SetText(xml_text(text).c_str());
}

void add_link(tinyxml2::XMLElement* parent, const char* rel, const std::string& href,
              const char* type) {
    tinyxml2::XMLElement* link = parent->InsertNewChildElement("link");
    link->SetAttribute("rel", rel);
    link->SetAttribute("type", type);
    link->SetAttribute("href", xml_text(href, true).c_str());
}

}  // namespace

std::optional<long long> source_date_epoch() {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || *env == '\0') {
        return std::nullopt;
    }
    char* end = nullptr;
    const long long value = std::strtoll(env, &end, 10);
    if (*end != '\0' || value < 0 || value >= end_of_year_9999) {
        return std::nullopt;
    }
    return value;
}

std::string rfc3339(long long seconds) {
    const long long days = seconds / seconds_per_day;
    const long long rest = seconds % seconds_per_day;
    // civil_from_days (Howard Hinnant)
    const long long z = days + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", year, month, day,
                  rest / 3600, rest / 60 % 60, rest % 60);
    return buffer;
}

std::string feed_xml(const model::Content& content, std::optional<long long> epoch) {
    const std::string language = "nb";
    std::vector<Entry> entries;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            entries.push_back({&service, &report, epoch ? *epoch : after_year(report.folder_year)});
        }
    }
    // Newest year first, then by service as the site lists them.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.report->folder_year > b.report->folder_year;
    });
    // The feed changed when its newest entry did.
    long long feed_updated = 0;
    if (epoch) {
        feed_updated = *epoch;
    } else if (!entries.empty()) {
        for (const auto& entry : entries) {
            feed_updated = std::max(feed_updated, entry.updated);
        }
    } else if (content.site.default_year > 0) {
        feed_updated = after_year(content.site.default_year);
    }

    tinyxml2::XMLDocument doc;
    doc.InsertFirstChild(doc.NewDeclaration());
    tinyxml2::XMLElement* feed = doc.NewElement("feed");
    feed->SetAttribute("xmlns", "http://www.w3.org/2005/Atom");
    feed->SetAttribute("xml:lang", language.c_str());
    doc.InsertEndChild(feed);
    const std::string home = page_url(content.site, "index.html");
    add_text(feed, "id", home);
    add_text(feed, "title", content.site.title.in(language));
    if (!content.site.description.empty()) {
        add_text(feed, "subtitle", content.site.description.in(language));
    }
    add_link(feed, "self", page_url(content.site, "feed.xml"), "application/atom+xml");
    add_link(feed, "alternate", home, "text/html");
    add_text(feed, "updated", rfc3339(feed_updated));
    tinyxml2::XMLElement* author = feed->InsertNewChildElement("author");
    add_text(author, "name",
             content.site.publisher.empty() ? content.site.title.in(language)
                                            : content.site.publisher.in(language));
    add_text(feed, "generator", "Rapportverk");

    for (const auto& [service, report, updated] : entries) {
        const std::string report_language = report->language.empty() ? "nb" : report->language;
        const std::string url = page_url(content.site, report_path(*service, *report));
        tinyxml2::XMLElement* entry = feed->InsertNewChildElement("entry");
        if (report_language != language) {
            entry->SetAttribute("xml:lang", report_language.c_str());
        }
        add_text(entry, "id", url);
        add_text(entry, "title",
                 messages::text("ui.report_title", report_language,
                                {std::to_string(report->folder_year)}) +
                     ": " + service->name.in(report_language));
        add_link(entry, "alternate", url, "text/html");
        add_text(entry, "updated", rfc3339(updated));
        tinyxml2::XMLElement* category = entry->InsertNewChildElement("category");
        category->SetAttribute("term", xml_text(service->type, true).c_str());
        category->SetAttribute(
            "label",
            xml_text(messages::text("type." + service->type, report_language), true).c_str());
        const std::string summary = service->description.in(report_language);
        if (!summary.empty()) {
            add_text(entry, "summary", summary);
        }
    }
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return printer.CStr();
}

void write_feed(const model::Content& content, const std::filesystem::path& out_dir) {
    write_file(out_dir / "feed.xml", feed_xml(content, source_date_epoch()));
}

}  // namespace rv::render
