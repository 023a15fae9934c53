#pragma once
// Shared by the fuzz targets: the minimal example (examples/minimal), loaded once, whose one
// report a target replaces with what the fuzzer wrote; and the split of one fuzz input into
// report.json and a section file.
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "analyse/lix.hpp"
#include "load/content_loader.hpp"
#include "load/loaded_json.hpp"
#include "load/report_reader.hpp"
#include "model/content.hpp"
#include "validate/validator.hpp"

namespace rv::fuzz {

// Separates report.json from the section's Markdown in one input (also in the
// dictionary, fuzz/check.dict). Without it, the whole input is report.json.
inline constexpr std::string_view kSplit = "\n-----8<-----\n";

// The section the fuzzed Markdown stands in for: a plain-language one (LIX is measured).
inline constexpr const char* kSectionId = "kort-fortalt";

struct Parts {
    std::string_view json;
    std::string_view markdown;
};

inline Parts split(std::string_view input) {
    const auto at = input.find(kSplit);
    if (at == std::string_view::npos) {
        return {input, {}};
    }
    return {input.substr(0, at), input.substr(at + kSplit.size())};
}

// The minimal example, loaded once; aborts when it cannot be (a broken setup, not a find).
inline model::Content& base_content() {
    static model::Content content = [] {
        load::LoadResult loaded = load::load_content(RV_SOURCE_DIR "/examples/minimal");
        if (!loaded.usable || loaded.content.services.size() != 1 ||
            loaded.content.services.front().reports.size() != 1) {
            std::abort();
        }
        return std::move(loaded.content);
    }();
    return content;
}

inline model::Service& base_service() {
    return base_content().services.front();
}

inline model::Report& base_report() {
    return base_service().reports.front();
}

// Puts `report` in place of the example's report while it lives, then puts the example back.
class ReportSwap {
  public:
    explicit ReportSwap(model::Report& report) : report_(report) {
        std::swap(base_report(), report_);
    }
    ~ReportSwap() { std::swap(base_report(), report_); }
    ReportSwap(const ReportSwap&) = delete;
    ReportSwap& operator=(const ReportSwap&) = delete;

  private:
    model::Report& report_;
};

// The example's report with report.json read from `parts.json` (unless `keep_figures`) and
// the section kSectionId read from `parts.markdown`; what cannot be read is in `diagnostics`.
inline model::Report fuzzed_report(const Parts& parts, bool keep_figures,
                                   model::Diagnostics& diagnostics) {
    static const load::SchemaValidator validator;
    const model::Report& example = base_report();
    model::Report report;
    if (keep_figures) {
        report = example;
        report.sections.clear();
    } else {
        report.dir = example.dir;
        report.file = example.file;
        report.folder_year = example.folder_year;
        report.has_file = true;
        load::read_report(load::load_json_text(parts.json, report.file, "report.schema.json",
                                               validator, diagnostics),
                          report);
    }
    // The example's other sections stay; the fuzzed one takes the place of kSectionId.
    for (const auto& section : example.sections) {
        if (section.id != kSectionId) {
            report.sections.push_back(section);
        }
    }
    report.sections.push_back(load::load_section_text(
        parts.markdown, report.dir + "/" + kSectionId + ".md", kSectionId, diagnostics));
    return report;
}

// What `check` adds to the loader's findings, for the content with the fuzzed report.
inline void check_content(model::Diagnostics& diagnostics) {
    auto findings = validate::validate(base_content());
    diagnostics.insert(diagnostics.end(), findings.begin(), findings.end());
    auto readability = analyse::readability_warnings(base_content());
    diagnostics.insert(diagnostics.end(), readability.begin(), readability.end());
}

}  // namespace rv::fuzz
