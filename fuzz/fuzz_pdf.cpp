// Fuzz target: the print layout of arbitrary Markdown. The input is the text of one section
// of the minimal example's report, optionally preceded by a report.json and the split line
// (fuzz_base.hpp) whose figures then go into the tables. As `build` does, only content that
// passes the check is laid out: the whole report (line breaking, hyphenation, tables,
// pagination) is written as PDF bytes in memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_base.hpp"
#include "render/pdf/pdf_output.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const bool with_figures = input.find(rv::fuzz::kSplit) != std::string_view::npos;
    const rv::fuzz::Parts parts =
        with_figures ? rv::fuzz::split(input) : rv::fuzz::Parts{{}, input};
    rv::model::Diagnostics diagnostics;
    rv::model::Report report = rv::fuzz::fuzzed_report(parts, !with_figures, diagnostics);
    const rv::fuzz::ReportSwap swap(report);
    rv::fuzz::check_content(diagnostics);
    if (rv::model::has_errors(diagnostics, false)) {
        return 0;  // `build` stops here
    }
    const rv::pdf::PdfFile pdf = rv::pdf::report_pdf(
        rv::fuzz::base_content(), rv::fuzz::base_service(), rv::fuzz::base_report(), 0);
    if (pdf.bytes.rfind("%PDF-", 0) != 0 || pdf.bytes.find("%%EOF") == std::string::npos) {
        std::abort();
    }
    return 0;
}
