// Fuzz target: the whole check of one report folder, in memory. The input is report.json,
// optionally followed by the split line and the Markdown of a section (fuzz_base.hpp); it
// replaces the minimal example's report, which is then loaded (syntax, duplicate keys,
// schema, model), checked against the form and the rules, measured (LIX), and every
// finding is formatted as `check` prints it, in both languages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "cli/report_output.hpp"
#include "fuzz_base.hpp"
#include "messages/catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const rv::fuzz::Parts parts = rv::fuzz::split({reinterpret_cast<const char*>(data), size});
    rv::model::Diagnostics diagnostics;
    rv::model::Report report = rv::fuzz::fuzzed_report(parts, false, diagnostics);
    const rv::fuzz::ReportSwap swap(report);
    rv::fuzz::check_content(diagnostics);
    rv::cli::sort_diagnostics(diagnostics);
    for (const auto& diagnostic : diagnostics) {
        for (const char* language : {"nb", "en"}) {
            if (rv::messages::format(diagnostic, language).empty()) {
                std::abort();
            }
        }
    }
    return 0;
}
