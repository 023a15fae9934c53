// data/rapporter.json: every figure of every report, one record per report; and the writer
// of all open data files.
#include "render/html/open_data.hpp"

#include <cmath>
#include <map>

#include "analyse/availability.hpp"
#include "messages/catalog.hpp"
#include "render/html/json_writer.hpp"
#include "render/html/site_url.hpp"
#include "render/html/template_data.hpp"
#include "render/staging.hpp"

namespace rv::render {

namespace {

// The file is written straight into text as nlohmann::ordered_json's dump(2) wrote it when
// each record was built as a tree first; the member order and value types below are the
// file's format, pinned by the references and the tests.

// A count as an integer, anything else as it was written.
void number(JsonWriter& json, double value) {
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
        json.integer(static_cast<long long>(value));
    } else {
        json.number(value);
    }
}

void number(JsonWriter& json, const std::optional<double>& value) {
    if (value) {
        number(json, *value);
    } else {
        json.null();
    }
}

void number(JsonWriter& json, const std::optional<model::Number>& value) {
    if (value) {
        number(json, value->value);
    } else {
        json.null();
    }
}

// An empty text as null.
void text(JsonWriter& json, const std::string& value) {
    if (value.empty()) {
        json.null();
    } else {
        json.string(value);
    }
}

void boolean(JsonWriter& json, const std::optional<bool>& value) {
    if (value) {
        json.boolean(*value);
    } else {
        json.null();
    }
}

// Texts every record looks up, found once per file rather than once per report.
class Names {
  public:
    explicit Names(const model::Content& content) : content_(content) {}

    const std::string& region(const std::string& id) {
        auto it = regions_.find(id);
        if (it == regions_.end()) {
            const model::Region* region = content_.find_region(id);
            it = regions_.emplace(id, region ? region->name.in("nb") : id).first;
        }
        return it->second;
    }

    const std::string& type(const std::string& type) {
        auto it = types_.find(type);
        if (it == types_.end()) {
            it = types_.emplace(type, messages::text("type." + type, "nb")).first;
        }
        return it->second;
    }

  private:
    const model::Content& content_;
    std::map<std::string, std::string, std::less<>> regions_;
    std::map<std::string, std::string, std::less<>> types_;
};

void patients_record(JsonWriter& json, Names& names, const model::Report& report,
                     const analyse::Availability& availability) {
    if (!report.patients) {
        json.null();
        return;
    }
    const model::Patients& patients = *report.patients;
    json.begin_object();
    json.key("regions");
    json.begin_array();
    for (const auto& row : availability.regions) {
        json.begin_object();
        json.key("region");
        json.string(row.region);
        json.key("region_name");
        json.string(names.region(row.region));
        json.key("new_treated");
        number(json, row.new_treated);
        json.key("new_not_treated");
        number(json, row.new_not_treated);
        json.key("population");
        if (row.population) {
            json.integer(static_cast<long long>(*row.population));
        } else {
            json.null();
        }
        json.key("population_year");
        if (row.population) {
            json.integer(row.population_year);
        } else {
            json.null();
        }
        json.key("population_source");
        if (row.population) {
            text(json, row.population_source);
        } else {
            json.null();
        }
        json.key("rate_per_100k");
        number(json, row.rate_per_100k);
        json.end_object();
    }
    json.end_array();
    std::optional<double> not_treated;
    for (const auto& count : patients.new_not_treated) {
        not_treated = not_treated.value_or(0) + count.count.value;
    }
    json.key("new_treated_total");
    number(json, availability.total_treated);
    json.key("new_not_treated_total");
    number(json, not_treated);
    json.key("total_treated");
    number(json, patients.total_treated);
    json.key("national_rate_per_100k");
    number(json, availability.national_rate_per_100k);
    json.key("by_host");
    json.begin_array();
    for (const auto& host : patients.by_host) {
        json.begin_object();
        json.key("trust");
        json.string(host.trust);
        json.key("new_treated");
        json.begin_array();
        for (const auto& count : host.new_treated) {
            json.begin_object();
            json.key("region");
            json.string(count.region);
            json.key("count");
            number(json, count.count.value);
            json.end_object();
        }
        json.end_array();
        json.key("total_treated");
        number(json, host.total_treated);
        json.end_object();
    }
    json.end_array();
    json.key("note");
    text(json, patients.note);
    json.end_object();
}

void reference_group_record(JsonWriter& json, const model::Report& report) {
    if (!report.reference_group) {
        json.null();
        return;
    }
    const model::ReferenceGroup& group = *report.reference_group;
    long long users = 0;
    for (const auto& member : group.members) {
        users += member.user_representative ? 1 : 0;
    }
    json.begin_object();
    json.key("members");
    json.integer(static_cast<long long>(group.members.size()));
    json.key("user_representatives");
    json.integer(users);
    json.key("meetings");
    number(json, group.meetings);
    json.key("approved_report");
    boolean(json, group.approved_report);
    json.end_object();
}

void research_record(JsonWriter& json, const model::Report& report) {
    if (!report.research) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("publications");
    number(json, report.research->publications);
    json.key("theses");
    number(json, report.research->theses);
    json.key("projects");
    number(json, report.research->projects);
    json.key("note");
    text(json, report.research->note);
    json.end_object();
}

void figure_records(JsonWriter& json, const model::Report& report) {
    json.key("activity");
    json.begin_array();
    for (const auto& figure : report.activity) {
        json.begin_object();
        json.key("label");
        json.string(figure.label);
        json.key("value");
        number(json, figure.value.value);
        json.key("unit");
        text(json, figure.unit);
        json.key("previous_year");
        number(json, figure.previous_year);
        json.key("note");
        text(json, figure.note);
        json.end_object();
    }
    json.end_array();
    json.key("staff");
    json.begin_array();
    for (const auto& entry : report.staff) {
        json.begin_object();
        json.key("specialty");
        json.string(entry.specialty);
        json.key("count");
        number(json, entry.count);
        json.key("note");
        text(json, entry.note);
        json.end_object();
    }
    json.end_array();
}

void goal_records(JsonWriter& json, const model::Report& report) {
    json.key("goals");
    json.begin_array();
    for (const auto& goal : report.goals) {
        json.begin_object();
        json.key("kind");
        text(json, goal.kind);
        json.key("title");
        json.string(goal.title);
        json.key("indicator");
        text(json, goal.indicator);
        json.key("target");
        text(json, goal.target);
        json.key("result");
        text(json, goal.result);
        json.key("met");
        boolean(json, goal.met);
        json.key("assessment");
        text(json, goal.assessment);
        json.end_object();
    }
    json.end_array();
}

void report_record(JsonWriter& json, Names& names, const model::Content& content,
                   const model::Service& service, const model::Report& report) {
    const analyse::Availability availability = analyse::availability(content, report);
    json.begin_object();
    json.key("service");
    json.string(service.slug);
    json.key("name");
    json.begin_object();
    json.key("nb");
    text(json, service.name.nb);
    json.key("nn");
    text(json, service.name.nn);
    json.key("en");
    text(json, service.name.en);
    json.end_object();
    json.key("short_name");
    text(json, service.short_name);
    json.key("type");
    json.string(service.type);
    json.key("type_name");
    json.string(names.type(service.type));
    json.key("year");
    json.integer(report.folder_year);
    json.key("language");
    json.string(report.language.empty() ? "nb" : report.language);
    json.key("url");
    json.string(page_url(content.site, report_path(service, report)));
    json.key("hosts");
    json.begin_array();
    for (const auto& host : service.hosts) {
        json.begin_object();
        json.key("trust");
        json.string(host.trust);
        json.key("region");
        text(json, host.region);
        json.key("unit");
        text(json, host.unit);
        json.end_object();
    }
    json.end_array();
    json.key("responsible_region");
    text(json, service.responsible_region);
    json.key("patients");
    patients_record(json, names, report, availability);
    figure_records(json, report);
    goal_records(json, report);
    json.key("research");
    research_record(json, report);
    json.key("reference_group");
    reference_group_record(json, report);
    json.key("not_reported");
    json.begin_array();
    for (const auto& entry : report.not_reported) {
        json.begin_object();
        json.key("key");
        json.string(entry.key);
        json.key("reason");
        json.string(entry.reason);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

void write_open_data_json(const model::Content& content, const std::filesystem::path& file) {
    // Written in pieces, never held whole: at national scale the file is tens of MB.
    constexpr std::size_t piece = std::size_t{1} << 16;
    StreamedFile out(file);
    std::string text;
    text.reserve(piece + piece / 2);
    Names names(content);
    JsonWriter json(text);
    json.begin_object();
    json.key("site_title");
    json.string(content.site.title.in("nb"));
    json.key("site_url");
    json.string(page_url(content.site, "index.html"));
    json.key("reports");
    json.begin_array();
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            report_record(json, names, content, service, report);
            if (text.size() >= piece) {
                out.write(text);
                text.clear();
            }
        }
    }
    json.end_array();
    json.end_object();
    text += '\n';
    out.write(text);
    out.close();
}

void write_open_data(const model::Content& content, const std::filesystem::path& out_dir) {
    for (const auto& file : open_data_files()) {
        if (file.format == "JSON") {
            write_open_data_json(content, out_dir / file.path);
        } else {
            write_file(out_dir / file.path, open_data_csv(content, file.id));
        }
    }
}

}  // namespace rv::render
