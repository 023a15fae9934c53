#include "cli/site_build.hpp"

#include "cli/phase_times.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include "cli/build_cache.hpp"
#include "cli/content_check.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress.hpp"
#include "cli/report_output.hpp"
#include "load/content_loader.hpp"
#include "load/fingerprint.hpp"
#include "messages/catalog.hpp"
#include "model/parallel.hpp"
#include "render/html/link_check.hpp"
#include "render/html/site_renderer.hpp"
#include "render/html/site_url.hpp"
#include "render/html/template_data.hpp"
#include "render/pdf/pdf_output.hpp"
#include "render/staging.hpp"

namespace rv::cli {

namespace fs = std::filesystem;

namespace {

// A site of this many reports or more has its previous version removed in the background:
// deleting tens of thousands of files takes seconds, and the new site is in place already.
constexpr int background_removal_reports = 1000;

// What the report pass gathers, from every thread.
struct Gathered {
    std::mutex mutex;
    render::Downloads downloads;
    render::ReportSearchTexts search_texts;
    BuildCache next;  // for the next build
    std::atomic<int> reused{0};
    std::vector<std::pair<std::string, std::string>> pdf_warnings;  // path, line
    std::atomic<int> pages{0};
    std::atomic<int> pdfs{0};
};

class Build {
  public:
    Build(const BuildRequest& request, std::ostream& err)
        : request_(request),
          err_(err),
          jobs_(request.jobs > 0 ? request.jobs : model::default_jobs()) {}

    BuildOutcome run(const std::function<void(const CheckResult&)>& on_checked) {
        BuildOutcome outcome;
        PhaseTimes times;
        CheckResult result = check_shared(request_.content_dir, request_.theme_dir, false, jobs_);
        times.mark("load");
        const model::Diagnostics shared =
            request_.keep_site ? result.diagnostics : model::Diagnostics{};
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
            render::StagedOutput staged{fs::path(request_.out_dir),
                                        result.reports >= request_.spare_from_reports};
            const render::Theme theme = render::Theme::for_content(result.content);
            const render::SiteRenderer renderer(result.content, theme);
            render::LinkCheck links(render::site_path(result.content.site.base_url));
            Gathered gathered;
            const long long date = pdf::build_date();
            start_cache(result.content, theme, date, gathered.next);
            {
                Progress progress(err_, request_.progress, request_.language,
                                  static_cast<std::size_t>(result.reports));
                ReportPass pass;
                pass.jobs = jobs_;
                pass.strict = request_.strict;
                pass.keep_sections = false;
                pass.reuse = [&](const model::Service& service, const model::Report& report) {
                    return reuse_report(result.content, service, report, gathered, staged.dir());
                };
                pass.visit = [&](const model::Service& service, const model::Report& report,
                                 const model::Diagnostics& own) {
                    interrupts.checkpoint("report");
                    write_report(result.content, service, report, renderer, links, gathered,
                                 staged.dir(), date);
                    const std::lock_guard lock(gathered.mutex);
                    gathered.next.reports[report.dir].diagnostics = own;
                };
                pass.report_done = [&] { progress.step(); };
                check_reports(result, pass);
            }
            times.mark("reports");
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
            for (const auto& [path, missing] : gathered.pdf_warnings) {
                const std::string line =
                    (fs::path(request_.out_dir) / path).generic_string() + ": " + missing;
                err_ << messages::text("cli.pdf_missing_glyphs", request_.language, {line}) << '\n';
            }
            times.mark("volumes");
            interrupts.checkpoint("pdf");
            renderer.write_assets(staged.dir());
            renderer.write_overview(
                staged.dir(), gathered.downloads, gathered.search_texts,
                [&](const std::string& path, const std::string& html) {
                    links.add_page(path, html);
                    ++gathered.pages;
                },
                jobs_);
            times.mark("overview");
            interrupts.checkpoint("html");
            const auto& services = result.content.services;
            model::for_each_index(services.size(), jobs_, [&](std::size_t i) {
                for (const auto& report : services[i].reports) {
                    copy_report_files(result.content, services[i], report, staged.dir());
                }
            });
            interrupts.checkpoint("files");
            times.mark("files");
            // The links are checked while the cache for the next build is written (it is left
            // in the staging folder, which goes, when a link is broken).
            std::vector<render::BrokenLink> broken;
            gathered.next.search = std::move(gathered.search_texts);
            model::for_each_index(2, jobs_, [&](std::size_t task) {
                if (task == 0) {
                    broken = links.broken(staged.dir());
                } else {
                    write_build_cache(staged.dir() / cache_file_name, gathered.next);
                }
            });
            times.mark("links");
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
            previous_.reset();
            if (outcome.reports >= background_removal_reports) {
                staged.remove_previous_in_background();
            }
            staged.commit(jobs_);
            times.mark("commit");
            if (request_.keep_site) {
                auto site = std::make_shared<BuiltSite>();
                site->shared = shared;
                for (auto& [dir, kept] : gathered.next.reports) {
                    site->own[dir] = std::move(kept.diagnostics);
                }
                site->search = std::move(gathered.next.search);
                site->downloads = std::move(gathered.downloads);
                site->theme = std::make_unique<render::Theme>(theme);
                site->checked = std::move(result);
                outcome.site = std::move(site);
            }
            outcome.pages = gathered.pages;
            outcome.reused = gathered.reused;
            outcome.pdfs = gathered.pdfs;
            const std::string pages =
                messages::counted("count.pages", outcome.reports, request_.language);
            err_ << (gathered.reused == 0
                         ? messages::text("cli.build_done", request_.language,
                                          {pages, request_.out_dir})
                         : messages::text(
                               "cli.build_done_reused", request_.language,
                               {pages, request_.out_dir, std::to_string(gathered.reused.load())}))
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
    std::optional<BuildCache> previous_;  // the cache of the site being replaced
    bool same_site_ = false;              // its shared inputs and options are this build's
    bool same_theme_ = false;             // and its theme too
    // The stamps of the input files as this build reads them (opened before the content is
    // loaded): a report's fingerprint takes them instead of a stat of each file.
    load::StampBook stamps_;
    // Nothing of the previous site can be taken over: a report's input is fingerprinted after
    // its sections were read (write_report), from the stamps that reading took.
    bool stamp_on_read_ = false;

    void start_cache(const model::Content& content, const render::Theme& theme, long long date,
                     BuildCache& next) {
        std::vector<std::string> shared{(fs::path(content.root) / "site.json").string(),
                                        (fs::path(content.root) / "regions.json").string()};
        for (const auto& form : content.forms) {
            shared.push_back(form.file);
        }
        next.site = load::fingerprint_file_bytes(shared, load::fingerprint_program());
        next.site = load::fingerprint_text(std::to_string(date), next.site);
        next.theme = load::fingerprint_text("theme");
        for (const auto& [path, text] : theme.files) {
            next.theme = load::fingerprint_text(text, load::fingerprint_text(path, next.theme));
        }
        for (const auto& [key, text] : theme.texts) {
            for (const auto* value : {&key, &text.nb, &text.nn, &text.en}) {
                next.theme = load::fingerprint_text(*value + '\0', next.theme);
            }
        }
        next.pdf = request_.pdf;
        if (!request_.clean) {
            previous_ = read_build_cache(fs::path(request_.out_dir) / cache_file_name);
        }
        same_site_ = previous_ && previous_->site == next.site && previous_->pdf == next.pdf;
        same_theme_ = same_site_ && previous_->theme == next.theme;
        if (!same_site_) {
            previous_.reset();  // nothing of it can be used: let its memory go now
        }
        stamp_on_read_ = !same_theme_ && stamps_.open();
    }

    // The files of what one report's page and PDF are made of: its service.json, then the
    // files of its folder.
    static std::vector<std::string> report_files(const model::Content& content,
                                                 const model::Service& service,
                                                 const model::Report& report) {
        const std::string prefix =
            fs::path(report.dir).lexically_relative(fs::path(content.root)).generic_string() + "/";
        std::vector<std::string> files{service.file};
        for (auto file = content.files.lower_bound(prefix);
             file != content.files.end() && file->rfind(prefix, 0) == 0; ++file) {
            files.push_back((fs::path(content.root) / *file).string());
        }
        return files;
    }

    // The fingerprint of `files` (report_files), into the cache for the next build; the
    // stamps of the report's own files are let go.
    std::uint64_t note_input(const model::Report& report, std::vector<std::string>& files,
                             Gathered& gathered) {
        const std::uint64_t input = stamps_.fingerprint(files);
        files.erase(files.begin());  // service.json: its other reports need its stamp
        stamps_.forget(files);
        const std::lock_guard lock(gathered.mutex);
        gathered.next.reports[report.dir].input = input;
        return input;
    }

    // The findings of a report unchanged since the previous build, whose page and PDF are
    // then taken over from the previous site; nothing when it must be built.
    std::optional<model::Diagnostics> reuse_report(const model::Content& content,
                                                   const model::Service& service,
                                                   const model::Report& report, Gathered& gathered,
                                                   const fs::path& site) {
        std::vector<std::string> files = report_files(content, service, report);
        if (stamp_on_read_) {
            // Its sections are read next and stamped as they are read; every other file
            // (report.json and service.json were stamped when they were read, its images and
            // attachments not) is stamped now, before anything more of it is read.
            for (const auto& file : files) {
                if (std::find(report.section_files.begin(), report.section_files.end(), file) ==
                    report.section_files.end()) {
                    stamps_.note_now(file);
                }
            }
            return std::nullopt;
        }
        const std::uint64_t input = note_input(report, files, gathered);
        if (!same_theme_) {
            return std::nullopt;
        }
        const auto found = previous_->reports.find(report.dir);
        if (found == previous_->reports.end() || found->second.input != input) {
            return std::nullopt;
        }
        const fs::path previous(request_.out_dir);
        const std::string page = render::report_path(service, report);
        const std::string pdf_path = pdf::report_pdf_path(service, report);
        const bool with_pdf = request_.pdf && report.data_loaded;
        if (!link_previous(previous, site, page) ||
            (with_pdf && !link_previous(previous, site, pdf_path))) {
            std::error_code ec;
            fs::remove(site / page, ec);  // built again below, as a new file
            return std::nullopt;          // the previous site lacks it: build it
        }
        ++gathered.reused;
        const std::lock_guard lock(gathered.mutex);
        if (with_pdf) {
            gathered.downloads[pdf_path] = size_of(site / pdf_path);
            if (!found->second.pdf_warning.empty()) {
                gathered.pdf_warnings.emplace_back(pdf_path, found->second.pdf_warning);
            }
        }
        if (auto search = previous_->search.find(report.dir); search != previous_->search.end()) {
            gathered.search_texts[report.dir] = std::move(search->second);  // used once
        }
        gathered.next.reports[report.dir] = found->second;
        return found->second.diagnostics;
    }

    // Whether the PDF of a report whose page must be rendered again (the theme changed) can
    // be taken over from the previous site.
    bool pdf_unchanged(const model::Report& report, Gathered& gathered) const {
        if (!same_site_) {
            return false;
        }
        const auto found = previous_->reports.find(report.dir);
        const std::lock_guard lock(gathered.mutex);
        return found != previous_->reports.end() &&
               found->second.input == gathered.next.reports[report.dir].input;
    }

    void sort_and_report(CheckResult& result, BuildOutcome& outcome,
                         const std::function<void(const CheckResult&)>& on_checked) {
        if (result.usable) {
            check_reports(result, ReportPass{jobs_, request_.strict, false, {}, {}, {}});
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
                      long long date) {
        std::vector<std::string> files = report_files(content, service, report);
        if (stamp_on_read_) {  // its sections were read: every file of it is stamped now
            note_input(report, files, gathered);
        } else {  // fingerprinted before its sections were read: let their stamps go
            files.erase(files.begin());
            stamps_.forget(files);
        }
        render::Downloads own;  // the page links to its PDF, with its size
        const std::string pdf_path = pdf::report_pdf_path(service, report);
        if (request_.pdf && report.data_loaded && pdf_unchanged(report, gathered) &&
            link_previous(fs::path(request_.out_dir), site, pdf_path)) {
            own[pdf_path] = size_of(site / pdf_path);
            const std::lock_guard lock(gathered.mutex);
            gathered.downloads[pdf_path] = own[pdf_path];
            const std::string& missing = previous_->reports.at(report.dir).pdf_warning;
            gathered.next.reports[report.dir].pdf_warning = missing;
            if (!missing.empty()) {
                gathered.pdf_warnings.emplace_back(pdf_path, missing);
            }
        } else if (request_.pdf && report.data_loaded) {
            const std::string& path = pdf_path;
            const pdf::PdfFile file = pdf::report_pdf(content, service, report, date);
            const std::string missing = pdf::write_pdf_file(site / path, file);
            own[path] = file.bytes.size();
            ++gathered.pdfs;
            const std::lock_guard lock(gathered.mutex);
            gathered.downloads[path] = file.bytes.size();
            gathered.next.reports[report.dir].pdf_warning = missing;
            if (!missing.empty()) {
                gathered.pdf_warnings.emplace_back(path, missing);
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
        std::vector<std::uint64_t> inputs;  // of each year: its reports' inputs
        for (const int year : years) {
            std::uint64_t input = load::fingerprint_text("volume");
            for (const auto& service : content.services) {
                for (const auto& report : service.reports) {
                    if (report.folder_year == year && report.data_loaded) {
                        const std::uint64_t own = gathered.next.reports[report.dir].input;
                        input = load::fingerprint_text(
                            std::string_view(reinterpret_cast<const char*>(&own), sizeof own),
                            load::fingerprint_text(report.dir, input));
                    }
                }
            }
            inputs.push_back(input);
            gathered.next.volumes[year] = input;
        }
        model::for_each_index(years.size(), jobs_, [&](std::size_t i) {
            const std::string path = pdf::volume_pdf_path(years[i]);
            if (same_site_ && previous_->volumes.count(years[i]) == 1 &&
                previous_->volumes.at(years[i]) == inputs[i] &&
                link_previous(fs::path(request_.out_dir), site, path)) {
                const std::lock_guard lock(gathered.mutex);
                gathered.downloads[path] = size_of(site / path);
                if (const auto warning = previous_->volume_warnings.find(years[i]);
                    warning != previous_->volume_warnings.end()) {
                    gathered.next.volume_warnings[years[i]] = warning->second;
                    gathered.pdf_warnings.emplace_back(path, warning->second);
                }
                return;
            }
            const pdf::PdfFile file = pdf::volume_pdf(content, years[i], date, read);
            if (file.bytes.empty()) {
                return;
            }
            const std::string missing = pdf::write_pdf_file(site / path, file);
            ++gathered.pdfs;
            const std::lock_guard lock(gathered.mutex);
            gathered.downloads[path] = file.bytes.size();
            if (!missing.empty()) {
                gathered.next.volume_warnings[years[i]] = missing;
                gathered.pdf_warnings.emplace_back(path, missing);
            }
        });
        std::sort(gathered.pdf_warnings.begin(), gathered.pdf_warnings.end());
    }
};

}  // namespace

BuildRequest build_request(const Options& options) {
    BuildRequest request;
    request.content_dir = options.content_dir;
    request.theme_dir = options.theme_dir;
    request.out_dir = options.out_dir;
    request.language = options.language;
    request.jobs = options.jobs;
    request.pdf = options.pdf;
    request.strict = options.strict;
    request.clean = options.clean;
    return request;
}

BuildOutcome build_site(const BuildRequest& request,
                        const std::function<void(const CheckResult&)>& on_checked,
                        std::ostream& err) {
    return Build(request, err).run(on_checked);
}

}  // namespace rv::cli
