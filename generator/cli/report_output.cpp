#include "cli/report_output.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "messages/catalog.hpp"

namespace rv::cli {

void sort_diagnostics(model::Diagnostics& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.at.file, a.at.line, a.at.column) <
               std::tie(b.at.file, b.at.line, b.at.column);
    });
}

Counts count(const model::Diagnostics& diagnostics, bool strict) {
    Counts counts;
    for (const auto& d : diagnostics) {
        if (d.severity == model::Severity::warning && !strict) {
            ++counts.warnings;
        } else {
            ++counts.errors;
        }
    }
    return counts;
}

void print_text(std::ostream& out, const model::Diagnostics& diagnostics, const Counts& counts,
                int reports, const std::string& language) {
    for (const auto& d : diagnostics) {
        out << messages::format(d, language) << '\n';
    }
    out << messages::text("cli.summary", language,
                          {messages::counted("count.errors", counts.errors, language),
                           messages::counted("count.warnings", counts.warnings, language),
                           messages::counted("count.reports", reports, language)})
        << '\n';
}

void print_json(std::ostream& out, const model::Diagnostics& diagnostics, const Counts& counts,
                int reports, const std::string& language) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics) {
        list.push_back({{"file", d.at.file},
                        {"line", d.at.line},
                        {"column", d.at.column},
                        {"severity", d.severity == model::Severity::warning ? "warning" : "error"},
                        {"code", d.code},
                        {"message", messages::text(d.code, language, d.args)}});
    }
    nlohmann::ordered_json doc = {{"diagnostics", list},
                                  {"errors", counts.errors},
                                  {"warnings", counts.warnings},
                                  {"reports", reports}};
    // A file or folder name need not be UTF-8: its bad bytes become U+FFFD rather than an
    // exception.
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace rv::cli
