// The CSV files of the open data: one row per service × year × region (new patients), per
// activity figure, per specialty and per goal. RFC 4180, UTF-8, a header row of the
// column names in open_data_files(), numbers with a decimal point.
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "analyse/availability.hpp"
#include "render/html/open_data.hpp"

namespace rv::render {

namespace {

// A comma, quote or line break puts a field in quotes.
bool needs_quotes(std::string_view value) {
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            return true;
        }
    }
    return false;
}

// Appends one row field by field straight to the file's text (no vector of strings per row:
// the files have a row per figure of every report), and checks that it has as many fields as
// the header.
class CsvRow {
  public:
    CsvRow(std::string& out, const DataFile& file) : out_(out), file_(file) {}

    CsvRow& text(std::string_view value) {
        separate();
        if (!needs_quotes(value)) {
            out_ += value;
            return *this;
        }
        out_ += '"';
        for (std::size_t from = 0;;) {
            const std::size_t quote = value.find('"', from);
            if (quote == std::string_view::npos) {
                out_.append(value, from);
                break;
            }
            out_.append(value, from, quote + 1 - from);
            out_ += '"';  // a quote is written twice
            from = quote + 1;
        }
        out_ += '"';
        return *this;
    }

    CsvRow& integer(long long value) {
        separate();
        char buffer[24];
        out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
        return *this;
    }

    // Whole numbers without a decimal point; others in the shortest form that reads back the
    // same.
    CsvRow& number(double value) {
        if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
            return integer(static_cast<long long>(value));
        }
        separate();
        char buffer[64];
        out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
        return *this;
    }

    CsvRow& number(const std::optional<double>& value) { return value ? number(*value) : text(""); }

    CsvRow& number(const std::optional<model::Number>& value) {
        return value ? number(value->value) : text("");
    }

    void end() {
        if (fields_ != file_.fields.size()) {
            throw std::logic_error(file_.path + ": a row does not match the header");
        }
        out_ += "\r\n";
    }

  private:
    void separate() {
        if (fields_++ > 0) {
            out_ += ',';
        }
    }

    std::string& out_;
    const DataFile& file_;
    std::size_t fields_ = 0;
};

const DataFile& file_named(const std::string& id) {
    for (const auto& file : open_data_files()) {
        if (file.id == id) {
            return file;
        }
    }
    throw std::logic_error("no open data file " + id);
}

const std::string& region_name(const model::Content& content, const std::string& id) {
    static const std::string nb = "nb";
    const model::Region* region = content.find_region(id);
    return region ? region->name.in(nb) : id;
}

// The columns every row starts with (csv_keys in open_data_fields.cpp).
CsvRow row_of(std::string& out, const DataFile& file, const model::Service& service,
              const model::Report& report, bool with_type) {
    static const std::string nb = "nb";
    CsvRow row(out, file);
    row.text(service.slug).text(service.name.in(nb));
    if (with_type) {
        row.text(service.type);
    }
    row.integer(report.folder_year);
    return row;
}

void patient_rows(std::string& out, const DataFile& file, const model::Content& content,
                  const model::Service& service, const model::Report& report) {
    for (const auto& region : analyse::availability(content, report).regions) {
        CsvRow row = row_of(out, file, service, report, true);
        row.text(region.region)
            .text(region_name(content, region.region))
            .number(region.new_treated)
            .number(region.new_not_treated);
        if (region.population) {
            row.integer(*region.population).integer(region.population_year);
        } else {
            row.text("").text("");
        }
        row.number(region.rate_per_100k).end();
    }
}

void activity_rows(std::string& out, const DataFile& file, const model::Service& service,
                   const model::Report& report) {
    for (const auto& figure : report.activity) {
        row_of(out, file, service, report, false)
            .text(figure.label)
            .number(figure.value.value)
            .text(figure.unit)
            .number(figure.previous_year)
            .text(figure.note)
            .end();
    }
}

void staff_rows(std::string& out, const DataFile& file, const model::Service& service,
                const model::Report& report) {
    for (const auto& entry : report.staff) {
        row_of(out, file, service, report, false)
            .text(entry.specialty)
            .number(entry.count)
            .text(entry.note)
            .end();
    }
}

void goal_rows(std::string& out, const DataFile& file, const model::Service& service,
               const model::Report& report) {
    for (const auto& goal : report.goals) {
        row_of(out, file, service, report, false)
            .text(goal.kind)
            .text(goal.title)
            .text(goal.indicator)
            .text(goal.target)
            .text(goal.result)
            .text(goal.met ? (*goal.met ? "true" : "false") : "")
            .text(goal.assessment)
            .end();
    }
}

using Rows = void (*)(std::string&, const DataFile&, const model::Content&, const model::Service&,
                      const model::Report&);

Rows rows_of(const std::string& id) {
    if (id == "nye-pasienter") {
        return patient_rows;
    }
    if (id == "aktivitet") {
        return [](std::string& out, const DataFile& file, const model::Content&,
                  const model::Service& service,
                  const model::Report& report) { activity_rows(out, file, service, report); };
    }
    if (id == "fagpersoner") {
        return [](std::string& out, const DataFile& file, const model::Content&,
                  const model::Service& service,
                  const model::Report& report) { staff_rows(out, file, service, report); };
    }
    if (id == "mal") {
        return [](std::string& out, const DataFile& file, const model::Content&,
                  const model::Service& service,
                  const model::Report& report) { goal_rows(out, file, service, report); };
    }
    throw std::logic_error("no CSV rows for " + id);
}

}  // namespace

std::string open_data_csv(const model::Content& content, const std::string& id) {
    const DataFile& file = file_named(id);
    const Rows rows = rows_of(id);
    std::string out;
    CsvRow header(out, file);
    for (const auto& column : file.fields) {
        header.text(column.name);
    }
    header.end();
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            rows(out, file, content, service, report);
        }
    }
    return out;
}

}  // namespace rv::render
