#include "cli/commands.hpp"

#include <filesystem>

#include "cli/content_check.hpp"
#include "cli/progress.hpp"
#include "cli/report_output.hpp"
#include "cli/review_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/site_build.hpp"
#include "load/content_loader.hpp"
#include "messages/catalog.hpp"
#include "render/staging.hpp"
#include "scaffold/scaffold.hpp"

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

}  // namespace

bool output_would_replace_content(const std::string& out_dir, const std::string& content_dir) {
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(out_dir, ec), ec);
    const fs::path content = fs::weakly_canonical(fs::absolute(content_dir, ec), ec);
    const std::string relative = content.lexically_relative(out).generic_string();
    return relative == "." || (!relative.empty() && relative.rfind("..", 0) != 0);
}

CheckResult check_content(const std::string& content_dir, const std::string& theme_dir) {
    CheckResult result = check_shared(content_dir, theme_dir, true);
    if (result.usable) {
        check_reports(result, ReportPass{});
    } else {
        sort_diagnostics(result.diagnostics);
    }
    return result;
}

int run_check(const Options& options, std::ostream& out, std::ostream&) {
    CheckResult result = check_shared(options.content_dir, options.theme_dir, false, options.jobs);
    if (result.usable) {
        ReportPass pass;
        pass.jobs = options.jobs;
        pass.strict = options.strict;
        pass.keep_sections = false;
        check_reports(result, pass);
    } else {
        sort_diagnostics(result.diagnostics);
    }
    print(options, out, result);
    return exit_code(result, options.strict);
}

int run_build(const Options& options, std::ostream& out, std::ostream& err) {
    BuildRequest request = build_request(options);
    request.progress = Progress::wanted(err);
    const BuildOutcome outcome = build_site(
        request, [&](const CheckResult& result) { print(options, out, result); }, err);
    return outcome.code;
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
