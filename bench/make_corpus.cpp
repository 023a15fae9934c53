// rv_make_corpus: writes a synthetic content tree for scale benchmarks, in the project's
// content format. Same arguments, same bytes.
//   rv_make_corpus --services N --years Y --out DIR [--seed S] [--template DIR]
// site.json (with a notice that the content is synthetic), regions.json, criteria.json and
// forms/ come from the template folder (default: the bundled content/); the N services
// each get Y consecutive report years ending at the template's default_year, with every
// section their form asks for.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "corpus.hpp"

#ifndef RV_DEFAULT_TEMPLATE
#define RV_DEFAULT_TEMPLATE "content"
#endif

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace rv::bench {

namespace {

struct Options {
    int services = 0;
    int years = 0;
    fs::path out;
    std::uint32_t seed = 20240912;
    fs::path template_dir = RV_DEFAULT_TEMPLATE;
};

struct FormPart {
    std::string id;  // section id or field path
    std::string title;
    Json required;  // true, false or a list of service types
    int from_year = 0;
    int to_year = 9999;
    bool plain_language = false;
    bool in_year(int year) const { return year >= from_year && year <= to_year; }
    bool required_for(const std::string& type) const {
        if (required.is_boolean()) {
            return required.get<bool>();
        }
        return required.is_array() &&
               std::find(required.begin(), required.end(), type) != required.end();
    }
};

struct Form {
    std::vector<std::string> applies_to;
    std::vector<FormPart> sections;
    std::vector<FormPart> fields;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || std::fwrite(text.data(), 1, text.size(), file) != text.size() ||
        std::fclose(file) != 0) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

std::string dump(const Json& json) {
    return json.dump(2, ' ', false) + "\n";
}

FormPart read_part(const Json& json, const char* key) {
    FormPart part;
    part.id = json.at(key).get<std::string>();
    if (json.contains("title")) {
        part.title = json["title"].value("nb", part.id);
    }
    part.required = json.value("required", Json(false));
    part.from_year = json.value("from_year", 0);
    part.to_year = json.value("to_year", 9999);
    part.plain_language = json.contains("lix_max");
    return part;
}

std::vector<Form> read_forms(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Form> forms;
    for (const auto& file : files) {
        const Json json = Json::parse(read_file(file));
        Form form;
        form.applies_to = json.at("applies_to").get<std::vector<std::string>>();
        for (const auto& section : json.at("sections")) {
            form.sections.push_back(read_part(section, "id"));
        }
        for (const auto& field : json.value("fields", Json::array())) {
            form.fields.push_back(read_part(field, "path"));
        }
        forms.push_back(std::move(form));
    }
    return forms;
}

const Form* form_for(const std::vector<Form>& forms, const std::string& type) {
    for (const auto& form : forms) {
        if (std::find(form.applies_to.begin(), form.applies_to.end(), type) !=
            form.applies_to.end()) {
            return &form;
        }
    }
    return nullptr;
}

// Whether the form asks for the field (or a field below it) in the year.
bool asks(const Form& form, const std::string& path, int year) {
    return std::any_of(form.fields.begin(), form.fields.end(), [&](const FormPart& field) {
        return field.in_year(year) && (field.id == path || field.id.rfind(path + ".", 0) == 0);
    });
}

Json region_counts(const std::array<int, region_count>& counts, bool skip_zero) {
    Json out = Json::object();
    for (std::size_t r = 0; r < region_count; ++r) {
        if (!skip_zero || counts[r] != 0) {
            out[regions()[r].id] = counts[r];
        }
    }
    return out;
}

Json service_json(const Service& s, int last_year) {
    Json j;
    j["$schema"] = "../../../schemas/service.schema.json";
    j["id"] = s.slug;
    j["name"] = {{"nb", s.name_nb}, {"en", s.name_en}};
    j["type"] = s.type;
    Json hosts = Json::array();
    for (const Host& h : s.hosts) {
        hosts.push_back({{"trust", h.trust},
                         {"region", regions()[static_cast<std::size_t>(h.region)].id},
                         {"unit", h.unit}});
    }
    j["hosts"] = hosts;
    j["responsible_region"] = regions()[static_cast<std::size_t>(s.hosts.front().region)].id;
    j["established"] = std::to_string(s.established);
    j["approved"] = std::to_string(s.established + 1) + "-06-01";
    j["icd10"] = s.icd10;
    j["description"] = {
        {"nb", s.name_nb + " gir et nasjonalt tilbud innen " + s.topic +
                   ". Tjenesten samler kompetansen på ett sted, gir råd til andre sykehus og "
                   "sørger for at pasienter fra hele landet får et likeverdig tilbud."}};
    j["contact"] = {{"unit", s.hosts.front().unit}, {"email", s.email}};
    j["website"] = s.website;
    if (s.type == "nasjonal-kompetansetjeneste") {
        // The term that runs in the last report year, the first starting when approved.
        const int term = s.competence_function == "opplaering" ? 5 : 10;
        const int start = last_year - (last_year - (s.established + 1)) % term;
        j["competence"] = {{"function", s.competence_function},
                           {"term_years", term},
                           {"term_start", std::to_string(start)},
                           {"term_end", std::to_string(start + term)}};
    }
    j["sources"] = {"Syntetisk testinnhold laget av rv_make_corpus; tjenesten finnes ikke."};
    return j;
}

Json report_json(const Service& s, const Year& y, const Form& form) {
    const auto has = [&](const std::string& path) { return asks(form, path, y.year); };
    Json j;
    j["$schema"] = "../../../../schemas/report.schema.json";
    j["service"] = s.slug;
    j["year"] = y.year;
    j["language"] = "nb";
    if (s.treatment && has("patients")) {
        Json patients;
        patients["new_treated"] = region_counts(y.treated, false);
        if (const Json not_treated = region_counts(y.not_treated, true); !not_treated.empty()) {
            patients["new_not_treated"] = not_treated;
        }
        patients["total_treated"] = y.total_treated();
        if (!y.by_host.empty()) {
            Json hosts = Json::array();
            for (std::size_t h = 0; h < y.by_host.size(); ++h) {
                const auto& c = y.by_host[h];
                hosts.push_back({{"trust", s.hosts[h].trust},
                                 {"new_treated", region_counts(c, true)},
                                 {"total_treated", c[0] + c[1] + c[2] + c[3]}});
            }
            patients["by_host"] = hosts;
        }
        j["patients"] = patients;
    }
    if (has("activity")) {
        j["activity"] = Json::array();
        for (const Figure& f : y.activity) {
            j["activity"].push_back({{"label", f.label},
                                     {"value", f.value},
                                     {"unit", f.unit},
                                     {"previous_year", f.previous}});
        }
    }
    if (has("staff")) {
        j["staff"] = Json::array();
        for (const Staff& st : y.staff) {
            j["staff"].push_back({{"specialty", st.specialty}, {"count", st.count}});
        }
    }
    if (has("goals")) {
        j["goals"] = Json::array();
        for (const Goal& g : y.goals) {
            j["goals"].push_back(
                {{"kind", g.quality ? "quality" : "result"},
                 {"title", g.title},
                 {"indicator", g.indicator},
                 {"target",
                  (g.higher_is_better ? "minst " : "høyst ") + std::to_string(g.target) + " %"},
                 {"result", std::to_string(g.result) + " %"},
                 {"met", g.met()},
                 {"assessment",
                  g.met() ? "Målet er nådd." : "Målet er ikke nådd; tiltak er satt i gang."}});
        }
    }
    if (has("registries")) {
        j["registries"] = Json::array();
        for (std::size_t i = 0; i < s.registries.size(); ++i) {
            j["registries"].push_back(
                {{"name", s.registries[i]}, {"kind", i == 0 ? "national" : "international"}});
        }
    }
    if (has("accreditations")) {
        j["accreditations"] = {{{"name", "ISO 9001"},
                                {"holder", s.hosts.front().trust},
                                {"status", y.accredited ? "accredited" : "planned"}}};
    }
    if (has("research")) {
        j["research"] = {
            {"publications", y.publications}, {"theses", y.theses}, {"projects", y.projects}};
    }
    if (has("dissemination_plan")) {
        j["dissemination_plan"] = {
            {"exists", true},
            {"made_with_reference_group", true},
            {"summary", "Kurs, veiledning og fagdager i alle fire helseregioner."}};
    }
    if (has("reference_group")) {
        Json group;
        if (has("reference_group.members")) {
            group["members"] = Json::array();
            for (const Person& p : s.reference_group) {
                Json m = {{"name", p.name}, {"role", p.role}};
                if (p.region >= 0) {
                    m["region"] = regions()[static_cast<std::size_t>(p.region)].id;
                }
                if (p.user_representative) {
                    m["user_representative"] = true;
                }
                if (p.from_service) {
                    m["from_service"] = true;
                }
                group["members"].push_back(m);
            }
        }
        if (has("reference_group.meetings")) {
            group["meetings"] = y.meetings;
        }
        if (has("reference_group.approved_report")) {
            group["approved_report"] = true;
        }
        j["reference_group"] = group;
    }
    j["sources"] = {"Syntetisk testinnhold laget av rv_make_corpus; tallene er oppdiktet."};
    return j;
}

struct Totals {
    std::atomic<long long> markdown_bytes{0};
    std::atomic<long long> files{0};
    std::atomic<int> reports{0};
};

void write_service(const Options& options, const std::vector<Form>& forms, int first_year,
                   int index, Totals& totals) {
    const Service service = plan_service(options.seed, index);
    const Form* form = form_for(forms, service.type);
    if (!form) {
        throw std::runtime_error("no form in the template applies to " + service.type);
    }
    const fs::path dir = options.out / "services" / service.slug;
    fs::create_directories(dir);
    write_file(dir / "service.json", dump(service_json(service, first_year + options.years - 1)));
    long long files = 1;
    long long bytes = 0;
    for (const Year& year : plan_years(service, options.seed, index, first_year, options.years)) {
        Rng rng(options.seed ^ (static_cast<std::uint32_t>(index) * 2654435761u) ^
                (static_cast<std::uint32_t>(year.year) * 40503u));
        std::vector<SectionSpec> sections;
        for (const FormPart& part : form->sections) {
            if (part.in_year(year.year) && (part.required_for(service.type) || rng.percent(75))) {
                sections.push_back({part.id, part.title, part.plain_language});
            }
        }
        const fs::path report_dir = dir / std::to_string(year.year);
        fs::create_directories(report_dir);
        write_file(report_dir / "report.json", dump(report_json(service, year, *form)));
        const auto target = static_cast<std::size_t>(rng.between(22000, 32000));
        const auto texts = report_markdown(service, year, sections, rng, target);
        for (std::size_t i = 0; i < sections.size(); ++i) {
            write_file(report_dir / (sections[i].id + ".md"), texts[i]);
            bytes += static_cast<long long>(texts[i].size());
        }
        files += 1 + static_cast<long long>(sections.size());
        ++totals.reports;
    }
    totals.files += files;
    totals.markdown_bytes += bytes;
}

// site.json as in the template, saying on every page that the content is made up.
Json site_json(const Options& options) {
    Json site = Json::parse(read_file(options.template_dir / "site.json"));
    if (!site.contains("default_year") || !site["default_year"].is_number_integer()) {
        throw std::runtime_error("the template's site.json has no default_year");
    }
    site["example_content"] = true;
    site["example_notice"] = {
        {"nb",
         "Dette er et syntetisk testkorpus laget for ytelsesmålinger. Tjenestene, tallene og "
         "tekstene er oppdiktet."},
        {"en",
         "This is a synthetic test corpus made for benchmarks. The services, figures and "
         "texts are made up."}};
    return site;
}

void copy_template(const Options& options) {
    const auto copy = [&](const fs::path& relative) {
        fs::copy_file(options.template_dir / relative, options.out / relative,
                      fs::copy_options::overwrite_existing);
    };
    copy("regions.json");
    if (fs::exists(options.template_dir / "criteria.json")) {
        copy("criteria.json");
    }
    fs::create_directories(options.out / "forms");
    for (const auto& entry : fs::directory_iterator(options.template_dir / "forms")) {
        if (entry.path().extension() == ".json") {
            copy(fs::path("forms") / entry.path().filename());
        }
    }
    const Json regions_json = Json::parse(read_file(options.template_dir / "regions.json"));
    for (const Region& region : regions()) {
        const auto& list = regions_json.at("regions");
        if (std::none_of(list.begin(), list.end(),
                         [&](const Json& r) { return r.value("id", "") == region.id; })) {
            throw std::runtime_error("the template's regions.json has no region " + region.id);
        }
    }
}

// A whole number of at most nine digits, else -1.
long number(const std::string& text) {
    long value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && text.size() <= 9 ? value
                                                                                        : -1;
}

std::optional<Options> parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            return std::nullopt;
        }
        const std::string value = argv[++i];
        if (arg == "--services") {
            options.services = static_cast<int>(number(value));
        } else if (arg == "--years") {
            options.years = static_cast<int>(number(value));
        } else if (arg == "--out") {
            options.out = value;
        } else if (arg == "--seed") {
            if (number(value) < 0) {
                return std::nullopt;
            }
            options.seed = static_cast<std::uint32_t>(number(value));
        } else if (arg == "--template") {
            options.template_dir = value;
        } else {
            return std::nullopt;
        }
    }
    if (options.services < 1 || options.years < 1 || options.years > 50 || options.out.empty()) {
        return std::nullopt;
    }
    return options;
}

int run(const Options& options) {
    const auto start = std::chrono::steady_clock::now();
    if (fs::exists(options.out) && !fs::is_empty(options.out)) {
        std::cerr << "rv_make_corpus: " << options.out << " exists and is not empty\n";
        return 2;
    }
    const Json site = site_json(options);
    const int default_year = site["default_year"].get<int>();
    const int first_year = default_year - options.years + 1;
    if (first_year < 1990) {  // the schemas' first year
        throw std::runtime_error("--years reaches back before 1990");
    }
    const std::vector<Form> forms = read_forms(options.template_dir / "forms");
    fs::create_directories(options.out / "services");
    write_file(options.out / "site.json", dump(site));
    copy_template(options);

    Totals totals;
    std::atomic<int> next{0};
    std::mutex failure_lock;
    std::string failure;
    const auto work = [&] {
        for (int i = next++; i < options.services; i = next++) {
            try {
                write_service(options, forms, first_year, i, totals);
            } catch (const std::exception& e) {
                const std::lock_guard lock(failure_lock);
                failure = e.what();
                next = options.services;
            }
        }
    };
    const unsigned threads = std::max(
        1u, std::min(std::thread::hardware_concurrency(), static_cast<unsigned>(options.services)));
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back(work);
    }
    for (auto& thread : pool) {
        thread.join();
    }
    if (!failure.empty()) {
        std::cerr << "rv_make_corpus: " << failure << "\n";
        return 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d services, %d reports (%d-%d), %lld files, %.1f MB of Markdown in %.2f s\n",
                options.services, totals.reports.load(), first_year, default_year,
                totals.files.load(), static_cast<double>(totals.markdown_bytes.load()) / 1e6,
                seconds);
    return 0;
}

}  // namespace

}  // namespace rv::bench

int main(int argc, char** argv) {
    try {
        const auto options = rv::bench::parse(argc, argv);
        if (!options) {
            std::cerr << "usage: rv_make_corpus --services N --years Y --out DIR [--seed S] "
                         "[--template CONTENT-DIR]\n";
            return 2;
        }
        return rv::bench::run(*options);
    } catch (const std::exception& e) {
        std::cerr << "rv_make_corpus: " << e.what() << "\n";
        return 1;
    }
}
