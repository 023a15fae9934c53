#include "messages/formatting.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "messages/catalog.hpp"

namespace rv::messages {

namespace {
const std::string no_break_space = "\u00a0";

// "1234567" → "1 234 567" (four digits stay together: "1234").
std::string group_digits(const std::string& digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        const std::size_t left = n - i - 1;
        if (left > 0 && left % 3 == 0 && n > 4) {
            out += no_break_space;
        }
    }
    return out;
}
}  // namespace

std::string format_count(double value) {
    if (std::floor(value) != value || std::fabs(value) >= 1e15) {
        return format_decimal(value, 1);
    }
    const std::string out = group_digits(std::to_string(static_cast<long long>(std::fabs(value))));
    return value < 0 ? "−" + out : out;
}

std::string format_decimal(double value, int decimals) {
    // Up to 309 digits before the point (1e308): no fixed buffer, and the whole part is
    // grouped as text, never read back as a number (a huge figure once recursed without end).
    const int length = std::snprintf(nullptr, 0, "%.*f", decimals, std::fabs(value));
    std::string text(static_cast<std::size_t>(std::max(length, 0)) + 1, '\0');
    std::snprintf(text.data(), text.size(), "%.*f", decimals, std::fabs(value));
    text.pop_back();
    const auto dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    std::string out = group_digits(whole);
    if (!fraction.empty()) {
        out += "," + fraction;
    }
    return value < 0 ? "−" + out : out;
}

std::string format_size(std::uintmax_t bytes, const std::string& language) {
    const double kb = static_cast<double>(bytes) / 1000.0;
    if (kb < 1000) {
        return format_count(std::max(1.0, std::round(kb))) + " kB";
    }
    const double mb = kb / 1000.0;
    return (language == "en" ? std::to_string(std::lround(mb * 10) / 10) + "." +
                                   std::to_string(std::lround(mb * 10) % 10)
                             : format_decimal(mb, 1)) +
           " MB";
}

std::string region_name(const model::Content& content, const std::string& id,
                        const std::string& language) {
    const model::Region* region = content.find_region(id);
    return region ? region->name.in(language) : id;
}

// "Kari Nordmann – leder (Helse Vest), brukerrepresentant", with what is given.
std::string member_label(const model::Content& content, const model::ReferenceGroupMember& m,
                         const std::string& language) {
    std::string label = m.name;
    if (!m.role.empty()) {
        label += (label.empty() ? "" : " – ") + m.role;
    }
    if (!m.region.empty()) {
        label += (label.empty() ? "" : " ") + std::string("(") +
                 region_name(content, m.region, language) + ")";
    }
    const std::string representative = text("ui.user_representative", language);
    std::string lower = label;
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (m.user_representative && lower.find(representative) == std::string::npos) {
        label += (label.empty() ? "" : ", ") + representative;
    }
    return label;
}

std::string format_change(const std::optional<double>& change,
                          const std::optional<double>& percent) {
    if (!change) {
        return "–";
    }
    std::string out = (*change > 0 ? "+" : "") + format_count(*change);
    if (percent) {
        out += " (" + std::string(*percent > 0 ? "+" : "") +
               (*percent < 0 ? "−" + format_decimal(std::fabs(*percent), 1)
                             : format_decimal(*percent, 1)) +
               "\u00a0%)";
    }
    return out;
}

}  // namespace rv::messages
