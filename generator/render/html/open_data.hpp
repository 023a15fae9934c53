#pragma once
// Open data: every figure of every report as JSON (data/rapporter.json) and CSV
// (data/nye-pasienter.csv, data/aktivitet.csv, data/fagpersoner.csv, data/mal.csv), and
// the data of the page (data/index.html) that describes every field of every file.
// One list of fields (open_data_files) gives both the CSV headers and the page, so the
// two cannot disagree.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/content.hpp"

namespace rv::render {

struct DataField {
    std::string name;  // a CSV column, or a JSON path: "reports[].patients.regions[].region"
    std::string
        type;         // text, integer, number, boolean, list, object (data.type.* in the catalogue)
    std::string key;  // the catalogue key of its description
};

struct DataFile {
    std::string id;      // "nye-pasienter": the file name without extension, an id on the page
    std::string path;    // relative to the site root: "data/nye-pasienter.csv"
    std::string format;  // "JSON" or "CSV"
    std::string description_key;  // catalogue key of what the file holds
    std::vector<DataField> fields;
};

// The open data files in the order the page lists them.
const std::vector<DataFile>& open_data_files();

// The page data/index.html, relative to the site root.
inline const std::string open_data_page_path = "data/index.html";

// The data of the page that lists the files and describes their fields (template
// "opendata").
nlohmann::json open_data_page_data(const model::Content& content);

// data/rapporter.json: {"site_title", "site_url", "reports": [one record per report]},
// written to `file` record by record.
void write_open_data_json(const model::Content& content, const std::filesystem::path& file);

// The CSV file `id` of open_data_files() (RFC 4180: CRLF line ends, fields with a comma,
// quote or line break in double quotes, UTF-8, numbers with a decimal point).
std::string open_data_csv(const model::Content& content, const std::string& id);

// Writes every file of open_data_files() under out_dir. Throws
// std::filesystem::filesystem_error.
void write_open_data(const model::Content& content, const std::filesystem::path& out_dir);

}  // namespace rv::render
