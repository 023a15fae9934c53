#include "cli/site_build.hpp"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <vector>

#include "cli/content_check.hpp"
#include "cli/interrupt.hpp"
#include "cli/parallel.hpp"
#include "cli/progress.hpp"
#include "cli/report_output.hpp"
#include "load/content_loader.hpp"
#include "messages/catalog.hpp"
#include "render/html/link_check.hpp"
#include "render/html/site_renderer.hpp"
#include "render/html/site_url.hpp"
#include "render/html/template_data.hpp"
#include "render/pdf/pdf_output.hpp"
#include "render/staging.hpp"

namespace rv::cli {

namespace fs = std::filesystem;

namespace {

// A file of the content tree that was there when the content was read, and is gone (or no
// longer a file or readable) when the build needs it again.
struct SourceGone {
    std::string path;
    std::string reason;
};

// Copies the files one report links to (images, documents) next to its page.
void copy_report_files(const model::Content& content, const model::Service& service,
                       const model::Report& report, const fs::path& site) {
    const std::string prefix =
        fs::path(report.dir).lexically_relative(fs::path(content.root)).generic_string() + "/";
    for (auto file = content.files.lower_bound(prefix);
         file != content.files.end() && file->rfind(prefix, 0) == 0; ++file) {
        if (model::is_source_file(*file)) {
            continue;
        }
        const fs::path target =
            site / service.slug / std::to_string(report.folder_year) / file->substr(prefix.size());
        fs::create_directories(target.parent_path());
        const fs::path source = fs::path(content.root) / *file;
        std::error_code ec;
        fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
        if (ec) {
            std::error_code ignored;
            if (!fs::is_regular_file(source, ignored)) {  // removed since it was read
                throw SourceGone{source.string(), ec.message()};
            }
            throw fs::filesystem_error("cannot copy", target, ec);
        }
    }
}

// What the report pass gathers, from every thread.
struct Gathered {
    std::mutex mutex;
    render::Downloads downloads;
    render::ReportSearchTexts search_texts;
    std::vector<std::pair<std::string, std::string>> pdf_warnings;  // path, line
    std::atomic<int> pages{0};
    std::atomic<int> pdfs{0};
};

class Build {
  public:
    Build(const BuildRequest& request, std::ostream& err)
        : request_(request), err_(err), jobs_(request.jobs > 0 ? request.jobs : default_jobs()) {}

    BuildOutcome run(const std::function<void(const CheckResult&)>& on_checked) {
        BuildOutcome outcome;
        CheckResult result = check_shared(request_.content_dir, request_.theme_dir, false);
        outcome.usable = result.usable;
        outcome.reports = result.reports;
        if (!result.usable) {
            sort_and_report(result, outcome, on_checked);
            err_ << messages::text("cli.build_stopped", request_.language, {request_.out_dir})
                 << '\n';
            outcome.code = exit_unusable;
            return outcome;
        }
        if (output_would_replace_content(request_.out_dir, request_.content_dir)) {
            sort_and_report(result, outcome, on_checked);
            if (!outcome.checked_clean) {
                err_ << messages::text("cli.build_stopped", request_.language, {request_.out_dir})
                     << '\n';
                outcome.code = exit_errors;
            } else {
                err_ << messages::text("cli.build_unsafe_out", request_.language,
                                       {request_.out_dir, request_.content_dir})
                     << '\n';
                outcome.code = exit_unusable;
            }
            return outcome;
        }
        const InterruptGuard interrupts;  // outlives the staging folder
        try {
            render::StagedOutput staged{fs::path(request_.out_dir)};
            const render::Theme theme = render::Theme::for_content(result.content);
            const render::SiteRenderer renderer(result.content, theme);
            render::LinkCheck links(render::site_path(result.content.site.base_url));
            Gathered gathered;
            const long long date = pdf::build_date();
            {
                Progress progress(err_, request_.progress, request_.language,
                                  static_cast<std::size_t>(result.reports));
                ReportPass pass;
                pass.jobs = jobs_;
                pass.strict = request_.strict;
                pass.keep_sections = false;
                pass.visit = [&](const model::Service& service, const model::Report& report) {
                    interrupts.checkpoint("report");
                    write_report(result.content, service, report, renderer, links, gathered,
                                 staged.dir(), date);
                };
                pass.report_done = [&] { progress.step(); };
                check_reports(result, pass);
            }
            outcome.diagnostics = result.diagnostics;
            outcome.checked_clean = !model::has_errors(result.diagnostics, request_.strict);
            if (on_checked) {
                on_checked(result);
            }
            if (!outcome.checked_clean) {
                err_ << messages::text("cli.build_stopped", request_.language, {request_.out_dir})
                     << '\n';
                outcome.code = exit_errors;
                return outcome;  // the staging folder goes; the old site stays
            }
            if (request_.pdf) {
                write_volumes(result.content, staged.dir(), date, gathered);
            }
            for (const auto& [path, line] : gathered.pdf_warnings) {
                err_ << messages::text("cli.pdf_missing_glyphs", request_.language, {line}) << '\n';
            }
            interrupts.checkpoint("pdf");
            renderer.write_assets(staged.dir());
            renderer.write_overview(staged.dir(), gathered.downloads, gathered.search_texts,
                                    [&](const std::string& path, const std::string& html) {
                                        links.add_page(path, html);
                                        ++gathered.pages;
                                    });
            interrupts.checkpoint("html");
            for (const auto& service : result.content.services) {
                for (const auto& report : service.reports) {
                    copy_report_files(result.content, service, report, staged.dir());
                }
            }
            interrupts.checkpoint("files");
            const auto broken = links.broken(staged.dir());
            if (!broken.empty()) {
                for (const auto& link : broken) {
                    err_ << messages::text("cli.build_broken_link", request_.language,
                                           {link.page, link.target})
                         << '\n';
                }
                err_ << messages::text("cli.build_stopped", request_.language, {request_.out_dir})
                     << '\n';
                outcome.code = exit_errors;
                return outcome;
            }
            staged.commit();
            outcome.pages = gathered.pages;
            outcome.pdfs = gathered.pdfs;
            err_ << messages::text(
                        "cli.build_done", request_.language,
                        {messages::counted("count.pages", result.reports, request_.language),
                         request_.out_dir})
                 << '\n';
        } catch (const Interrupted& stop) {
            err_ << messages::text("cli.build_interrupted", request_.language, {request_.out_dir})
                 << '\n';
            outcome.signal = stop.signal;
            outcome.code = 128 + stop.signal;  // as a shell reports a process ended by it
        } catch (const SourceGone& gone) {
            const std::string reason =
                gone.reason.rfind('@', 0) == 0
                    ? messages::text(gone.reason.substr(1), request_.language)
                    : gone.reason;
            err_ << messages::text("cli.build_failed_read", request_.language,
                                   {gone.path, reason, request_.out_dir})
                 << '\n';
            outcome.code = exit_errors;
        } catch (const fs::filesystem_error& e) {
            err_ << messages::text("cli.build_failed_write", request_.language,
                                   {e.path1().string(), e.code().message(), request_.out_dir})
                 << '\n';
            outcome.code = exit_errors;
        } catch (const std::exception& e) {
            err_ << messages::text("cli.build_failed_write", request_.language,
                                   {request_.out_dir, e.what(), request_.out_dir})
                 << '\n';
            outcome.code = exit_errors;
        }
        return outcome;
    }

  private:
    const BuildRequest& request_;
    std::ostream& err_;
    int jobs_;

    void sort_and_report(CheckResult& result, BuildOutcome& outcome,
                         const std::function<void(const CheckResult&)>& on_checked) {
        if (result.usable) {
            check_reports(result, ReportPass{jobs_, request_.strict, false, {}, {}});
        } else {
            sort_diagnostics(result.diagnostics);
        }
        outcome.diagnostics = result.diagnostics;
        outcome.checked_clean =
            result.usable && !model::has_errors(result.diagnostics, request_.strict);
        if (on_checked) {
            on_checked(result);
        }
    }

    // One report's PDF and page, while its sections are read.
    void write_report(const model::Content& content, const model::Service& service,
                      const model::Report& report, const render::SiteRenderer& renderer,
                      render::LinkCheck& links, Gathered& gathered, const fs::path& site,
                      long long date) const {
        render::Downloads own;  // the page links to its PDF, with its size
        if (request_.pdf && report.data_loaded) {
            const std::string path = pdf::report_pdf_path(service, report);
            const pdf::PdfFile file = pdf::report_pdf(content, service, report, date);
            const std::string warning = pdf::write_pdf_file(site / path, file);
            own[path] = file.bytes.size();
            ++gathered.pdfs;
            const std::lock_guard lock(gathered.mutex);
            gathered.downloads[path] = file.bytes.size();
            if (!warning.empty()) {
                gathered.pdf_warnings.emplace_back(path, warning);
            }
        }
        const std::string page = render::report_path(service, report);
        const std::string html = renderer.report_page(service, report, own);
        render::write_file(site / page, html);
        links.add_page(page, html);
        ++gathered.pages;
        render::ReportSearchText text = render::report_search_text(report);
        const std::lock_guard lock(gathered.mutex);
        gathered.search_texts[report.dir] = std::move(text);
    }

    // The yearly volumes, reading each report's sections again, one report at a time.
    void write_volumes(const model::Content& content, const fs::path& site, long long date,
                       Gathered& gathered) const {
        std::set<int> year_set;
        for (const auto& service : content.services) {
            for (const auto& report : service.reports) {
                if (report.data_loaded) {
                    year_set.insert(report.folder_year);
                }
            }
        }
        const std::vector<int> years(year_set.begin(), year_set.end());
        const pdf::SectionReader read = [&content](model::Report& report) {
            model::Diagnostics problems;
            load::read_sections(report, content, problems);
            if (!problems.empty()) {  // it was read a moment ago: changed or removed since
                throw SourceGone{problems.front().at.file,
                                 problems.front().args.empty() ? "" : problems.front().args[0]};
            }
        };
        for_each_index(years.size(), jobs_, [&](std::size_t i) {
            const pdf::PdfFile file = pdf::volume_pdf(content, years[i], date, read);
            if (file.bytes.empty()) {
                return;
            }
            const std::string path = pdf::volume_pdf_path(years[i]);
            const std::string warning = pdf::write_pdf_file(site / path, file);
            ++gathered.pdfs;
            const std::lock_guard lock(gathered.mutex);
            gathered.downloads[path] = file.bytes.size();
            if (!warning.empty()) {
                gathered.pdf_warnings.emplace_back(path, warning);
            }
        });
        std::sort(gathered.pdf_warnings.begin(), gathered.pdf_warnings.end());
    }
};

}  // namespace

BuildOutcome build_site(const BuildRequest& request,
                        const std::function<void(const CheckResult&)>& on_checked,
                        std::ostream& err) {
    return Build(request, err).run(on_checked);
}

}  // namespace rv::cli
