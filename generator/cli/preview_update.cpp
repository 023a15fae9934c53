#include "cli/preview_update.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "analyse/lix.hpp"
#include "cli/report_output.hpp"
#include "load/content_loader.hpp"
#include "render/html/template_data.hpp"
#include "render/pdf/pdf_output.hpp"
#include "render/staging.hpp"
#include "validate/validator.hpp"

namespace rv::cli {

namespace fs = std::filesystem;

namespace {

struct Target {
    model::Service* service = nullptr;
    model::Report* report = nullptr;
};

// The report whose folder holds `relative` ("services/<slug>/<year>/<file>"), or nothing.
Target report_of(model::Content& content, const std::string& relative) {
    const fs::path path(relative);
    std::vector<std::string> parts;
    for (const auto& part : path) {
        parts.push_back(part.string());
    }
    if (parts.size() != 4 || parts[0] != "services") {
        return {};  // service.json, a deeper attachment, or no report at all
    }
    for (auto& service : content.services) {
        if (service.slug != parts[1]) {
            continue;
        }
        for (auto& report : service.reports) {
            if (std::to_string(report.folder_year) == parts[2] &&
                fs::path(report.dir).filename() == parts[2]) {
                return {&service, &report};
            }
        }
    }
    return {};
}

bool is_under(const std::string& file, const std::string& dir) {
    return file.size() > dir.size() && file.compare(0, dir.size(), dir) == 0 &&
           file[dir.size()] == '/';
}

}  // namespace

PreviewUpdate update_reports(BuiltSite& site, const BuildRequest& request,
                             const std::vector<std::string>& changed,
                             const std::function<void(const PreviewUpdate&)>& pages_ready) {
    PreviewUpdate update;
    model::Content& content = site.checked.content;
    std::vector<Target> targets;
    for (const auto& path : changed) {
        const Target target = report_of(content, path);
        std::error_code ec;
        if (!target.report || !fs::is_directory(target.report->dir, ec)) {
            return update;  // not inside one known report folder: a whole build
        }
        if (std::none_of(targets.begin(), targets.end(),
                         [&](const Target& t) { return t.report == target.report; })) {
            targets.push_back(target);
        }
    }
    const fs::path out(request.out_dir);
    const render::SiteRenderer renderer(content, *site.theme);
    const long long date = pdf::build_date();
    for (const auto& [service, report] : targets) {
        load::ReportFolder folder = load::load_report_folder(
            content.root, report->dir, report->folder_year, load::LoadOptions{true, 1});
        // The folder's files: the old ones out, the new ones in.
        const std::string prefix =
            fs::path(report->dir).lexically_relative(fs::path(content.root)).generic_string() + "/";
        for (auto file = content.files.lower_bound(prefix);
             file != content.files.end() && file->rfind(prefix, 0) == 0;) {
            file = content.files.erase(file);
        }
        content.files.merge(folder.files);
        model::Diagnostics own = std::move(folder.diagnostics);
        const std::string dir = report->dir;
        *report = std::move(folder.report);
        copy_report_files(content, *service, *report, out);  // its images and documents
        auto checked = validate::validate_report(content, *service, *report);
        own.insert(own.end(), checked.begin(), checked.end());
        auto readability = analyse::readability_warnings(content, *service, *report);
        own.insert(own.end(), readability.begin(), readability.end());
        // Findings the loader made of this folder at the last whole build are now its own.
        site.shared.erase(
            std::remove_if(site.shared.begin(), site.shared.end(),
                           [&](const model::Diagnostic& d) { return is_under(d.at.file, dir); }),
            site.shared.end());
        const bool errors = model::has_errors(own, request.strict);
        site.own[dir] = std::move(own);
        if (errors) {
            update.kept_pages = true;  // the page as it was stays until the errors are gone
        } else {
            render::Downloads own_pdf;
            if (request.pdf && report->data_loaded) {
                const std::string path = pdf::report_pdf_path(*service, *report);
                const pdf::PdfFile file = pdf::report_pdf(content, *service, *report, date);
                pdf::write_pdf_file(out / path, file);
                own_pdf[path] = site.downloads[path] = file.bytes.size();
            }
            render::write_file(out / render::report_path(*service, *report),
                               renderer.report_page(*service, *report, own_pdf));
            site.search[dir] = render::report_search_text(*report);
        }
        std::vector<model::Section>().swap(report->sections);
        model::Images().swap(report->images);
    }
    update.handled = true;
    update.diagnostics = site.shared;
    for (const auto& [dir, own] : site.own) {
        update.diagnostics.insert(update.diagnostics.end(), own.begin(), own.end());
    }
    sort_diagnostics(update.diagnostics);
    if (pages_ready) {
        pages_ready(update);
    }
    if (!update.kept_pages) {
        renderer.write_overview(out, site.downloads, site.search,
                                [](const std::string&, const std::string&) {});
    }
    return update;
}

}  // namespace rv::cli
