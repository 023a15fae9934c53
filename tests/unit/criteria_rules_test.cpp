// Review criteria: each rule kind on a report that meets it and one that does not, with
// the shipped content/criteria.json on a copy of examples/minimal; the bone sarcoma
// service's findings; and every evidence text in the catalogue.
#include <doctest/doctest.h>

#include <string>

#include "analyse/criteria.hpp"
#include "fixture.hpp"
#include "load/content_loader.hpp"
#include "messages/catalog.hpp"

using namespace rv;
using analyse::Outcome;

namespace {

struct Evaluated {
    load::LoadResult loaded;
    std::vector<analyse::Finding> findings;

    const analyse::Finding& operator[](const std::string& id) const {
        for (const auto& f : findings) {
            if (f.criterion == id) {
                return f;
            }
        }
        FAIL("no finding " << id);
        return findings.front();
    }
};

// The minimal example with the shipped criteria.
struct Case {
    test::TempContent content;
    Case() {
        content.write("criteria.json", test::read_file(RV_SOURCE_DIR "/content/criteria.json"));
    }
    Evaluated evaluate(int year = 2023) const {
        Evaluated out{load::load_content(content.path()), {}};
        REQUIRE(out.loaded.usable);
        REQUIRE(out.loaded.content.criteria.size() == 10);
        const auto* service = out.loaded.content.find_service("eksempeltjeneste");
        REQUIRE(service);
        out.findings = analyse::evaluate_criteria(out.loaded.content, *service, year);
        return out;
    }
};

bool has_evidence(const analyse::Finding& f, const std::string& key) {
    for (const auto& e : f.evidence) {
        if (e.key == key) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("criteria: the minimal example meets the documentation criteria") {
    const Case c;
    const auto e = c.evaluate();
    CHECK(e.findings.size() == 10);  // all apply to a treatment service
    for (const char* id : {"henvisningskriterier", "tre-fagpersoner", "regionale-tall",
                           "plan-for-kompetansespredning", "resultatmal", "kvalitetsmal",
                           "referansegruppe", "pasientinformasjon"}) {
        INFO(id);
        CHECK(e[id].outcome == Outcome::met);
        CHECK_FALSE(e[id].evidence.empty());
    }
    CHECK(e["tre-fagpersoner"].figure == 3);
    CHECK(has_evidence(e["henvisningskriterier"], "evidence.section_written"));
    // 22 patients: too few to conclude on availability; 36 words: too short for LIX.
    CHECK(e["likeverdig-tilgjengelighet"].outcome == Outcome::not_assessable);
    REQUIRE(e["likeverdig-tilgjengelighet"].availability);
    CHECK(e["likeverdig-tilgjengelighet"].availability->verdict ==
          analyse::AvailabilityVerdict::too_few);
    CHECK(e["klart-sprak"].outcome == Outcome::not_assessable);
    CHECK(has_evidence(e["klart-sprak"], "evidence.lix_too_short"));
}

TEST_CASE("criteria: section_present") {
    const Case c;
    SUBCASE("missing") {
        c.content.remove(test::section("henvisning"));
        const auto f = c.evaluate()["henvisningskriterier"];
        CHECK(f.outcome == Outcome::not_met);
        CHECK(has_evidence(f, "evidence.section_missing"));
    }
    SUBCASE("left out with a reason: not met, and the reason is the evidence") {
        c.content.remove(test::section("henvisning"));
        c.content.replace(
            test::kReport, "\"year\": 2023,",
            "\"year\": 2023,\n  \"not_reported\": { \"henvisning\": \"Under arbeid.\" },");
        const auto f = c.evaluate()["henvisningskriterier"];
        CHECK(f.outcome == Outcome::not_met);
        REQUIRE(f.evidence.size() == 1);
        CHECK(f.evidence[0].key == "evidence.not_reported");
        CHECK(f.evidence[0].args[1].text == "Under arbeid.");
        CHECK(f.evidence[0].at.line == 5);
    }
    SUBCASE("only a comment") {
        c.content.write(test::section("kort-fortalt"), "<!-- skriv her -->\n");
        const auto e = c.evaluate();
        CHECK(e["pasientinformasjon"].outcome == Outcome::not_met);
        CHECK(has_evidence(e["pasientinformasjon"], "evidence.section_empty"));
        CHECK(e["klart-sprak"].outcome == Outcome::not_assessable);
    }
}

TEST_CASE("criteria: min_per_item (three professionals per specialty)") {
    const Case c;
    c.content.replace(test::kReport, "{ \"specialty\": \"Anestesi\", \"count\": 3 }",
                      "{ \"specialty\": \"Anestesi\", \"count\": 2 }");
    const auto f = c.evaluate()["tre-fagpersoner"];
    CHECK(f.outcome == Outcome::not_met);
    CHECK(f.figure == 2);
    CHECK(has_evidence(f, "evidence.item_below"));
    CHECK(has_evidence(f, "evidence.item_value"));  // Ortopedi: 4
}

TEST_CASE("criteria: field_true (a competence dissemination plan)") {
    const Case c;
    c.content.replace(test::kReport, "\"exists\": true", "\"exists\": false");
    const auto f = c.evaluate()["plan-for-kompetansespredning"];
    CHECK(f.outcome == Outcome::not_met);
    REQUIRE(f.evidence.size() == 1);
    CHECK(f.evidence[0].args[1].text == "@ui.no");
    CHECK(f.evidence[0].at.line == 44);
}

TEST_CASE("criteria: goals_present") {
    const Case c;
    SUBCASE("a result goal without its target") {
        c.content.replace(test::kReport, "\"target\": \"90 %\",", "");
        const auto f = c.evaluate()["resultatmal"];
        CHECK(f.outcome == Outcome::not_met);
        CHECK(has_evidence(f, "evidence.goal_incomplete"));
    }
    SUBCASE("no quality goal") {
        c.content.replace(test::kReport, "\"kind\": \"quality\"", "\"kind\": \"result\"");
        const auto e = c.evaluate();
        CHECK(e["kvalitetsmal"].outcome == Outcome::not_met);
        CHECK(has_evidence(e["kvalitetsmal"], "evidence.no_goals"));
        CHECK(e["resultatmal"].outcome == Outcome::met);
    }
}

TEST_CASE("criteria: reference_group") {
    const Case c;
    SUBCASE("no user representative") {
        c.content.replace(test::kReport, ", \"user_representative\": true", "");
        const auto f = c.evaluate()["referansegruppe"];
        CHECK(f.outcome == Outcome::not_met);
        CHECK(has_evidence(f, "evidence.no_user_representative"));
    }
    SUBCASE("no meetings") {
        c.content.replace(test::kReport, "\"meetings\": 2", "\"meetings\": 0");
        CHECK(c.evaluate()["referansegruppe"].outcome == Outcome::not_met);
    }
    SUBCASE("did not approve the report") {
        c.content.replace(test::kReport, "\"approved_report\": true", "\"approved_report\": false");
        const auto f = c.evaluate()["referansegruppe"];
        CHECK(f.outcome == Outcome::not_met);
        CHECK(has_evidence(f, "evidence.not_approved"));
    }
    SUBCASE("from 2024 the group need not approve the report") {
        c.content.copy(test::kReportDir, "services/eksempeltjeneste/2024");
        const std::string report = "services/eksempeltjeneste/2024/report.json";
        c.content.replace(report, "\"year\": 2023", "\"year\": 2024");
        c.content.replace(report, "\"approved_report\": true", "\"approved_report\": false");
        const auto f = c.evaluate(2024)["referansegruppe"];
        CHECK(f.outcome == Outcome::met);
        CHECK(has_evidence(f, "evidence.approval_not_required"));
    }
}

TEST_CASE("criteria: regional_sums_agree") {
    const Case c;
    c.content.replace(test::kReport, "\"total_treated\": 22", "\"total_treated\": 23");
    const auto f = c.evaluate()["regionale-tall"];
    CHECK(f.outcome == Outcome::not_met);
    REQUIRE(f.evidence.size() == 1);
    CHECK(f.evidence[0].key == "evidence.sum_regions_differ");
    CHECK(f.evidence[0].args[0].number == 22);
    CHECK(f.evidence[0].args[1].number == 23);
}

TEST_CASE("criteria: availability_equal") {
    const Case c;
    const auto set = [&](const std::string& counts, int total) {
        c.content.replace(test::kReport,
                          "\"helse-sor-ost\": 12,\n      \"helse-vest\": 5,\n      "
                          "\"helse-midt-norge\": 3,\n      \"helse-nord\": 2",
                          counts);
        c.content.replace(test::kReport, "\"total_treated\": 22",
                          "\"total_treated\": " + std::to_string(total));
    };
    SUBCASE("skewed: not met, the p-value is the figure") {
        set("\"helse-sor-ost\": 90, \"helse-vest\": 2, \"helse-midt-norge\": 2, "
            "\"helse-nord\": 2",
            96);
        const auto f = c.evaluate()["likeverdig-tilgjengelighet"];
        CHECK(f.outcome == Outcome::not_met);
        REQUIRE(f.figure);
        CHECK(*f.figure < 0.001);
        CHECK(f.evidence.back().args[0].text == "@availability.verdict.departs");
    }
    SUBCASE("in proportion with enough patients: met") {
        set("\"helse-sor-ost\": 57, \"helse-vest\": 21, \"helse-midt-norge\": 14, "
            "\"helse-nord\": 9",
            101);
        CHECK(c.evaluate()["likeverdig-tilgjengelighet"].outcome == Outcome::met);
    }
}

TEST_CASE("criteria: lix_max") {
    const Case c;
    const std::string easy =
        "Vi gjør operasjoner på folk med kreft i beina. Det er en sjelden sykdom. Fastlegen "
        "kan ikke sende deg hit. Det gjør sykehuset der du fikk vite at du er syk. Vi har to "
        "steder. Det ene er i Oslo. Det andre er i Bergen. I fjor kom 22 nye til oss. De kom "
        "fra hele landet. Vi gjør det bra.\n";
    SUBCASE("easy text: met") {
        c.content.write(test::section("kort-fortalt"), easy);
        const auto f = c.evaluate()["klart-sprak"];
        CHECK(f.outcome == Outcome::met);
        REQUIRE(f.readability);
        CHECK(f.readability->lix.words == 61);
    }
    SUBCASE("hard text: not met") {
        std::string hard;
        for (int i = 0; i < 6; ++i) {
            hard +=
                "Behandlingsresultatene registreres systematisk i nasjonale "
                "kvalitetsregistre og sammenlignes med internasjonale resultater. ";
        }
        c.content.write(test::section("kort-fortalt"), hard + "\n");
        const auto f = c.evaluate()["klart-sprak"];
        CHECK(f.outcome == Outcome::not_met);
        REQUIRE(f.figure);
        CHECK(*f.figure > 60);
        CHECK(f.evidence[0].at.line == 1);
    }
}

TEST_CASE("criteria: field_present, an unknown field and no report") {
    const Case c;
    const auto loaded = load::load_content(c.content.path());
    const auto& content = loaded.content;
    const auto* service = content.find_service("eksempeltjeneste");
    REQUIRE(service);
    const auto* report = &service->reports.front();
    model::Criterion criterion;
    criterion.id = "forskning";
    criterion.rule.kind = "field_present";
    criterion.rule.field = "research.publications";
    CHECK(analyse::evaluate(content, *service, report, 2023, criterion).outcome == Outcome::met);
    criterion.rule.field = "research.projects";
    CHECK(analyse::evaluate(content, *service, report, 2023, criterion).outcome ==
          Outcome::not_met);
    criterion.rule.field = "research.grants";
    CHECK(analyse::evaluate(content, *service, report, 2023, criterion).outcome ==
          Outcome::not_assessable);
    criterion.rule.field = "research.publications";
    const auto none = analyse::evaluate(content, *service, nullptr, 2019, criterion);
    CHECK(none.outcome == Outcome::not_assessable);
    CHECK(none.evidence[0].key == "evidence.no_report");
}

TEST_CASE("criteria: the bone sarcoma service 2023") {
    const auto loaded = load::load_content(RV_SOURCE_DIR "/content");
    REQUIRE(loaded.usable);
    const auto* service = loaded.content.find_service("bensarkom");
    const auto findings = analyse::evaluate_criteria(loaded.content, *service, 2023);
    Evaluated e;
    e.findings = findings;
    CHECK(e["henvisningskriterier"].outcome == Outcome::not_met);
    CHECK(e["henvisningskriterier"].evidence[0].key == "evidence.not_reported");
    CHECK(e["tre-fagpersoner"].outcome == Outcome::not_assessable);
    CHECK(e["regionale-tall"].outcome == Outcome::met);
    CHECK(e["likeverdig-tilgjengelighet"].outcome == Outcome::not_assessable);
    CHECK(*e["likeverdig-tilgjengelighet"].figure == doctest::Approx(0.8510018534));
    CHECK(e["referansegruppe"].outcome == Outcome::not_assessable);
    CHECK(e["pasientinformasjon"].outcome == Outcome::met);
    CHECK(e["klart-sprak"].outcome == Outcome::met);
}

TEST_CASE("criteria: every evidence text and argument key is in the catalogue") {
    const auto loaded = load::load_content(RV_SOURCE_DIR "/content");
    int findings = 0;
    for (const auto& service : loaded.content.services) {
        for (const auto& f : analyse::evaluate_criteria(loaded.content, service, 2023)) {
            ++findings;
            CHECK(messages::has(std::string("finding.") + analyse::outcome_name(f.outcome), "nb"));
            for (const auto& e : f.evidence) {
                INFO(e.key);
                CHECK(messages::has(e.key, "nb"));
                CHECK(messages::has(e.key, "en"));
                for (const auto& arg : e.args) {
                    if (!arg.text.empty() && arg.text[0] == '@') {
                        CHECK(messages::has(arg.text.substr(1), "en"));
                    }
                }
            }
        }
    }
    CHECK(findings > 50);
}

TEST_CASE("criteria: criteria.json is checked against its schema") {
    const test::TempContent content;
    content.write("criteria.json",
                  "{ \"criteria\": [ { \"id\": \"x\", \"title\": { \"nb\": \"X\" }, "
                  "\"severity\": \"deviation\", \"rule\": { \"kind\": \"section_present\" } } ] }");
    const auto result = content.check();
    INFO(test::describe(result));
    CHECK(test::find(result, "RV102").size() == 1);  // section is required for the kind
}
