#include "load/content_loader.hpp"

#include <algorithm>
#include <cctype>

#include "load/files.hpp"
#include "load/image_reader.hpp"
#include "load/json_view.hpp"
#include "load/loaded_json.hpp"
#include "load/report_reader.hpp"
#include "load/theme_loader.hpp"
#include "model/parallel.hpp"

namespace rv::load {

namespace fs = std::filesystem;

namespace {

JsonView root_of(const LoadedJson& json) {
    return {&json.value, &json.positions, &json.file, ""};
}

bool is_slug(const std::string& name) {
    if (name.empty() || name.size() > 80 || name.front() == '-' || name.back() == '-') {
        return false;
    }
    char previous = 0;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) {
            return false;
        }
        previous = c;
    }
    return true;
}

bool is_year(const std::string& name) {
    return name.size() == 4 && std::all_of(name.begin(), name.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c));
           });
}

model::PopulationFigure population(const JsonView& view) {
    return {view["year"].integer(),
            static_cast<std::int64_t>(view["count"].number().value_or(model::Number{}).value),
            view["date"].text(), view["source"].text()};
}

model::Requirement requirement(const JsonView& view) {
    model::Requirement out;
    if (auto flag = view.flag()) {
        out.all = *flag;
    } else {
        out.types = view.strings();
    }
    return out;
}

void read_site(const LoadedJson& json, model::Site& site) {
    const JsonView root = root_of(json);
    site.title = root["title"].localized();
    site.description = root["description"].localized();
    site.publisher = root["publisher"].localized();
    site.example_notice = root["example_notice"].localized();
    site.base_url = root["base_url"].text();
    site.languages = root["languages"].strings();
    site.default_year = root["default_year"].integer();
    site.example_content = root["example_content"].flag().value_or(false);
    site.at = root.location();
}

void read_regions(const LoadedJson& json, std::vector<model::Region>& regions) {
    for (const auto& item : root_of(json)["regions"].elements()) {
        model::Region region;
        region.id = item["id"].text();
        region.name = item["name"].localized();
        for (const auto& county : item["counties"].elements()) {
            model::County c{county["name"].text(), std::nullopt};
            if (county["population"].is_object()) {
                c.population = population(county["population"]);
            }
            region.counties.push_back(std::move(c));
        }
        for (const auto& figure : item["population"].elements()) {
            region.population.push_back(population(figure));
        }
        region.at = item.location();
        regions.push_back(std::move(region));
    }
}

void read_criteria(const LoadedJson& json, std::vector<model::Criterion>& criteria) {
    for (const auto& item : root_of(json)["criteria"].elements()) {
        model::Criterion c;
        c.id = item["id"].text();
        c.title = item["title"].localized();
        c.guidance = item["guidance"].localized();
        c.service_types = item["service_types"].strings();
        c.severity = item["severity"].text("deviation");
        c.at = item.location();
        const JsonView rule = item["rule"];
        c.rule.kind = rule["kind"].text();
        c.rule.section = rule["section"].text();
        c.rule.field = rule["field"].text();
        c.rule.item_value = rule["item_value"].text();
        c.rule.item_label = rule["item_label"].text();
        if (auto min = rule["min"].number()) {
            c.rule.min = min->value;
        }
        if (auto max = rule["max"].number()) {
            c.rule.max = max->value;
        }
        c.rule.p_min = rule["p_min"].number().value_or(model::Number{0.05, {}}).value;
        c.rule.span = rule["span"].integer(1);
        c.rule.user_representative = rule["user_representative"].flag().value_or(false);
        c.rule.min_meetings = rule["min_meetings"].integer(0);
        c.rule.approved_report_before = rule["approved_report_before"].integer(0);
        c.rule.goal_kind = rule["goal_kind"].text();
        c.rule.require_target_and_result = rule["require_target_and_result"].flag().value_or(false);
        criteria.push_back(std::move(c));
    }
}

model::Form read_form(const LoadedJson& json) {
    const JsonView root = root_of(json);
    model::Form form;
    form.id = root["id"].text();
    form.title = root["title"].localized();
    form.applies_to = root["applies_to"].strings();
    form.at = root.location();
    form.file = json.file;
    form.positions = json.positions;
    for (const auto& item : root["sections"].elements()) {
        model::FormSection section;
        section.id = item["id"].text();
        section.title = item["title"].localized();
        section.guidance = item["guidance"].localized();
        const std::string audience = item["audience"].text();
        section.audience = audience == "patients"        ? model::Audience::patients
                           : audience == "professionals" ? model::Audience::professionals
                                                         : model::Audience::both;
        section.required = requirement(item["required"]);
        section.from_year = item["from_year"].integer();
        section.to_year = item["to_year"].integer();
        if (auto lix = item["lix_max"].number()) {
            section.lix_max = lix->value;
        }
        form.sections.push_back(std::move(section));
    }
    for (const auto& item : root["fields"].elements()) {
        model::FormField field;
        field.path = item["path"].text();
        field.title = item["title"].localized();
        field.guidance = item["guidance"].localized();
        field.required = requirement(item["required"]);
        field.from_year = item["from_year"].integer();
        field.to_year = item["to_year"].integer();
        form.fields.push_back(std::move(field));
    }
    return form;
}

void read_section_files(model::Report& report, model::Diagnostics& diagnostics) {
    report.sections.clear();
    report.sections.reserve(report.section_files.size());
    for (const auto& file : report.section_files) {
        const fs::path path(file);
        report.sections.push_back(load_section(path, path.stem().string(), diagnostics));
    }
}

class Loader {
  public:
    Loader(const fs::path& root, LoadOptions options) : root_(root), options_(options) {
        std::error_code ec;
        canonical_root_ = fs::weakly_canonical(fs::absolute(root_, ec), ec);
    }

    LoadResult run() {
        LoadResult result;
        result.content.root = root_.string();
        std::error_code ec;
        if (!fs::is_directory(root_, ec)) {
            fatal(result, "RV010", root_.string());
            return result;
        }
        const auto site = required_file(result, root_ / "site.json", "site.schema.json");
        const auto regions = required_file(result, root_ / "regions.json", "regions.schema.json");
        if (!site.ok || !regions.ok) {
            return result;
        }
        read_site(site, result.content.site);
        read_regions(regions, result.content.regions);
        load_forms(result);
        if (fs::exists(root_ / "criteria.json", ec)) {  // optional: review criteria
            const auto criteria = load_json_file(root_ / "criteria.json", "criteria.schema.json",
                                                 validator_, result.diagnostics);
            read_criteria(criteria, result.content.criteria);
        }
        if (result.content.forms.empty()) {
            return result;
        }
        result.usable = true;
        load_services(result);
        load_reviews(result);
        return result;
    }

  private:
    fs::path root_;
    LoadOptions options_;
    fs::path canonical_root_;
    SchemaValidator validator_;

    // A year folder found, read after every service was listed (on all cores).
    struct PendingReport {
        std::size_t service = 0;  // index in content.services
        fs::path dir;
        int year = 0;
    };
    std::vector<PendingReport> pending_;

    using ReportRead = ReportFolder;

    bool leaves_root(const fs::path& path, LoadResult& result) {
        return leaves_root(path, result.diagnostics);
    }

    // The same for an entry of a folder listing, which knows (from the listing) whether it is
    // a symbolic link: no lstat for the many that are not.
    bool leaves_root(const fs::directory_entry& entry, model::Diagnostics& diagnostics) {
        std::error_code ec;
        if (!entry.is_symlink(ec) && !ec) {
            return false;
        }
        return leaves_root(entry.path(), diagnostics);
    }
    bool leaves_root(const fs::directory_entry& entry, LoadResult& result) {
        return leaves_root(entry, result.diagnostics);
    }

    // Whether the file `name` of a folder listed as `entries` exists (following a symbolic
    // link, as fs::exists does): from the listing, without a stat, for the usual plain file.
    // `found` is its entry, or null when the listing lacks it.
    static bool exists_in(const std::vector<fs::directory_entry>& entries, const fs::path& dir,
                          const std::string& name, const fs::directory_entry*& found) {
        found = nullptr;
        for (const auto& entry : entries) {
            const std::string& path = entry.path().native();
            if (path.size() > name.size() && path[path.size() - name.size() - 1] == '/' &&
                path.compare(path.size() - name.size(), name.size(), name) == 0) {
                found = &entry;
                break;
            }
        }
        std::error_code ec;
        if (found != nullptr && !found->is_symlink(ec) && !ec) {
            return true;
        }
        // A symbolic link (where does it lead?), or not listed (a folder that can be entered
        // but not read): ask as before.
        return fs::exists(dir / name, ec);
    }

    // A symbolic link under services/ that leads out of the content folder is not read:
    // content from many hands must not publish files from elsewhere on the machine.
    bool leaves_root(const fs::path& path, model::Diagnostics& diagnostics) {
        std::error_code ec;
        if (!fs::is_symlink(path, ec)) {
            return false;
        }
        const fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
        const std::string relative = target.lexically_relative(canonical_root_).generic_string();
        if (!ec && !relative.empty() && relative.rfind("..", 0) != 0) {
            return false;
        }
        diagnostics.push_back({"RV017", model::Severity::error, {path.string(), 0, 0}, {}});
        return true;
    }

    // Records the files of a report folder (and its subfolders) for link checks.
    void list_files(const fs::path& dir, int depth, std::set<std::string>& files) {
        list_files(sorted_entries(dir), depth, files);
    }
    void list_files(const std::vector<fs::directory_entry>& entries, int depth,
                    std::set<std::string>& files) {
        std::error_code ec;
        for (const auto& entry : entries) {
            if (entry.is_symlink(ec)) {
                continue;
            }
            if (entry.is_directory(ec) && depth < 4) {
                list_files(entry.path(), depth + 1, files);
            } else if (entry.is_regular_file(ec)) {
                files.insert(entry.path().lexically_relative(root_).generic_string());
            }
        }
    }

    void fatal(LoadResult& result, const std::string& code, const std::string& what) {
        result.diagnostics.push_back({code, model::Severity::fatal, {what, 0, 0}, {}});
    }

    LoadedJson required_file(LoadResult& result, const fs::path& path, const std::string& schema) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            fatal(result, "RV011", path.string());
            return {};
        }
        auto json = load_json_file(path, schema, validator_, result.diagnostics);
        if (!json.ok) {
            result.diagnostics.back().severity = model::Severity::fatal;
        }
        return json;
    }

    void load_forms(LoadResult& result) {
        const fs::path dir = root_ / "forms";
        for (const auto& entry : sorted_entries(dir)) {
            if (entry.path().extension() != ".json") {
                continue;
            }
            auto json =
                load_json_file(entry.path(), "form.schema.json", validator_, result.diagnostics);
            if (json.ok) {
                result.content.forms.push_back(read_form(json));
            }
        }
        if (result.content.forms.empty()) {
            fatal(result, "RV012", dir.string());
        }
    }

    void load_services(LoadResult& result) {
        for (const auto& entry : sorted_entries(root_ / "services")) {
            const std::string name = entry.path().filename().string();
            std::error_code ec;
            if (!entry.is_directory(ec) || leaves_root(entry, result)) {
                continue;
            }
            if (!is_slug(name)) {
                result.diagnostics.push_back(
                    {"RV013", model::Severity::error, {entry.path().string(), 0, 0}, {name}});
                continue;
            }
            result.content.services.push_back(load_service(entry.path(), name, result));
        }
        // The reports, on all cores: each read into its own slot, then added in order.
        std::vector<ReportRead> read(pending_.size());
        model::for_each_index(pending_.size(), options_.jobs, [&](std::size_t i) {
            load_report(pending_[i].dir, pending_[i].year, read[i]);
        });
        for (std::size_t i = 0; i < read.size(); ++i) {
            result.content.services[pending_[i].service].reports.push_back(
                std::move(read[i].report));
            result.diagnostics.insert(result.diagnostics.end(),
                                      std::make_move_iterator(read[i].diagnostics.begin()),
                                      std::make_move_iterator(read[i].diagnostics.end()));
            result.content.files.merge(read[i].files);
        }
        pending_.clear();
    }

    model::Service load_service(const fs::path& dir, const std::string& slug, LoadResult& result) {
        model::Service service;
        service.slug = slug;
        service.dir = dir.string();
        service.file = (dir / "service.json").string();
        std::error_code ec;
        const auto entries = sorted_entries(dir);
        const fs::directory_entry* listed = nullptr;
        if (!exists_in(entries, dir, "service.json", listed)) {
            result.diagnostics.push_back(
                {"RV014", model::Severity::error, {service.file, 0, 0}, {slug}});
        } else if (!(listed ? leaves_root(*listed, result)
                            : leaves_root(dir / "service.json", result))) {
            read_service(load_json_file(dir / "service.json", "service.schema.json", validator_,
                                        result.diagnostics),
                         service);
        }
        for (const auto& entry : entries) {
            const std::string name = entry.path().filename().string();
            if (!entry.is_directory(ec) || leaves_root(entry, result)) {
                continue;
            }
            if (!is_year(name)) {
                result.diagnostics.push_back(
                    {"RV015", model::Severity::error, {entry.path().string(), 0, 0}, {name}});
                continue;
            }
            pending_.push_back({result.content.services.size(), entry.path(), std::stoi(name)});
        }
        return service;
    }

    // reviews/<year>/<slug>.md: the reviewers' own texts (optional). Other names are not
    // read; a text for a service that does not exist is RV080 (validate).
    void load_reviews(LoadResult& result) {
        std::error_code ec;
        if (!fs::is_directory(root_ / "reviews", ec) || leaves_root(root_ / "reviews", result)) {
            return;
        }
        for (const auto& year : sorted_entries(root_ / "reviews")) {
            const std::string name = year.path().filename().string();
            if (!year.is_directory(ec) || !is_year(name) || leaves_root(year, result)) {
                continue;
            }
            for (const auto& entry : sorted_entries(year.path())) {
                if (entry.path().extension() != ".md" || !entry.is_regular_file(ec) ||
                    leaves_root(entry, result)) {
                    continue;
                }
                model::ReviewText review;
                review.year = std::stoi(name);
                review.service = entry.path().stem().string();
                review.text = load_section(entry.path(), "review", result.diagnostics);
                result.content.reviews.push_back(std::move(review));
            }
        }
    }

  public:
    // Safe on several threads at once: it writes only into `out`.
    void load_report(const fs::path& dir, int year, ReportRead& out) {
        model::Report& report = out.report;
        model::Diagnostics& diagnostics = out.diagnostics;
        report.dir = dir.string();
        report.file = (dir / "report.json").string();
        report.folder_year = year;
        // The folder is listed once: report.json, its files and its sections come from it.
        const auto entries = sorted_entries(dir);
        const fs::directory_entry* listed = nullptr;
        if (!exists_in(entries, dir, "report.json", listed)) {
            diagnostics.push_back(
                {"RV016", model::Severity::error, {report.file, 0, 0}, {std::to_string(year)}});
        } else if (!(listed ? leaves_root(*listed, diagnostics)
                            : leaves_root(dir / "report.json", diagnostics))) {
            report.has_file = true;
            read_report(
                load_json_file(dir / "report.json", "report.schema.json", validator_, diagnostics),
                report);
        }
        list_files(entries, 0, out.files);
        for (const auto& entry : entries) {
            if (entry.path().extension() == ".md" && !leaves_root(entry, diagnostics)) {
                report.section_files.push_back(entry.path().string());
            }
        }
        if (options_.sections) {
            read_section_files(report, diagnostics);
            load_images(report, root_.string(), out.files);
        }
    }
};

}  // namespace

void read_sections(model::Report& report, const model::Content& content,
                   model::Diagnostics& diagnostics) {
    read_section_files(report, diagnostics);
    report.images.clear();
    load_images(report, content.root, content.files);
}

ReportFolder load_report_folder(const fs::path& root, const fs::path& dir, int year,
                                LoadOptions options) {
    ReportFolder out;
    Loader(root, options).load_report(dir, year, out);
    return out;
}

LoadResult load_content(const fs::path& root, const fs::path& theme_dir, LoadOptions options) {
    LoadResult result = Loader(root, options).run();
    if (!result.usable) {
        return result;
    }
    // Themes: the --theme folder, then the content's own theme/ over it.
    SchemaValidator validator;
    if (!theme_dir.empty()) {
        result.content.themes.push_back(load_theme(theme_dir, validator, result.diagnostics));
    }
    std::error_code ec;
    if (fs::is_directory(root / "theme", ec)) {
        result.content.themes.push_back(load_theme(root / "theme", validator, result.diagnostics));
    }
    for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.severity == model::Severity::fatal) {
            result.usable = false;  // RV092: a --theme folder that does not exist
        }
    }
    return result;
}

}  // namespace rv::load
