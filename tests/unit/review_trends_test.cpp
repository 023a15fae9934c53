// The review PDF's trends section: each figure across the years with the change from the
// year before, read back with pdftotext from `rapportverk review` on examples/minimal with
// a second year.
#include <doctest/doctest.h>

#include <string>

#include "site_files_fixture.hpp"

namespace {

using rv::test::TempContent;

// The text without any white space (pdftotext breaks lines and columns as it likes).
std::string squeezed(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;  // no-break space
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '-') {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

TEST_CASE("review: the trends section gives each figure per year with the change") {
    const TempContent content;
    rv::test::add_report_2022(content);
    const std::string report_2022 = "services/eksempeltjeneste/2022/report.json";
    content.replace(report_2022, "\"helse-vest\": 5", "\"helse-vest\": 2");
    content.replace(report_2022, "\"total_treated\": 22", "\"total_treated\": 19");
    const auto out = content.base() / "review";
    const auto run = rv::test::run_cli(
        {"review", content.path().string(), "--year", "2023", "--out", out.string()});
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);
    const std::string text = squeezed(
        rv::test::shell("pdftotext " + (out / "2023/eksempeltjeneste.pdf").string() + " -"));
    CHECK(text.find("Utviklingoverår") != std::string::npos);
    CHECK(text.find("Nyepasienterbehandletperår") != std::string::npos);
    // 19 in 2022, 22 in 2023: +3, that is +15,8 % (3 / 19).
    CHECK(text.find("202219") != std::string::npos);
    CHECK(text.find("20232219+3(+15,8%)") != std::string::npos);
    CHECK(text.find("bareénårsrapport") == std::string::npos);  // two years here
}
