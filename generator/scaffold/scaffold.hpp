#pragma once
// `rapportverk new`: the files of a new report year, made from the form and last year's
// facts. Returns the files to write; the command line writes them.
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::scaffold {

struct NewFile {
    std::string name;  // relative to the new year folder
    std::string contents;
};

struct Plan {
    std::string error;  // catalogue key when the report cannot be made
    std::vector<NewFile> files;
    int sections = 0;
};

Plan plan_report(const model::Content& content, const std::string& slug, int year);

}  // namespace rv::scaffold
