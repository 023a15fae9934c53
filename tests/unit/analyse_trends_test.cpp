// Trends: each figure across the years with the change from the previous year, from the
// previous report or the previous_year field, and mismatches between the two.
#include <doctest/doctest.h>

#include <string>

#include "analyse/trends.hpp"
#include "fixture.hpp"
#include "load/content_loader.hpp"

using namespace rv;

namespace {

const analyse::Trend* find_trend(const std::vector<analyse::Trend>& trends,
                                 const std::string& key) {
    for (const auto& t : trends) {
        if (t.key == key) {
            return &t;
        }
    }
    return nullptr;
}

const std::string kReport2022 = "services/eksempeltjeneste/2022/report.json";

// The minimal example with a 2022 report: 17 new patients, 21 operations.
void add_2022(const test::TempContent& content) {
    content.copy(test::kReportDir, "services/eksempeltjeneste/2022");
    content.replace(kReport2022, "\"year\": 2023", "\"year\": 2022");
    content.replace(kReport2022, "\"helse-sor-ost\": 12", "\"helse-sor-ost\": 7");
    content.replace(kReport2022, "\"value\": 25", "\"value\": 21");
}

std::vector<analyse::Trend> trends_of(const test::TempContent& content) {
    const auto loaded = load::load_content(content.path());
    REQUIRE(loaded.usable);
    const auto* service = loaded.content.find_service("eksempeltjeneste");
    REQUIRE(service);
    return analyse::trends(loaded.content, *service);
}

}  // namespace

TEST_CASE("trends: stem cell transplants 2023 against the previous_year field") {
    const auto loaded = load::load_content(RV_SOURCE_DIR "/content");
    const auto* service = loaded.content.find_service("allogen-stamcelletransplantasjon");
    REQUIRE(service);
    const auto all = analyse::trends(loaded.content, *service);
    const auto* t = find_trend(all, "activity:Allogene stamcelletransplantasjoner");
    REQUIRE(t);
    CHECK(t->unit == "transplantasjoner");
    REQUIRE(t->points.size() == 1);
    const auto& p = t->points[0];
    CHECK(p.year == 2023);
    CHECK(p.value == 147);
    CHECK(p.previous == 108);
    CHECK(p.previous_from_field);
    CHECK(p.change == 39);
    CHECK(p.change_percent == doctest::Approx(36.111111));  // 39 / 108
    CHECK(p.at.line > 0);
    // Figures the service does not report are not trends.
    CHECK_FALSE(find_trend(all, "patients.new_treated"));
}

TEST_CASE("trends: from one report to the next") {
    const test::TempContent content;
    add_2022(content);
    const auto all = trends_of(content);

    const auto* patients = find_trend(all, "patients.new_treated");
    REQUIRE(patients);
    REQUIRE(patients->points.size() == 2);
    CHECK(patients->points[0].value == 17);
    CHECK_FALSE(patients->points[0].previous);
    CHECK(patients->points[1].value == 22);
    CHECK(patients->points[1].previous == 17);
    CHECK_FALSE(patients->points[1].previous_from_field);
    CHECK(patients->points[1].change == 5);
    CHECK(patients->points[1].change_percent == doctest::Approx(500.0 / 17));

    const auto* sor_ost = find_trend(all, "patients.new_treated.helse-sor-ost");
    REQUIRE(sor_ost);
    CHECK(sor_ost->at_year(2023)->change == 5);
    CHECK(find_trend(all, "patients.new_treated.helse-nord")->at_year(2023)->change == 0);

    const auto* operations = find_trend(all, "activity:Operasjoner");
    REQUIRE(operations);
    CHECK(operations->at_year(2023)->previous == 21);
    CHECK(operations->mismatches.empty());  // 2023 says 21 the year before; 2022 says 21

    CHECK(find_trend(all, "staff")->at_year(2023)->value == 7);
    CHECK(find_trend(all, "research.publications")->at_year(2023)->change == 0);
    CHECK(find_trend(all, "reference_group.meetings")->at_year(2022)->value == 2);
}

TEST_CASE("trends: a previous_year that last year's report does not bear out") {
    const test::TempContent content;
    add_2022(content);
    content.replace(kReport2022, "\"value\": 21", "\"value\": 19");
    const auto all = trends_of(content);
    const auto* operations = find_trend(all, "activity:Operasjoner");
    REQUIRE(operations);
    REQUIRE(operations->mismatches.size() == 1);
    CHECK(operations->mismatches[0].year == 2023);
    CHECK(operations->mismatches[0].stated == 21);
    CHECK(operations->mismatches[0].reported == 19);
    // The change is from the report, not from the field.
    CHECK(operations->at_year(2023)->previous == 19);
    CHECK(operations->at_year(2023)->change == 6);
}

TEST_CASE("trends: a year with no report breaks the chain") {
    const test::TempContent content;
    content.copy(test::kReportDir, "services/eksempeltjeneste/2021");
    content.replace("services/eksempeltjeneste/2021/report.json", "\"year\": 2023",
                    "\"year\": 2021");
    const auto all = trends_of(content);
    const auto* patients = find_trend(all, "patients.new_treated");
    REQUIRE(patients->points.size() == 2);
    CHECK_FALSE(patients->at_year(2023)->previous);
    CHECK_FALSE(patients->at_year(2023)->change);
    // The activity figure falls back to its own previous_year.
    CHECK(find_trend(all, "activity:Operasjoner")->at_year(2023)->previous_from_field);
}
