// The fuzz targets (fuzz/, libFuzzer under clang) compiled into the tests as plain functions:
// every saved finding in tests/fuzz-regressions/ and one seed per target run through them on
// each test run, under GCC's ASan and UBSan. A target stops the process (abort) on a broken
// invariant, so a failure here is a crash with the target's message.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "fixture.hpp"
#include "messages/formatting.hpp"

#define LLVMFuzzerTestOneInput rv_fuzz_json
#include "../../fuzz/fuzz_json.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rv_fuzz_markdown
#include "../../fuzz/fuzz_markdown.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rv_fuzz_check
#include "../../fuzz/fuzz_check.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rv_fuzz_pdf
#include "../../fuzz/fuzz_pdf.cpp"
#undef LLVMFuzzerTestOneInput

namespace fs = std::filesystem;

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

const std::map<std::string, Target>& targets() {
    static const std::map<std::string, Target> all = {{"json", rv_fuzz_json},
                                                      {"markdown", rv_fuzz_markdown},
                                                      {"check", rv_fuzz_check},
                                                      {"pdf", rv_fuzz_pdf}};
    return all;
}

int feed(const std::string& target, const std::string& input) {
    return targets().at(target)(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

const fs::path example =
    fs::path(RV_SOURCE_DIR) / "examples/minimal/services/eksempeltjeneste/2023";

}  // namespace

TEST_CASE("fuzz regressions: every saved finding runs clean through its target") {
    int replayed = 0;
    for (const auto& entry :
         fs::directory_iterator(fs::path(RV_SOURCE_DIR) / "tests/fuzz-regressions")) {
        const std::string name = entry.path().filename().string();
        const auto dash = name.find('-');
        if (dash == std::string::npos || !targets().contains(name.substr(0, dash))) {
            continue;  // README.md
        }
        CAPTURE(name);
        CHECK(feed(name.substr(0, dash), rv::test::read_file(entry.path())) == 0);
        ++replayed;
    }
    CHECK(replayed >= 1);
}

TEST_CASE("fuzz regressions: each target runs on a seed from the example") {
    const std::string report = rv::test::read_file(example / "report.json");
    const std::string section = rv::test::read_file(example / "kort-fortalt.md");
    const std::string both = report + std::string(rv::fuzz::kSplit) + section;
    CHECK(feed("json", report) == 0);
    CHECK(feed("markdown", section) == 0);
    CHECK(feed("check", both) == 0);
    CHECK(feed("pdf", section) == 0);
    CHECK(feed("pdf", both) == 0);
    // Inputs that are not what the target expects at all.
    for (const auto& [name, target] : targets()) {
        CAPTURE(name);
        CHECK(feed(name, "") == 0);
        CHECK(feed(name, std::string("\0\xff\xfe{[<", 7)) == 0);
    }
}

TEST_CASE("format_count: figures of any size are written out, not recursed on") {
    using rv::messages::format_count;
    using rv::messages::format_decimal;
    const std::string nbsp = "\u00a0";
    CHECK(format_count(999999999999999) ==
          "999" + nbsp + "999" + nbsp + "999" + nbsp + "999" + nbsp + "999");
    CHECK(format_count(1e15) ==
          "1" + nbsp + "000" + nbsp + "000" + nbsp + "000" + nbsp + "000" + nbsp + "000,0");
    CHECK(format_count(-1e15).rfind("−1" + nbsp + "000", 0) == 0);
    const std::string huge = format_count(1e300);
    CHECK(huge.rfind("1" + nbsp + "000", 0) == 0);
    CHECK(huge.size() > 300);
    CHECK(format_decimal(1.7976931348623157e308, 1).size() > 400);
    CHECK(format_decimal(1234.56, 1) == "1234,6");
    CHECK(format_count(12345) == "12" + nbsp + "345");
}
