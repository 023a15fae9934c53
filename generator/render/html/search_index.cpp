#include "render/html/search_index.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "messages/catalog.hpp"
#include "model/markdown.hpp"
#include "model/utf8.hpp"
#include "render/html/site_pages.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

namespace {

using nlohmann::json;

const std::string language = "nb";

// Letters and digits of the scripts Norwegian reports use: ASCII, Latin-1 and Latin
// Extended letters (æ ø å é ü …), Greek. Punctuation, symbols and spaces separate words.
bool is_word_character(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (c >= 0xC0 && c <= 0x24F) {
        return c != 0xD7 && c != 0xF7;
    }
    return c >= 0x370 && c <= 0x3FF;
}

char32_t to_lower(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return c + 0x20;
    }
    if (c >= 0x100 && c <= 0x17F && c % 2 == 0) {
        return c + 1;  // Latin Extended-A pairs: Ā ā, Č č …
    }
    return c;
}

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

// The text of a Markdown tree with a line end after every block and table cell, so that
// words of neighbouring paragraphs, items and cells never run together.
void block_text(const model::MarkdownNode& node, std::string& out) {
    using Kind = model::MarkdownKind;
    switch (node.kind) {
        case Kind::paragraph:
        case Kind::heading:
        case Kind::table_cell:
        case Kind::code_block:
            out += model::plain_text(node);
            out += '\n';
            return;
        default:
            for (const auto& child : node.children) {
                block_text(child, out);
            }
    }
}

std::string text_of(const model::MarkdownNode& document) {
    std::string out;
    block_text(document, out);
    return out;
}

// The plain-language summary of a report, cut at a word boundary, for the result list.
std::string summary_of(const model::Report& report, std::size_t limit) {
    const model::Section* section = report.find_section("kort-fortalt");
    if (section == nullptr) {
        section = report.find_section("sammendrag");
    }
    if (section == nullptr || !section->has_content) {
        return {};
    }
    std::string text = text_of(section->document);
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    for (char& c : text) {
        if (c == '\n' || c == '\t' || c == '\r') {
            c = ' ';
        }
    }
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos) {
        cut = limit;
    }
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;  // never split a character
    }
    return text.substr(0, cut) + " …";
}

}  // namespace

namespace {

// The distinct words of `text` as views into `lowered` (which this fills): ASCII takes a
// fast path; other characters are decoded, lower-cased and encoded again.
std::vector<std::string_view> distinct_word_views(const std::string& text, std::string& lowered) {
    lowered.clear();
    lowered.reserve(text.size());
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // start, end in `lowered`
    std::size_t start = std::string::npos;
    const auto finish = [&] {
        if (start != std::string::npos) {
            spans.emplace_back(start, lowered.size());
            start = std::string::npos;
        }
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            ++i;
            const bool word = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                              (byte >= '0' && byte <= '9');
            if (!word) {
                finish();
                continue;
            }
            if (start == std::string::npos) {
                start = lowered.size();
            }
            lowered += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 0x20 : byte);
            continue;
        }
        const char32_t code = model::next_code_point(text, i);
        if (!is_word_character(code)) {
            finish();
            continue;
        }
        if (start == std::string::npos) {
            start = lowered.size();
        }
        model::append_utf8(lowered, to_lower(code));
    }
    finish();
    // Seen words in an open-addressing table of indices into `words`: no allocation per word.
    std::vector<std::string_view> words;
    std::size_t size = 64;
    while (size < spans.size() * 2) {
        size *= 2;
    }
    std::vector<std::uint32_t> slots(size, 0);  // 0: empty, else index + 1
    const std::string_view all(lowered);
    for (const auto& [from, to] : spans) {
        const std::string_view word = all.substr(from, to - from);
        std::uint64_t hash = 14695981039346656037ULL;
        for (const char c : word) {
            hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
        for (std::size_t slot = hash & (size - 1);; slot = (slot + 1) & (size - 1)) {
            if (slots[slot] == 0) {
                words.push_back(word);
                slots[slot] = static_cast<std::uint32_t>(words.size());
                break;
            }
            if (words[slots[slot] - 1] == word) {
                break;
            }
        }
    }
    return words;
}

}  // namespace

std::vector<std::string> distinct_words(const std::string& text) {
    std::string lowered;
    const auto views = distinct_word_views(text, lowered);
    return {views.begin(), views.end()};
}

ReportSearchText report_search_text(const model::Report& report) {
    std::string body;
    for (const auto& section : report.sections) {
        if (section.has_content) {
            body += text_of(section.document);
        }
    }
    std::string lowered;
    return {summary_of(report, 280), joined(distinct_word_views(body, lowered))};
}

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
