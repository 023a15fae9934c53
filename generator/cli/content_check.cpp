#include "cli/content_check.hpp"

#include <atomic>
#include <vector>

#include "analyse/lix.hpp"
#include "cli/report_output.hpp"
#include "load/content_loader.hpp"
#include "model/parallel.hpp"
#include "validate/validator.hpp"

namespace rv::cli {

CheckResult check_shared(const std::string& content_dir, const std::string& theme_dir,
                         bool read_sections, int jobs) {
    CheckResult result;
    load::LoadResult loaded = load::load_content(
        content_dir, theme_dir,
        load::LoadOptions{read_sections, jobs > 0 ? jobs : model::default_jobs()});
    result.usable = loaded.usable;
    result.diagnostics = std::move(loaded.diagnostics);
    result.content = std::move(loaded.content);
    if (result.usable) {
        auto findings = validate::validate_shared(result.content);
        result.diagnostics.insert(result.diagnostics.end(), findings.begin(), findings.end());
    }
    for (const auto& service : result.content.services) {
        result.reports += static_cast<int>(service.reports.size());
    }
    return result;
}

void check_reports(CheckResult& result, const ReportPass& pass) {
    std::vector<std::pair<const model::Service*, model::Report*>> reports;
    for (auto& service : result.content.services) {
        for (auto& report : service.reports) {
            reports.emplace_back(&service, &report);
        }
    }
    std::vector<model::Diagnostics> found(reports.size());
    std::atomic<bool> failed{model::has_errors(result.diagnostics, pass.strict)};
    const model::Content& content = result.content;
    model::for_each_index(
        reports.size(), pass.jobs > 0 ? pass.jobs : model::default_jobs(), [&](std::size_t i) {
            const auto& [service, report] = reports[i];
            model::Diagnostics& out = found[i];
            if (pass.reuse) {
                if (auto earlier = pass.reuse(*service, *report)) {
                    out = std::move(*earlier);
                    if (model::has_errors(out, pass.strict)) {
                        failed = true;
                    }
                    if (pass.report_done) {
                        pass.report_done();
                    }
                    return;
                }
            }
            if (report->sections.empty() && !report->section_files.empty()) {
                load::read_sections(*report, content, out);
            }
            auto checked = validate::validate_report(content, *service, *report);
            out.insert(out.end(), checked.begin(), checked.end());
            auto readability = analyse::readability_warnings(content, *service, *report);  // RV070
            out.insert(out.end(), readability.begin(), readability.end());
            if (model::has_errors(out, pass.strict)) {
                failed = true;
            }
            if (pass.visit && !failed) {
                pass.visit(*service, *report, out);
            }
            if (!pass.keep_sections) {
                std::vector<model::Section>().swap(report->sections);
                model::Images().swap(report->images);
            }
            if (pass.report_done) {
                pass.report_done();
            }
        });
    for (auto& diagnostics : found) {
        result.diagnostics.insert(result.diagnostics.end(),
                                  std::make_move_iterator(diagnostics.begin()),
                                  std::make_move_iterator(diagnostics.end()));
    }
    sort_diagnostics(result.diagnostics);
}

}  // namespace rv::cli
