#include "cli/review_command.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "analyse/criteria.hpp"
#include "analyse/equal_availability.hpp"
#include "analyse/review.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "messages/catalog.hpp"
#include "messages/formatting.hpp"
#include "render/pdf/pdf_output.hpp"
#include "render/pdf/review_layout.hpp"
#include "render/pdf/review_text.hpp"
#include "render/staging.hpp"

namespace rv::cli {

namespace {

namespace fs = std::filesystem;
using messages::region_name;
using nlohmann::ordered_json;

using pdf::evidence_text;

std::string number(double value, int decimals, const std::string& language) {
    return pdf::number_text(value, decimals, language);
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

// The analysis on `out`, as text or JSON: every service, with or without a report.
void print_analysis(const Options& options, const model::Content& content,
                    const analyse::AvailabilityOptions& availability_options, std::ostream& out) {
    const std::string& language = options.language;
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
}

// True when `dir` is, or lies inside, the content folder or a built site (a folder with
// index.html and sitemap.xml): the reviews are not for publication.
bool unsafe_review_folder(const std::string& dir, const std::string& content_dir) {
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    const fs::path content = fs::weakly_canonical(fs::absolute(content_dir, ec), ec);
    const std::string relative = out.lexically_relative(content).generic_string();
    if (relative == "." || (!relative.empty() && relative.rfind("..", 0) != 0)) {
        return true;
    }
    for (fs::path p = out; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / "sitemap.xml", ec) && fs::exists(p / "index.html", ec)) {
            return true;
        }
        if (p == p.root_path()) {
            break;
        }
    }
    return false;
}

// Writes <out>/<year>/<slug>.pdf for every service with a report in the year and
// <out>/<year>/nasjonal-gjennomgang.pdf, through a staging folder: all or nothing.
int write_reviews(const Options& options, const model::Content& content,
                  const analyse::AvailabilityOptions& availability_options, std::ostream& err) {
    const std::string& language = options.language;
    const fs::path target = fs::path(options.out_dir) / std::to_string(options.year);
    if (unsafe_review_folder(options.out_dir, options.content_dir)) {
        err << messages::text("cli.review_unsafe_out", language,
                              {options.out_dir, options.content_dir})
            << '\n';
        return exit_unusable;
    }
    const auto reviews = analyse::review_year(content, options.year, availability_options);
    if (reviews.empty()) {
        err << messages::text("cli.review_none", language, {std::to_string(options.year)}) << '\n';
        return exit_errors;
    }
    const long long date = pdf::build_date();
    const InterruptGuard interrupts;  // outlives the staging folder
    try {
        render::StagedOutput staged{target};
        const auto write = [&](const std::string& name, const pdf::PdfFile& file) {
            render::write_file(staged.dir() / name, file.bytes);
            if (!file.warnings.empty()) {
                std::string line = (target / name).generic_string() + ":";
                for (const auto& w : file.warnings) {
                    line += " " + w;
                }
                err << messages::text("cli.pdf_missing_glyphs", language, {line}) << '\n';
            }
        };
        for (const auto& review : reviews) {
            write(review.service->slug + ".pdf",
                  pdf::service_review_pdf(content, review, language, date));
            interrupts.checkpoint("review");
        }
        write("nasjonal-gjennomgang.pdf",
              pdf::national_review_pdf(content, options.year, reviews, language, date));
        interrupts.checkpoint("national");
        staged.commit();
    } catch (const Interrupted& stop) {
        err << messages::text("cli.review_interrupted", language, {target.string()}) << '\n';
        return 128 + stop.signal;
    } catch (const fs::filesystem_error& e) {
        err << messages::text("cli.build_failed_write", language,
                              {e.path1().string(), e.code().message(), target.string()})
            << '\n';
        return exit_errors;
    } catch (const std::exception& e) {
        err << messages::text("cli.build_failed_write", language,
                              {target.string(), e.what(), target.string()})
            << '\n';
        return exit_errors;
    }
    err << messages::text("cli.review_done", language,
                          {std::to_string(reviews.size()), target.string()})
        << '\n';
    return exit_clean;
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
    for (const auto& d : checked.diagnostics) {
        if (d.code == "RV080") {  // a reviewer's text that no document will show
            err << messages::format(d, options.language) << '\n';
        }
    }
    analyse::AvailabilityOptions availability_options;
    availability_options.span = options.span;
    if (options.format_given) {
        print_analysis(options, checked.content, availability_options, out);
        if (!options.out_given) {
            return exit_clean;  // --format alone prints; --out as well writes the PDFs too
        }
    }
    return write_reviews(options, checked.content, availability_options, err);
}

}  // namespace rv::cli
