#include "render/html/search_index.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "messages/catalog.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

const std::string language = "nb";

// The parts (strings or views) with `separator` between them.
template <typename Part>
std::string joined(const std::vector<Part>& parts, std::string_view separator = " ") {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) {
            out += separator;
        }
        out += part;
    }
    return out;
}

std::vector<std::string> host_regions(const model::Service& service) {
    std::vector<std::string> regions;
    for (const auto& host : service.hosts) {
        if (std::find(regions.begin(), regions.end(), host.region) == regions.end()) {
            regions.push_back(host.region);
        }
    }
    return regions;
}

std::string region_names(const model::Content& content, const std::vector<std::string>& ids) {
    std::vector<std::string> names;
    for (const auto& id : ids) {
        names.push_back(messages::region_name(content, id, language));
    }
    return joined(names, ", ");
}

// What a service entry shares with its reports: names, type, regions, codes.
json service_fields(const model::Content& content, const model::Service& service) {
    const auto regions = host_regions(service);
    return {{"name", service.name.in(language)},
            {"name_en", service.name.en},
            {"type", service.type},
            {"type_label", messages::text("type." + service.type, language)},
            {"regions", regions},
            {"region_names", region_names(content, regions)},
            {"codes", joined(service.icd10, ", ")}};
}

}  // namespace
std::string word_bits(const std::vector<std::size_t>& numbers, std::size_t vocabulary_size) {
    std::string bytes((vocabulary_size + 7) / 8, '\0');
    for (const std::size_t n : numbers) {
        bytes[n / 8] =
            static_cast<char>(static_cast<unsigned char>(bytes[n / 8]) | (1U << (n % 8)));
    }
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const auto byte = [&](std::size_t at) {
            return at < bytes.size() ? static_cast<unsigned>(static_cast<unsigned char>(bytes[at]))
                                     : 0U;
        };
        const unsigned triple = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += alphabet[(triple >> 18) & 63];
        out += alphabet[(triple >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(triple >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[triple & 63] : '=';
    }
    return out;
}

void write_search_index(const model::Content& content, const ReportSearchTexts& texts,
                        const std::filesystem::path& file) {
    // Written entry by entry, as one dump of {"entries": […], "language": …} would write it,
    // never held whole: at national scale the index is tens of MB.
    StreamedFile out(file);
    out.write("window.rvSearchIndex = {\"entries\":[");
    bool first = true;
    const auto add = [&](const json& entry) {
        if (!first) {
            out.write(",");
        }
        first = false;
        out.write(entry.dump(-1, ' ', false));
    };
    for (const auto& service : content.services) {
        // The words of all the service's reports once, in the order they first appear; each
        // report says which of them it has with one bit per word: a report's word list would
        // repeat most of its service's other years.
        std::vector<std::string_view> vocabulary;
        std::unordered_map<std::string_view, std::size_t> number_of;
        std::vector<std::vector<std::size_t>> report_words;
        for (const auto& report : service.reports) {
            std::vector<std::size_t> numbers;
            if (const auto text = texts.find(report.dir); text != texts.end()) {
                const std::string_view all(text->second.words);
                for (std::size_t at = 0; at < all.size();) {
                    const std::size_t end = std::min(all.find(' ', at), all.size());
                    const std::string_view word = all.substr(at, end - at);
                    at = end + 1;
                    if (word.empty()) {
                        continue;
                    }
                    const auto [found, added] = number_of.emplace(word, vocabulary.size());
                    if (added) {
                        vocabulary.push_back(word);
                    }
                    numbers.push_back(found->second);
                }
            }
            report_words.push_back(std::move(numbers));
        }
        json entry = service_fields(content, service);
        entry["kind"] = "service";
        entry["href"] = service_path(service);
        entry["title"] = service.name.in(language);
        entry["summary"] = service.description.in(language);
        entry["words"] = joined(distinct_words(service.description.in(language)));
        entry["vocabulary"] = joined(vocabulary);
        add(entry);
        for (std::size_t r = 0; r < service.reports.size(); ++r) {
            const auto& report = service.reports[r];
            json item = service_fields(content, service);
            item["kind"] = "report";
            item["href"] = report_path(service, report);
            item["service_href"] = service_path(service);
            item["year"] = report.folder_year;
            item["title"] = messages::text("ui.search_report_title", language,
                                           {std::to_string(report.folder_year)});
            const auto text = texts.find(report.dir);
            item["summary"] = text != texts.end() ? text->second.summary : "";
            item["bits"] = word_bits(report_words[r], vocabulary.size());
            add(item);
        }
    }
    out.write("],\"language\":" + json(language).dump(-1, ' ', false) + "};\n");
    out.close();
}

json finder_data(const model::Content& content, const std::string& root) {
    json types = json::array();
    for (const auto& type : service_types(content)) {
        types.push_back({{"value", type}, {"label", messages::text("type." + type, language)}});
    }
    json regions = json::array();
    for (const auto& region : content.regions) {
        regions.push_back({{"value", region.id}, {"label", region.name.in(language)}});
    }
    // The count with its number left as "{0}" for assets/search.js to fill in.
    return {{"action", root + search_page_path},
            {"types", types},
            {"regions", regions},
            {"count_template", messages::text("ui.search_count", language, {"{0}"})}};
}

json search_page_data(const model::Content& content) {
    const std::string root = "../";
    json data = page_frame(content, root, messages::text("ui.search_title", language), language);
    data["finder"] = finder_data(content, root);
    data["finder"]["action"] = "index.html";
    json services = json::array();
    for (const auto& service : content.services) {
        json item = service_fields(content, service);
        item["href"] = root + service_path(service);
        item["regions"] = joined(host_regions(service));
        services.push_back(item);
    }
    data["services"] = services;
    return data;
}

}  // namespace rv::render
