#pragma once
// Shared helper of the tests of a built site's files (site_xml_test.cpp, open_data_test.cpp):
// a build of a TempContent through `rapportverk build`, a second report year, and
// SOURCE_DATE_EPOCH set for one scope. Header-only, as fixture.hpp.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "fixture.hpp"

namespace rv::test {

namespace fs = std::filesystem;

inline const std::string base_url = "https://eksempel.example/";
inline const std::string report_json = "services/eksempeltjeneste/2023/report.json";

// Sets or unsets SOURCE_DATE_EPOCH for one scope and puts the previous value back.
class SourceDateEpoch {
  public:
    explicit SourceDateEpoch(const std::optional<std::string>& value) {
        if (const char* old = std::getenv("SOURCE_DATE_EPOCH")) {
            previous_ = old;
        }
        if (value) {
            ::setenv("SOURCE_DATE_EPOCH", value->c_str(), 1);
        } else {
            ::unsetenv("SOURCE_DATE_EPOCH");
        }
    }
    ~SourceDateEpoch() {
        if (previous_) {
            ::setenv("SOURCE_DATE_EPOCH", previous_->c_str(), 1);
        } else {
            ::unsetenv("SOURCE_DATE_EPOCH");
        }
    }
    SourceDateEpoch(const SourceDateEpoch&) = delete;
    SourceDateEpoch& operator=(const SourceDateEpoch&) = delete;

  private:
    std::optional<std::string> previous_;
};

// Builds `content` into a fresh folder beside it and returns that folder.
inline fs::path build(const TempContent& content, const std::string& name = "site") {
    const fs::path out = content.path().parent_path() / name;
    std::ostringstream out_text;
    std::ostringstream err_text;
    const int code =
        rv::cli::run({"build", content.path().string(), "--out", out.string()}, out_text, err_text);
    INFO(out_text.str() << err_text.str());
    REQUIRE(code == 0);
    return out;
}

// Adds a 2022 report, a copy of 2023 with the year changed.
inline void add_report_2022(const TempContent& content) {
    content.copy("services/eksempeltjeneste/2023", "services/eksempeltjeneste/2022");
    content.replace("services/eksempeltjeneste/2022/report.json", "\"year\": 2023",
                    "\"year\": 2022");
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace rv::test
