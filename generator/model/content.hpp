#pragma once
// The content tree as plain data: site, regions, forms, services and their reports.
// Filled by generator/load, read by validate, analyse and render. Depends on nothing.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/image.hpp"
#include "model/markdown.hpp"
#include "model/source_location.hpp"

namespace rv::model {

// Text in bokmål, nynorsk and English; any may be empty.
struct LocalizedText {
    std::string nb;
    std::string nn;
    std::string en;

    // The text in `language`, falling back to bokmål, then to any language given.
    const std::string& in(const std::string& language) const;
    bool empty() const { return nb.empty() && nn.empty() && en.empty(); }
};

struct PopulationFigure {
    int year = 0;
    std::int64_t count = 0;
    std::string date;
    std::string source;
};

struct County {
    std::string name;
    std::optional<PopulationFigure> population;
};

struct Region {
    std::string id;
    LocalizedText name;
    std::vector<County> counties;
    std::vector<PopulationFigure> population;
    SourceLocation at;
};

struct Site {
    LocalizedText title;
    LocalizedText description;
    LocalizedText publisher;
    LocalizedText example_notice;
    std::string base_url;
    std::vector<std::string> languages;
    int default_year = 0;
    bool example_content = false;
    SourceLocation at;
};

enum class Audience { professionals, patients, both };

// Whether a section or field is required: for every type of the form, or for some.
struct Requirement {
    bool all = false;
    std::vector<std::string> types;

    bool applies_to(const std::string& service_type) const;
};

struct FormSection {
    std::string id;
    LocalizedText title;
    LocalizedText guidance;
    Audience audience = Audience::both;
    Requirement required;
    int from_year = 0;  // 0: no bound
    int to_year = 0;
    std::optional<double> lix_max;

    bool in_year(int year) const;
    bool required_for(const std::string& service_type, int year) const;
};

struct FormField {
    std::string path;  // dotted: patients.new_treated
    LocalizedText title;
    LocalizedText guidance;
    Requirement required;
    int from_year = 0;
    int to_year = 0;

    bool in_year(int year) const;
    bool required_for(const std::string& service_type, int year) const;
};

struct Form {
    std::string id;
    LocalizedText title;
    std::vector<std::string> applies_to;
    std::vector<FormSection> sections;
    std::vector<FormField> fields;
    SourceLocation at;
    std::string file;
    PositionMap positions;  // every value of the form's file

    const FormSection* find_section(const std::string& id) const;
    const FormField* find_field(const std::string& path) const;
    // The title of the section or field a not_reported key names, in `language`; the key
    // itself when the form has neither.
    std::string title_of(const std::string& key, const std::string& language) const;
};

// A number as written in the file, with where; counts are checked to be whole and >= 0.
struct Number {
    double value = 0;
    SourceLocation at;
};

struct RegionCount {
    std::string region;
    Number count;
};

// The count given for `region`, if any.
std::optional<double> count_for(const std::vector<RegionCount>& counts, const std::string& region);

struct HostPatients {
    std::string trust;
    std::vector<RegionCount> new_treated;
    std::optional<Number> total_treated;
    SourceLocation at;
};

struct Patients {
    std::vector<RegionCount> new_treated;
    std::vector<RegionCount> new_not_treated;
    std::optional<Number> total_treated;
    std::vector<HostPatients> by_host;
    std::string note;
    SourceLocation at;
};

struct ActivityFigure {
    std::string label;
    std::string unit;
    std::string note;
    Number value;
    std::optional<Number> previous_year;
    SourceLocation at;
};

struct StaffEntry {
    std::string specialty;
    std::optional<Number> count;
    std::string note;
    SourceLocation at;
};

struct Goal {
    std::string kind;  // "quality" or "result"
    std::string title;
    std::string indicator;
    std::string target;
    std::string result;
    std::string assessment;
    std::optional<bool> met;
    SourceLocation at;
};

struct Registry {
    std::string name;
    std::string kind;
    std::string url;
};

struct Accreditation {
    std::string name;
    std::string holder;
    std::string status;  // accredited, in-progress, planned
};

struct Research {
    std::optional<Number> publications;
    std::optional<Number> theses;
    std::optional<Number> projects;
    std::string note;
};

struct DisseminationPlan {
    bool exists = false;
    std::optional<bool> made_with_reference_group;
    std::string summary;
};

struct ReferenceGroupMember {
    std::string name;
    std::string role;
    std::string region;
    bool user_representative = false;
    bool from_service = false;
    SourceLocation at;
    SourceLocation region_at;
};

struct ReferenceGroup {
    std::vector<ReferenceGroupMember> members;
    std::optional<Number> meetings;
    std::optional<bool> approved_report;
};

// A required section or field the service leaves out, with its published reason.
struct NotReported {
    std::string key;  // section id or dotted field path
    std::string reason;
    SourceLocation at;
};

// One narrative section: the Markdown file <section-id>.md of a report.
struct Section {
    std::string id;
    std::string file;
    MarkdownNode document;
    bool readable = true;      // false when the file could not be read (RV003, RV004)
    bool has_content = false;  // false when empty or only comments (guidance)
};

struct Report {
    std::string dir;         // the year folder
    std::string file;        // report.json
    std::string schema_ref;  // its "$schema", kept for the next year's scaffold
    int folder_year = 0;
    bool has_file = false;     // report.json exists
    bool data_loaded = false;  // report.json was read and parsed

    std::string service;
    int year = 0;
    std::string language = "nb";
    std::optional<Patients> patients;
    std::vector<ActivityFigure> activity;
    std::vector<StaffEntry> staff;
    std::vector<Goal> goals;
    std::vector<Registry> registries;
    std::vector<Accreditation> accreditations;
    std::optional<Research> research;
    std::optional<DisseminationPlan> dissemination_plan;
    std::optional<ReferenceGroup> reference_group;
    std::vector<NotReported> not_reported;
    std::vector<std::string> sources;
    std::vector<std::string> section_files;  // its <section-id>.md files, in name order
    std::vector<Section> sections;  // read from section_files; the form gives the reading order
    Images images;                  // the local images its sections show, read with them
    PositionMap positions;          // every value of report.json

    const Section* find_section(const std::string& id) const;
    const NotReported* find_not_reported(const std::string& key) const;
};

struct Host {
    std::string trust;
    std::string region;
    std::string unit;
    SourceLocation at;
    SourceLocation region_at;
};

struct Contact {
    std::string unit;
    std::string email;
    std::string phone;
    std::string address;
};

struct Competence {
    std::string function;  // opplaering or kompetanseoppbygging
    int term_years = 0;
    std::string term_start;
    std::string term_end;
};

struct Service {
    std::string slug;  // folder name
    std::string dir;
    std::string file;  // service.json
    bool data_loaded = false;

    std::string id;
    LocalizedText name;
    std::string short_name;
    std::string type;
    std::vector<Host> hosts;
    std::string responsible_region;
    std::string established;
    std::string approved;
    std::vector<std::string> icd10;
    LocalizedText description;
    Contact contact;
    std::string website;
    std::optional<Competence> competence;
    std::vector<NotReported> not_reported;
    std::vector<std::string> sources;
    PositionMap positions;
    std::vector<Report> reports;  // ascending by year
};

// The rule of a review criterion: one kind from the vocabulary that analyse/criteria
// implements (schemas/criteria.schema.json documents each), with its parameters.
struct CriterionRule {
    std::string kind;  // section_present, field_true, field_present, min_per_item, …
    std::string section;
    std::string field;  // dotted report.json path
    std::string item_value;
    std::string item_label;
    std::optional<double> min;
    std::optional<double> max;
    double p_min = 0.05;
    int span = 1;
    bool user_representative = false;
    int min_meetings = 0;
    int approved_report_before = 0;  // 0: no approval required
    std::string goal_kind;
    bool require_target_and_result = false;
};

// One review criterion of content/criteria.json.
struct Criterion {
    std::string id;
    LocalizedText title;
    LocalizedText guidance;
    std::vector<std::string> service_types;  // empty: every type
    std::string severity;                    // deviation or remark
    CriterionRule rule;
    SourceLocation at;

    bool applies_to(const std::string& service_type) const {
        return service_types.empty() || std::find(service_types.begin(), service_types.end(),
                                                  service_type) != service_types.end();
    }
};

// The reviewer's own text on one service's year: reviews/<year>/<slug>.md. Only the review
// documents show it; it is never part of the public site.
struct ReviewText {
    int year = 0;
    std::string service;  // the file name without ".md": a service's slug
    Section text;         // the Markdown; text.has_content is false when empty or only comments
};

// Sections (.md) and data files (.json) become pages, not files of the site: they are not
// copied to it, and a link to one leads nowhere.
bool is_source_file(const std::string& path);

// A theme folder's files over the default theme: templates/*.mustache, assets/**, and
// messages.json's page texts (ui.* keys of the catalogue) in place of the catalogue's.
struct ThemeOverride {
    std::string dir;
    std::map<std::string, std::string> files;  // "templates/report.mustache" → its text
    std::map<std::string, LocalizedText> texts;
    PositionMap text_positions;  // of messages.json, by JSON pointer ("/ui.home")
    std::string texts_file;
};

struct Content {
    std::string root;
    Site site;
    std::vector<Region> regions;
    std::vector<Form> forms;
    std::vector<Service> services;    // ascending by slug
    std::vector<Criterion> criteria;  // content/criteria.json; empty when there is none
    std::set<std::string> files;      // every file under services/: root-relative, '/'-separated
    std::vector<ReviewText> reviews;  // reviews/<year>/<slug>.md, by year, then slug
    // Theme folders over the default theme, the last winning: --theme DIR, then theme/.
    std::vector<ThemeOverride> themes;

    const Region* find_region(const std::string& id) const;
    const Form* form_for(const std::string& service_type) const;
    const Service* find_service(const std::string& slug) const;
    // The reviewer's text on `slug` for `year`; null when there is none.
    const ReviewText* find_review(int year, const std::string& slug) const;
};

}  // namespace rv::model
