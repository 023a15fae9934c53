// Equal availability: the bone sarcoma service's 2023 figures against the 2022 populations
// in content/regions.json (known answers computed by hand below), pooling over years,
// and each verdict on a copy of examples/minimal with chosen counts.
#include <doctest/doctest.h>

#include <string>

#include "analyse/equal_availability.hpp"
#include "fixture.hpp"
#include "load/content_loader.hpp"

using namespace rv;
using rv::analyse::AvailabilityVerdict;
using rv::analyse::FitMethod;

namespace {

const analyse::RegionRow& row(const analyse::AvailabilityAnalysis& a, const std::string& id) {
    for (const auto& r : a.regions) {
        if (r.region == id) {
            return r;
        }
    }
    FAIL("no row for " << id);
    return a.regions.front();
}

analyse::AvailabilityAnalysis analyse_minimal(const test::TempContent& content, int year,
                                              int span = 1) {
    const auto loaded = load::load_content(content.path());
    REQUIRE(loaded.usable);
    const auto* service = loaded.content.find_service("eksempeltjeneste");
    REQUIRE(service);
    analyse::AvailabilityOptions options;
    options.span = span;
    return analyse::analyse_availability(loaded.content, *service, year, options);
}

// Sets the minimal example's new patients per region (and the total, to keep it valid).
void set_counts(const test::TempContent& content, const std::string& report, int sor_ost, int vest,
                int midt, int nord) {
    std::string text = content.read(report);
    const auto from = text.find("\"new_treated\"");
    const auto to = text.find('}', from);
    REQUIRE(from != std::string::npos);
    text.replace(from, to - from + 1,
                 "\"new_treated\": { \"helse-sor-ost\": " + std::to_string(sor_ost) +
                     ", \"helse-vest\": " + std::to_string(vest) + ", \"helse-midt-norge\": " +
                     std::to_string(midt) + ", \"helse-nord\": " + std::to_string(nord) + " }");
    const auto total = text.find("\"total_treated\": 22");
    REQUIRE(total != std::string::npos);
    text.replace(total, 19, "\"total_treated\": " + std::to_string(sor_ost + vest + midt + nord));
    content.write(report, text);
}

}  // namespace

TEST_CASE("availability: bone sarcoma 2023 against the 2022 populations") {
    const auto loaded = load::load_content(RV_SOURCE_DIR "/content");
    REQUIRE(loaded.usable);
    const auto* service = loaded.content.find_service("bensarkom");
    REQUIRE(service);
    const auto a = analyse::analyse_availability(loaded.content, *service, 2023);

    CHECK(a.years == std::vector<int>{2023});
    CHECK(a.gaps.empty());
    CHECK(a.total == 42);
    CHECK(a.person_years == 5425270);
    CHECK(a.nearest_population);  // 2023 has no regional figures: 2022 is used, and said
    // National rate: 42 / 5 425 270 × 100 000 = 0.774155…
    CHECK(a.national_rate_per_100k == doctest::Approx(0.7741549));

    const auto& vest = row(a, "helse-vest");
    CHECK(vest.new_treated == 8);
    REQUIRE(vest.populations.size() == 1);
    CHECK(vest.populations[0].population_year == 2022);
    CHECK_FALSE(vest.populations[0].exact_year);
    CHECK(vest.populations[0].count == 1127089);
    // 8 / 1 127 089 × 100 000 = 0.70979…; share 8/42 = 0.190476 of a population share
    // 1 127 089 / 5 425 270 = 0.207748: ratio 0.91687.
    CHECK(vest.rate_per_100k == doctest::Approx(0.7097891));
    CHECK(vest.patient_share == doctest::Approx(0.1904762));
    CHECK(vest.population_share == doctest::Approx(0.2077498));
    CHECK(vest.ratio_to_national == doctest::Approx(0.9168615));
    CHECK(vest.expected == doctest::Approx(8.7254161));

    const auto& sor_ost = row(a, "helse-sor-ost");
    CHECK(sor_ost.rate_per_100k == doctest::Approx(27e5 / 3076276));  // 0.87769
    const auto& midt = row(a, "helse-midt-norge");
    CHECK(midt.rate_per_100k == doctest::Approx(4e5 / 739979));  // 0.54056
    const auto& nord = row(a, "helse-nord");
    CHECK(nord.rate_per_100k == doctest::Approx(3e5 / 481926));  // 0.62250
    CHECK(nord.expected == doctest::Approx(3.7308543));

    CHECK(a.highest_region == "helse-sor-ost");
    CHECK(a.lowest_region == "helse-midt-norge");
    CHECK(a.test.method == FitMethod::exact);
    CHECK(a.test.p_value == doctest::Approx(0.8510018534).epsilon(1e-8));
    // No departure beyond chance, but Helse Nord expects 3.7 patients: too few to conclude.
    CHECK(a.verdict == AvailabilityVerdict::too_few);
    CHECK(a.verdict_key() == "availability.verdict.too_few");
}

TEST_CASE("availability: a service without patients per region has no data, and says why") {
    const auto loaded = load::load_content(RV_SOURCE_DIR "/content");
    const auto* service = loaded.content.find_service("hipec");
    REQUIRE(service);
    const auto a = analyse::analyse_availability(loaded.content, *service, 2023);
    CHECK(a.verdict == AvailabilityVerdict::no_data);
    CHECK(a.years.empty());
    REQUIRE(a.gaps.size() == 1);
    CHECK(a.gaps[0].reason == "not_reported");
    CHECK(a.gaps[0].text.find("oppgir ikke tall") != std::string::npos);
    CHECK(a.gaps[0].at.line > 0);
}

TEST_CASE("availability: pooled over years, with the years that give no figures") {
    const test::TempContent content;
    content.copy(test::kReportDir, "services/eksempeltjeneste/2022");
    const std::string report_2022 = "services/eksempeltjeneste/2022/report.json";
    content.replace(report_2022, "\"year\": 2023", "\"year\": 2022");
    set_counts(content, report_2022, 10, 4, 2, 1);

    const auto a = analyse_minimal(content, 2023, 3);
    CHECK(a.first_year == 2021);
    CHECK(a.years == std::vector<int>{2022, 2023});
    REQUIRE(a.gaps.size() == 1);
    CHECK(a.gaps[0].year == 2021);
    CHECK(a.gaps[0].reason == "no_report");
    CHECK(a.total == 22 + 17);
    CHECK(a.person_years == 2.0 * 5425270);
    const auto& sor_ost = row(a, "helse-sor-ost");
    CHECK(sor_ost.new_treated == 22);
    CHECK(sor_ost.populations.size() == 2);
    CHECK(sor_ost.populations[0].exact_year);  // 2022 has its own figure
    CHECK_FALSE(sor_ost.populations[1].exact_year);
    // Per year: 22 patients over two years of 3 076 276 inhabitants.
    CHECK(sor_ost.rate_per_100k == doctest::Approx(22e5 / (2.0 * 3076276)));
    CHECK(sor_ost.new_not_treated == 2);  // 1 in each year
    CHECK(row(a, "helse-nord").new_not_treated == 0);
}

TEST_CASE("availability: verdicts") {
    const test::TempContent content;
    SUBCASE("skewed towards one region: departs") {
        set_counts(content, test::kReport, 90, 2, 2, 2);
        const auto a = analyse_minimal(content, 2023);
        CHECK(a.verdict == AvailabilityVerdict::departs);
        CHECK(a.test.p_value < 0.001);
        CHECK(a.highest_region == "helse-sor-ost");
    }
    SUBCASE("in proportion to the population, with enough patients: consistent") {
        set_counts(content, test::kReport, 57, 21, 14, 9);
        const auto a = analyse_minimal(content, 2023);
        CHECK(a.test.min_expected >= 5);
        CHECK(a.test.p_value > 0.5);
        CHECK(a.verdict == AvailabilityVerdict::consistent);
    }
    SUBCASE("few patients: too few to conclude") {
        const auto a = analyse_minimal(content, 2023);  // 12, 5, 3, 2
        CHECK(a.verdict == AvailabilityVerdict::too_few);
    }
    SUBCASE("no patients at all: too few") {
        set_counts(content, test::kReport, 0, 0, 0, 0);
        CHECK(analyse_minimal(content, 2023).verdict == AvailabilityVerdict::too_few);
    }
    SUBCASE("no report for the year: no data") {
        const auto a = analyse_minimal(content, 2019);
        CHECK(a.verdict == AvailabilityVerdict::no_data);
        REQUIRE(a.gaps.size() == 1);
        CHECK(a.gaps[0].reason == "no_report");
    }
}
