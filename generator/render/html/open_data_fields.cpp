// The fields of every open data file, and the page that describes them.
#include <stdexcept>

#include "messages/catalog.hpp"
#include "render/html/open_data.hpp"
#include "render/html/template_data.hpp"

namespace rv::render {

namespace {

// The columns every CSV file starts with: which service and which year.
std::vector<DataField> csv_keys(bool with_type) {
    std::vector<DataField> out = {{"service", "text", "data.field.service"},
                                  {"service_name", "text", "data.field.name_nb"}};
    if (with_type) {
        out.push_back({"service_type", "text", "data.field.type"});
    }
    out.push_back({"year", "integer", "data.field.year"});
    return out;
}

std::vector<DataField> with(std::vector<DataField> head, const std::vector<DataField>& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

std::vector<DataField> report_fields() {
    const std::string r = "reports[].";
    const std::string p = r + "patients.";
    return {
        {"site_title", "text", "data.field.site_title"},
        {"site_url", "text", "data.field.site_url"},
        {"reports", "list", "data.field.reports"},
        {r + "service", "text", "data.field.service"},
        {r + "name", "object", "data.field.name"},
        {r + "name.nb", "text", "data.field.name_nb"},
        {r + "name.nn", "text", "data.field.name_nn"},
        {r + "name.en", "text", "data.field.name_en"},
        {r + "short_name", "text", "data.field.short_name"},
        {r + "type", "text", "data.field.type"},
        {r + "type_name", "text", "data.field.type_name"},
        {r + "year", "integer", "data.field.year"},
        {r + "language", "text", "data.field.language"},
        {r + "url", "text", "data.field.url"},
        {r + "hosts", "list", "data.field.hosts"},
        {r + "hosts[].trust", "text", "data.field.host_trust"},
        {r + "hosts[].region", "text", "data.field.host_region"},
        {r + "hosts[].unit", "text", "data.field.host_unit"},
        {r + "responsible_region", "text", "data.field.responsible_region"},
        {r + "patients", "object", "data.field.patients"},
        {p + "regions", "list", "data.field.patients_regions"},
        {p + "regions[].region", "text", "data.field.region"},
        {p + "regions[].region_name", "text", "data.field.region_name"},
        {p + "regions[].new_treated", "integer", "data.field.new_treated"},
        {p + "regions[].new_not_treated", "integer", "data.field.new_not_treated"},
        {p + "regions[].population", "integer", "data.field.population"},
        {p + "regions[].population_year", "integer", "data.field.population_year"},
        {p + "regions[].population_source", "text", "data.field.population_source"},
        {p + "regions[].rate_per_100k", "number", "data.field.rate_per_100k"},
        {p + "new_treated_total", "integer", "data.field.new_treated_total"},
        {p + "new_not_treated_total", "integer", "data.field.new_not_treated_total"},
        {p + "total_treated", "integer", "data.field.total_treated"},
        {p + "national_rate_per_100k", "number", "data.field.national_rate_per_100k"},
        {p + "by_host", "list", "data.field.by_host"},
        {p + "by_host[].trust", "text", "data.field.host_trust"},
        {p + "by_host[].new_treated", "list", "data.field.by_host_new_treated"},
        {p + "by_host[].new_treated[].region", "text", "data.field.region"},
        {p + "by_host[].new_treated[].count", "integer", "data.field.by_host_count"},
        {p + "by_host[].total_treated", "integer", "data.field.by_host_total_treated"},
        {p + "note", "text", "data.field.patients_note"},
        {r + "activity", "list", "data.field.activity"},
        {r + "activity[].label", "text", "data.field.activity_label"},
        {r + "activity[].value", "number", "data.field.activity_value"},
        {r + "activity[].unit", "text", "data.field.activity_unit"},
        {r + "activity[].previous_year", "number", "data.field.activity_previous_year"},
        {r + "activity[].note", "text", "data.field.note"},
        {r + "staff", "list", "data.field.staff"},
        {r + "staff[].specialty", "text", "data.field.specialty"},
        {r + "staff[].count", "number", "data.field.staff_count"},
        {r + "staff[].note", "text", "data.field.note"},
        {r + "goals", "list", "data.field.goals"},
        {r + "goals[].kind", "text", "data.field.goal_kind"},
        {r + "goals[].title", "text", "data.field.goal_title"},
        {r + "goals[].indicator", "text", "data.field.goal_indicator"},
        {r + "goals[].target", "text", "data.field.goal_target"},
        {r + "goals[].result", "text", "data.field.goal_result"},
        {r + "goals[].met", "boolean", "data.field.goal_met"},
        {r + "goals[].assessment", "text", "data.field.goal_assessment"},
        {r + "research", "object", "data.field.research"},
        {r + "research.publications", "integer", "data.field.publications"},
        {r + "research.theses", "integer", "data.field.theses"},
        {r + "research.projects", "integer", "data.field.projects"},
        {r + "research.note", "text", "data.field.note"},
        {r + "reference_group", "object", "data.field.reference_group"},
        {r + "reference_group.members", "integer", "data.field.rg_members"},
        {r + "reference_group.user_representatives", "integer", "data.field.rg_users"},
        {r + "reference_group.meetings", "integer", "data.field.rg_meetings"},
        {r + "reference_group.approved_report", "boolean", "data.field.rg_approved"},
        {r + "not_reported", "list", "data.field.not_reported"},
        {r + "not_reported[].key", "text", "data.field.not_reported_key"},
        {r + "not_reported[].reason", "text", "data.field.not_reported_reason"},
    };
}

std::vector<DataFile> make_files() {
    return {
        {"rapporter", "data/rapporter.json", "JSON", "data.file.rapporter", report_fields()},
        {"nye-pasienter", "data/nye-pasienter.csv", "CSV", "data.file.nye_pasienter",
         with(csv_keys(true), {{"region", "text", "data.field.region"},
                               {"region_name", "text", "data.field.region_name"},
                               {"new_treated", "integer", "data.field.new_treated"},
                               {"new_not_treated", "integer", "data.field.new_not_treated"},
                               {"population", "integer", "data.field.population"},
                               {"population_year", "integer", "data.field.population_year"},
                               {"rate_per_100k", "number", "data.field.rate_per_100k"}})},
        {"aktivitet", "data/aktivitet.csv", "CSV", "data.file.aktivitet",
         with(csv_keys(false), {{"label", "text", "data.field.activity_label"},
                                {"value", "number", "data.field.activity_value"},
                                {"unit", "text", "data.field.activity_unit"},
                                {"previous_year", "number", "data.field.activity_previous_year"},
                                {"note", "text", "data.field.note"}})},
        {"fagpersoner", "data/fagpersoner.csv", "CSV", "data.file.fagpersoner",
         with(csv_keys(false), {{"specialty", "text", "data.field.specialty"},
                                {"count", "number", "data.field.staff_count"},
                                {"note", "text", "data.field.note"}})},
        {"mal", "data/mal.csv", "CSV", "data.file.mal",
         with(csv_keys(false), {{"kind", "text", "data.field.goal_kind"},
                                {"title", "text", "data.field.goal_title"},
                                {"indicator", "text", "data.field.goal_indicator"},
                                {"target", "text", "data.field.goal_target"},
                                {"result", "text", "data.field.goal_result"},
                                {"met", "boolean", "data.field.goal_met"},
                                {"assessment", "text", "data.field.goal_assessment"}})},
    };
}

}  // namespace

const std::vector<DataFile>& open_data_files() {
    static const std::vector<DataFile> files = make_files();
    return files;
}

nlohmann::json open_data_page_data(const model::Content& content) {
    const std::string language = "nb";
    // The frame every page has (labels, site title, notice) as the index page gets it.
    nlohmann::json data = index_page_data(content);
    data.erase("services");
    data["lang"] = language;
    data["root"] = "../";
    data["page_title"] =
        messages::text("ui.open_data", language) + " – " + content.site.title.in(language);
    nlohmann::json files = nlohmann::json::array();
    for (const auto& file : open_data_files()) {
        const std::string name = file.path.substr(file.path.rfind('/') + 1);
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& field : file.fields) {
            fields.push_back({{"name", field.name},
                              {"type", messages::text("data.type." + field.type, language)},
                              {"description", messages::text(field.key, language)}});
        }
        files.push_back(
            {{"id", file.id},
             {"href", name},
             {"name", name},
             {"format", file.format},
             {"summary", messages::text(file.description_key, language)},
             {"caption", messages::text("ui.open_data_fields_caption", language, {name})},
             {"fields", fields}});
    }
    data["files"] = files;
    return data;
}

}  // namespace rv::render
