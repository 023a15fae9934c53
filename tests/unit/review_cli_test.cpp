// `rapportverk review`: the findings and the availability analysis as a reviewer reads
// them, on the bundled real content.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

Run review(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"review", RV_SOURCE_DIR "/content"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.code = rv::cli::run(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

const nlohmann::json& service(const nlohmann::json& doc, const std::string& slug) {
    for (const auto& s : doc.at("services")) {
        if (s.at("service") == slug) {
            return s;
        }
    }
    FAIL("no service " << slug);
    return doc;
}

}  // namespace

TEST_CASE("review: bone sarcoma 2023 shows each region's rate and the verdict") {
    const Run run = review({"--year", "2023", "--format", "json"});
    REQUIRE(run.code == 0);
    const auto doc = nlohmann::json::parse(run.out);
    CHECK(doc.at("services").size() == 9);
    const auto& sarcoma = service(doc, "bensarkom");
    const auto& availability = sarcoma.at("availability");
    CHECK(availability.at("total") == 42);
    CHECK(availability.at("method") == "exact");
    CHECK(availability.at("p_value").get<double>() == doctest::Approx(0.851).epsilon(0.001));
    CHECK(availability.at("verdict") == "too_few");
    // Helse Sør-Øst: 27 of 3 076 276 inhabitants (2022, the nearest year).
    const auto& first = availability.at("regions").at(0);
    CHECK(first.at("region") == "helse-sor-ost");
    CHECK(first.at("new_treated") == 27);
    CHECK(first.at("rate_per_100k").get<double>() ==
          doctest::Approx(27 * 100000.0 / 3076276).epsilon(1e-9));
    bool sums_met = false;
    for (const auto& finding : sarcoma.at("findings")) {
        if (finding.at("outcome") == "met" &&
            finding.at("evidence").dump().find("42") != std::string::npos) {
            sums_met = true;
        }
    }
    CHECK(sums_met);
}

TEST_CASE("review: the text report states the findings with their evidence, in bokmål") {
    const Run run = review({"--year", "2023", "--format", "text"});
    REQUIRE(run.code == 0);
    CHECK(run.out.find("Flerregional behandlingstjeneste for kirurgi ved bensarkom") !=
          std::string::npos);
    CHECK(run.out.find("p = 0,851") != std::string::npos);
    CHECK(run.out.find("Helse Sør-Øst: 27 pasienter, 0,88 per 100 000") != std::string::npos);
    // A field the service left out is cited with the service's own reason.
    CHECK(run.out.find("Ikke rapportert (dissemination_plan)") != std::string::npos);
}

TEST_CASE("review: English, and a span of years") {
    const Run run = review({"--year", "2023", "--span", "5", "--lang", "en", "--format", "text"});
    REQUIRE(run.code == 0);
    CHECK(run.out.find("Equal availability 2019–2023") != std::string::npos);
    CHECK(run.out.find("South-Eastern Norway Regional Health Authority: 27 patients") !=
          std::string::npos);
}

TEST_CASE("review: --year is required and checked") {
    CHECK(review({}).code == 2);
    CHECK(review({"--year", "23"}).code == 2);
    CHECK(review({"--year", "2023", "--span", "0"}).code == 2);
    const Run missing = review({"--year", "2023", "--format", "text"});
    CHECK(missing.code == 0);
}
