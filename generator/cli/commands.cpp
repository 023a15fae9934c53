#include "cli/commands.hpp"

#include <filesystem>

#include "analyse/lix.hpp"
#include "cli/interrupt.hpp"
#include "cli/report_output.hpp"
#include "cli/review_command.hpp"
#include "cli/serve_command.hpp"
#include "load/content_loader.hpp"
#include "messages/catalog.hpp"
#include "render/html/link_check.hpp"
#include "render/html/site_renderer.hpp"
#include "render/html/site_url.hpp"
#include "render/pdf/pdf_output.hpp"
#include "render/staging.hpp"
#include "scaffold/scaffold.hpp"
#include "validate/validator.hpp"

namespace rv::cli {

namespace fs = std::filesystem;

namespace {

void print(const Options& options, std::ostream& out, const CheckResult& result) {
    const Counts counts = count(result.diagnostics, options.strict);
    if (options.format == "json") {
        print_json(out, result.diagnostics, counts, result.reports, options.language);
    } else {
        print_text(out, result.diagnostics, counts, result.reports, options.language);
    }
}

int exit_code(const CheckResult& result, bool strict) {
    if (!result.usable) {
        return exit_unusable;
    }
    return model::has_errors(result.diagnostics, strict) ? exit_errors : exit_clean;
}

// A file of the content tree that was there when the content was read, and is gone (or no
// longer a file) when the build copies it.
struct SourceGone {
    std::string path;
    std::string reason;
};

// Copies the files a report links to (images, documents) next to its page.
void copy_report_files(const model::Content& content, const fs::path& site) {
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            const fs::path dir(report.dir);
            const std::string prefix =
                dir.lexically_relative(fs::path(content.root)).generic_string() + "/";
            for (const auto& file : content.files) {
                if (file.rfind(prefix, 0) != 0 || model::is_source_file(file)) {
                    continue;
                }
                const fs::path target = site / service.slug / std::to_string(report.folder_year) /
                                        file.substr(prefix.size());
                fs::create_directories(target.parent_path());
                const fs::path source = fs::path(content.root) / file;
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
    }
}

// The PDFs written into the site, with their sizes, for the pages to link to.
render::Downloads downloads_in(const fs::path& site) {
    render::Downloads out;
    for (auto it = fs::recursive_directory_iterator(site); it != fs::recursive_directory_iterator();
         ++it) {
        if (it->is_regular_file() && it->path().extension() == ".pdf") {
            out[it->path().lexically_relative(site).generic_string()] = it->file_size();
        }
    }
    return out;
}

}  // namespace

bool output_would_replace_content(const std::string& out_dir, const std::string& content_dir) {
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(out_dir, ec), ec);
    const fs::path content = fs::weakly_canonical(fs::absolute(content_dir, ec), ec);
    const std::string relative = content.lexically_relative(out).generic_string();
    return relative == "." || (!relative.empty() && relative.rfind("..", 0) != 0);
}

CheckResult check_content(const std::string& content_dir, const std::string& theme_dir) {
    CheckResult result;
    load::LoadResult loaded = load::load_content(content_dir, theme_dir);
    result.usable = loaded.usable;
    result.diagnostics = std::move(loaded.diagnostics);
    result.content = std::move(loaded.content);
    if (result.usable) {
        auto findings = validate::validate(result.content);
        result.diagnostics.insert(result.diagnostics.end(), findings.begin(), findings.end());
        auto readability = analyse::readability_warnings(result.content);  // RV070
        result.diagnostics.insert(result.diagnostics.end(), readability.begin(), readability.end());
    }
    for (const auto& service : result.content.services) {
        result.reports += static_cast<int>(service.reports.size());
    }
    sort_diagnostics(result.diagnostics);
    return result;
}

int run_check(const Options& options, std::ostream& out, std::ostream&) {
    const CheckResult result = check_content(options.content_dir, options.theme_dir);
    print(options, out, result);
    return exit_code(result, options.strict);
}

int run_build(const Options& options, std::ostream& out, std::ostream& err) {
    const CheckResult result = check_content(options.content_dir, options.theme_dir);
    print(options, out, result);
    const int code = exit_code(result, options.strict);
    if (code != exit_clean) {
        err << messages::text("cli.build_stopped", options.language, {options.out_dir}) << '\n';
        return code;
    }
    if (output_would_replace_content(options.out_dir, options.content_dir)) {
        err << messages::text("cli.build_unsafe_out", options.language,
                              {options.out_dir, options.content_dir})
            << '\n';
        return exit_unusable;
    }
    return write_site(result, options.out_dir, options.language, err);
}

int write_site(const CheckResult& result, const std::string& out_dir, const std::string& language,
               std::ostream& err) {
    const InterruptGuard interrupts;  // outlives the staging folder
    try {
        render::StagedOutput staged{fs::path(out_dir)};
        for (const auto& line :
             pdf::write_site_pdfs(result.content, staged.dir(), pdf::build_date())) {
            err << messages::text("cli.pdf_missing_glyphs", language, {line}) << '\n';
        }
        interrupts.checkpoint("pdf");
        const auto summary =
            render::render_site(result.content, render::Theme::for_content(result.content),
                                staged.dir(), downloads_in(staged.dir()));
        interrupts.checkpoint("html");
        copy_report_files(result.content, staged.dir());
        interrupts.checkpoint("files");
        const auto broken =
            render::broken_links(staged.dir(), render::site_path(result.content.site.base_url));
        if (!broken.empty()) {
            for (const auto& link : broken) {
                err << messages::text("cli.build_broken_link", language, {link.page, link.target})
                    << '\n';
            }
            err << messages::text("cli.build_stopped", language, {out_dir}) << '\n';
            return exit_errors;  // the staging folder goes; the old site stays
        }
        staged.commit();
        err << messages::text(
                   "cli.build_done", language,
                   {messages::counted("count.pages", summary.report_pages, language), out_dir})
            << '\n';
    } catch (const Interrupted& stop) {
        err << messages::text("cli.build_interrupted", language, {out_dir}) << '\n';
        return 128 + stop.signal;  // as a shell reports a process ended by the signal
    } catch (const SourceGone& gone) {
        err << messages::text("cli.build_failed_read", language, {gone.path, gone.reason, out_dir})
            << '\n';
        return exit_errors;
    } catch (const fs::filesystem_error& e) {
        err << messages::text("cli.build_failed_write", language,
                              {e.path1().string(), e.code().message(), out_dir})
            << '\n';
        return exit_errors;
    } catch (const std::exception& e) {
        err << messages::text("cli.build_failed_write", language, {out_dir, e.what(), out_dir})
            << '\n';
        return exit_errors;
    }
    return exit_clean;
}

int run_new(const Options& options, std::ostream& out, std::ostream& err) {
    load::LoadResult loaded = load::load_content(options.content_dir);
    if (!loaded.usable) {
        CheckResult result;
        result.diagnostics = std::move(loaded.diagnostics);
        print(options, out, result);
        return exit_unusable;
    }
    const fs::path dir =
        fs::path(options.content_dir) / "services" / options.slug / std::to_string(options.year);
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        err << messages::text("cli.new_exists", options.language, {dir.string()}) << '\n';
        return exit_errors;
    }
    const scaffold::Plan plan = scaffold::plan_report(loaded.content, options.slug, options.year);
    if (!plan.error.empty()) {
        err << messages::text(plan.error, options.language, {options.slug, options.content_dir})
            << '\n';
        return exit_errors;
    }
    try {
        render::StagedOutput staged{dir};
        for (const auto& file : plan.files) {
            render::write_file(staged.dir() / file.name, file.contents);
        }
        staged.commit();
    } catch (const fs::filesystem_error& e) {
        err << messages::text("cli.build_failed_write", options.language,
                              {e.path1().string(), e.code().message(), dir.string()})
            << '\n';
        return exit_errors;
    }
    out << messages::text("cli.new_done", options.language,
                          {dir.string(), std::to_string(plan.sections)})
        << '\n';
    return exit_clean;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const ParseResult parsed = parse_options(args);
    if (!parsed.options) {
        std::string language = "nb";
        for (std::size_t i = 0; i + 1 < args.size(); ++i) {
            if (args[i] == "--lang" && args[i + 1] == "en") {
                language = "en";
            }
        }
        err << messages::text("cli.usage_error", language, {parsed.error}) << '\n';
        return exit_unusable;
    }
    const Options& options = *parsed.options;
    if (options.command == "help") {
        out << usage(options.language);
        return exit_clean;
    }
    if (options.command == "version") {
        out << "rapportverk 0.1.0\n";
        return exit_clean;
    }
    if (options.command == "check") {
        return run_check(options, out, err);
    }
    if (options.command == "build") {
        return run_build(options, out, err);
    }
    if (options.command == "review") {
        return run_review(options, out, err);
    }
    if (options.command == "serve") {
        return run_serve(options, out, err);
    }
    return run_new(options, out, err);
}

}  // namespace rv::cli
