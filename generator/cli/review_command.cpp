#include "cli/review_command.hpp"

#include <nlohmann/json.hpp>

#include "analyse/criteria.hpp"
#include "analyse/equal_availability.hpp"
#include "cli/commands.hpp"
#include "messages/catalog.hpp"
#include "messages/formatting.hpp"

namespace rv::cli {

namespace {

using messages::region_name;
using nlohmann::ordered_json;

std::string number(double value, int decimals, const std::string& language) {
    if (language == "en") {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
        return buffer;
    }
    return decimals == 0 ? messages::format_count(value)
                         : messages::format_decimal(value, decimals);
}

std::string evidence_text(const analyse::Evidence& evidence, const std::string& language) {
    std::vector<std::string> args;
    for (const auto& arg : evidence.args) {
        args.push_back(arg.number ? number(*arg.number, arg.decimals, language) : arg.text);
    }
    return messages::text(evidence.key, language, args);
}

ordered_json availability_json(const model::Content& content,
                               const analyse::AvailabilityAnalysis& a,
                               const std::string& language) {
    ordered_json regions = ordered_json::array();
    for (const auto& row : a.regions) {
        regions.push_back({{"region", row.region},
                           {"name", region_name(content, row.region, language)},
                           {"new_treated", row.new_treated},
                           {"patient_share", row.patient_share},
                           {"population_share", row.population_share},
                           {"expected", row.expected},
                           {"rate_per_100k", row.rate_per_100k},
                           {"ratio_to_national", row.ratio_to_national}});
    }
    return {{"first_year", a.first_year},
            {"last_year", a.last_year},
            {"years", a.years},
            {"total", a.total},
            {"national_rate_per_100k", a.national_rate_per_100k},
            {"nearest_population", a.nearest_population},
            {"method", analyse::method_name(a.test.method)},
            {"p_value", a.test.p_value},
            {"chi_square", a.test.chi_square},
            {"min_expected", a.test.min_expected},
            {"verdict", analyse::verdict_name(a.verdict)},
            {"statement", messages::text(a.verdict_key(), language)},
            {"regions", regions}};
}

void print_availability(std::ostream& out, const model::Content& content,
                        const analyse::AvailabilityAnalysis& a, const std::string& language) {
    out << "  "
        << messages::text("review.availability", language,
                          {std::to_string(a.first_year), std::to_string(a.last_year)})
        << '\n';
    if (a.verdict == analyse::AvailabilityVerdict::no_data) {
        out << "    " << messages::text(a.verdict_key(), language) << '\n';
        return;
    }
    for (const auto& row : a.regions) {
        out << "    "
            << messages::text(
                   "review.availability_row", language,
                   {region_name(content, row.region, language),
                    number(row.new_treated, 0, language), number(row.rate_per_100k, 2, language),
                    number(row.ratio_to_national, 2, language)})
            << '\n';
    }
    out << "    "
        << messages::text("review.availability_test", language,
                          {messages::text(std::string("availability.method.") +
                                              analyse::method_name(a.test.method),
                                          language),
                           number(a.test.p_value, 3, language)})
        << '\n';
    out << "    " << messages::text(a.verdict_key(), language) << '\n';
}

}  // namespace

int run_review(const Options& options, std::ostream& out, std::ostream& err) {
    const CheckResult checked = check_content(options.content_dir);
    if (!checked.usable) {
        for (const auto& d : checked.diagnostics) {
            err << messages::format(d, options.language) << '\n';
        }
        return exit_unusable;
    }
    const model::Content& content = checked.content;
    const std::string& language = options.language;
    analyse::AvailabilityOptions availability_options;
    availability_options.span = options.span;
    ordered_json services = ordered_json::array();
    for (const auto& service : content.services) {
        const auto findings = analyse::evaluate_criteria(content, service, options.year);
        const auto availability =
            analyse::analyse_availability(content, service, options.year, availability_options);
        ordered_json items = ordered_json::array();
        if (options.format == "text") {
            out << "== " << service.name.in(language) << " (" << service.slug << "), "
                << options.year << '\n';
        }
        for (const auto& finding : findings) {
            const model::Criterion* criterion = nullptr;
            for (const auto& c : content.criteria) {
                if (c.id == finding.criterion) {
                    criterion = &c;
                }
            }
            const std::string title = criterion ? criterion->title.in(language) : finding.criterion;
            const std::string outcome = messages::text(
                std::string("finding.") + analyse::outcome_name(finding.outcome), language);
            ordered_json evidence = ordered_json::array();
            for (const auto& e : finding.evidence) {
                evidence.push_back(evidence_text(e, language));
            }
            if (options.format == "text") {
                out << "  [" << outcome << "] " << title << '\n';
                for (const auto& line : evidence) {
                    out << "      " << line.get<std::string>() << '\n';
                }
            }
            items.push_back({{"criterion", finding.criterion},
                             {"title", title},
                             {"severity", finding.severity},
                             {"outcome", analyse::outcome_name(finding.outcome)},
                             {"evidence", evidence}});
        }
        if (options.format == "text") {
            print_availability(out, content, availability, language);
            out << '\n';
        }
        services.push_back({{"service", service.slug},
                            {"name", service.name.in(language)},
                            {"year", options.year},
                            {"findings", items},
                            {"availability", availability_json(content, availability, language)}});
    }
    if (options.format == "json") {
        out << ordered_json{{"year", options.year}, {"span", options.span}, {"services", services}}
                   .dump(2)
            << '\n';
    }
    return exit_clean;
}

}  // namespace rv::cli
