// Diagnostics of the content checks (RV020–RV061): names and years, sections and fields
// against the form, figures, service facts, Markdown, and the forms themselves. Each case
// mutates a copy of examples/minimal (tests/unit/fixture.hpp) just enough to trigger one code,
// and where it helps shows that a nearby correct variant does not.
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"

using namespace rv::test;

namespace {

// A 2024 report: a copy of the 2023 one with its year changed. 2024 adds the required
// section referansegruppe, written here so that the copy is otherwise clean.
const std::string kReport2024 = "services/eksempeltjeneste/2024/report.json";

void add_2024(const TempContent& content) {
    content.copy(kReportDir, "services/eksempeltjeneste/2024");
    content.replace(kReport2024, "\"year\": 2023", "\"year\": 2024");
    content.write("services/eksempeltjeneste/2024/referansegruppe.md",
                  "Referansegruppen har hatt to møter.\n");
}

// Puts `member` in report.json just after "year".
void add_to_report(const TempContent& content, const std::string& member) {
    content.replace(kReport, "\"year\": 2023,", "\"year\": 2023,\n  " + member + ",");
}

}  // namespace

// --- Names and years -----------------------------------------------------------------------

TEST_CASE("RV020: service.json id differs from the folder name") {
    const TempContent content;
    const auto at = content.after(kService, "\"id\": ");
    content.replace(kService, "\"id\": \"eksempeltjeneste\"", "\"id\": \"eksempel\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV020", Severity::error, content.file(kService), at);
    CHECK(d.args == std::vector<std::string>{"eksempel", "eksempeltjeneste"});
    CHECK(codes(result) == "RV020");
}

TEST_CASE("RV021: report year differs from the folder") {
    const TempContent content;
    const auto at = content.after(kReport, "\"year\": ");
    content.replace(kReport, "\"year\": 2023", "\"year\": 2022");
    const auto result = content.check();
    const auto d = expect_one(result, "RV021", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"2022", "2023"});
    CHECK(codes(result) == "RV021");
}

TEST_CASE("RV022: report service differs from the service folder") {
    const TempContent content;
    const auto at = content.after(kReport, "\"service\": ");
    content.replace(kReport, "\"service\": \"eksempeltjeneste\"", "\"service\": \"bensarkom\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV022", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"bensarkom", "eksempeltjeneste"});
    CHECK(codes(result) == "RV022");
}

// --- Sections and fields against the form -----------------------------------------------------

TEST_CASE("RV030: a required section is missing") {
    const TempContent content;
    content.remove(section("sammendrag"));
    const auto result = content.check();
    const auto d = expect_one(result, "RV030", Severity::error, content.file(kReport), 1, 1);
    CHECK(d.args == std::vector<std::string>{"sammendrag", "Sammendrag"});
    CHECK(codes(result) == "RV030");

    SUBCASE("not when not_reported gives the reason") {
        add_to_report(content, "\"not_reported\": { \"sammendrag\": \"Skrives neste år.\" }");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV031: a required field is missing or empty") {
    const TempContent content;
    SUBCASE("missing: reported at the nearest parent that exists") {
        content.replace(kReport, "\"meetings\": 2,\n", "");
        const auto result = content.check();
        const auto d = expect_one(result, "RV031", Severity::error, content.file(kReport),
                                  content.after(kReport, "\"reference_group\": "));
        CHECK(d.args ==
              std::vector<std::string>{"reference_group.meetings", "Møter i referansegruppen"});
        CHECK(codes(result) == "RV031");
    }
    SUBCASE("empty: reported at the empty value") {
        content.replace(kReport,
                        "\"staff\": [\n    { \"specialty\": \"Ortopedi\", \"count\": 4 },\n"
                        "    { \"specialty\": \"Anestesi\", \"count\": 3 }\n  ]",
                        "\"staff\": []");
        const auto result = content.check();
        const auto d = expect_one(result, "RV031", Severity::error, content.file(kReport),
                                  content.after(kReport, "\"staff\": "));
        CHECK(d.args == std::vector<std::string>{"staff", "Fagpersoner per spesialitet"});
        CHECK(codes(result) == "RV031");
    }
    SUBCASE("not when not_reported gives the reason") {
        content.replace(kReport, "\"meetings\": 2,\n", "");
        add_to_report(content, "\"not_reported\": { \"reference_group.meetings\": \"Ukjent.\" }");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV032: a Markdown file that is not a section of the form") {
    const TempContent content;
    content.write(section("kort-fortallt"), "Skrivefeil i filnavnet.\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV032", Severity::error, content.file(section("kort-fortallt")), 1, 1);
    CHECK(d.args == std::vector<std::string>{"kort-fortallt.md", "kort-fortalt"});
    CHECK(codes(result) == "RV032");
    CHECK(rv::messages::text(d.code, "en", d.args) ==
          "The file \"kort-fortallt.md\" is not a section of the report form and is not shown. "
          "Did you mean \"kort-fortalt.md\"?");

    SUBCASE("no suggestion for a name far from every section") {
        content.remove(section("kort-fortallt"));
        content.write(section("notater"), "Interne notater.\n");
        const auto far = expect_one(content.check(), "RV032", Severity::error,
                                    content.file(section("notater")), 1, 1);
        CHECK(far.args == std::vector<std::string>{"notater.md", ""});
        CHECK(rv::messages::text(far.code, "en", far.args) ==
              "The file \"notater.md\" is not a section of the report form and is not shown.");
    }
}

TEST_CASE("RV033: a required section is empty") {
    const TempContent content;
    content.write(section("sammendrag"), "<!-- Oppsummer året her. -->\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV033", Severity::error, content.file(section("sammendrag")), 1, 1);
    CHECK(d.args == std::vector<std::string>{"sammendrag", "Sammendrag"});
    CHECK(codes(result) == "RV033");
}

TEST_CASE("RV034: an optional section is empty") {
    const TempContent content;
    content.write(section("utfordringer"), "\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV034", Severity::warning, content.file(section("utfordringer")), 1, 1);
    CHECK(d.args == std::vector<std::string>{"utfordringer"});
    CHECK(codes(result) == "RV034");

    SUBCASE("not when it has text") {
        content.write(section("utfordringer"), "Rekruttering er vanskelig.\n");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV035: not_reported names neither a section nor a field") {
    const TempContent content;
    add_to_report(content, "\"not_reported\": { \"sammendrg\": \"Skrives neste år.\" }");
    const auto result = content.check();
    const auto d = expect_one(result, "RV035", Severity::warning, content.file(kReport),
                              content.after(kReport, "\"sammendrg\": "));
    CHECK(d.args == std::vector<std::string>{"sammendrg", "sammendrag"});
    CHECK(codes(result) == "RV035");
}

TEST_CASE("RV036: listed under not_reported but reported all the same") {
    const TempContent content;
    SUBCASE("a section") {
        add_to_report(content, "\"not_reported\": { \"sammendrag\": \"Skrives neste år.\" }");
        const auto result = content.check();
        const auto d = expect_one(result, "RV036", Severity::warning, content.file(kReport),
                                  content.after(kReport, "\"sammendrag\": "));
        CHECK(d.args == std::vector<std::string>{"sammendrag"});
        CHECK(codes(result) == "RV036");
    }
    SUBCASE("a field") {
        add_to_report(content, "\"not_reported\": { \"staff\": \"Ikke kjent.\" }");
        const auto result = content.check();
        const auto d = expect_one(result, "RV036", Severity::warning, content.file(kReport),
                                  content.after(kReport, "{ \"staff\": "));
        CHECK(d.args == std::vector<std::string>{"staff"});
        CHECK(codes(result) == "RV036");
    }
}

TEST_CASE("RV037: a section from a later version of the form") {
    const TempContent content;
    // referansegruppe belongs to the form from 2024.
    content.write(section("referansegruppe"), "Referansegruppen har hatt to møter.\n");
    const auto result = content.check();
    const auto d = expect_one(result, "RV037", Severity::warning,
                              content.file(section("referansegruppe")), 1, 1);
    CHECK(d.args == std::vector<std::string>{"referansegruppe", "2023"});
    CHECK(codes(result) == "RV037");

    SUBCASE("not in 2024") {
        add_2024(content);
        CHECK(find(content.check(), "RV037").size() == 1);  // 2023 only
    }
}

TEST_CASE("RV038: a field from an earlier version of the form") {
    const TempContent content;
    add_2024(content);
    // reference_group.approved_report belongs to the form up to 2023.
    const auto result = content.check();
    const auto d = expect_one(result, "RV038", Severity::warning, content.file(kReport2024),
                              content.after(kReport2024, "\"approved_report\": "));
    CHECK(d.args == std::vector<std::string>{"reference_group.approved_report", "2024"});
    CHECK(codes(result) == "RV038");

    SUBCASE("not without it") {
        content.replace(kReport2024, ",\n    \"approved_report\": true", "");
        CHECK(codes(content.check()) == "");
    }
}

// --- Figures ---------------------------------------------------------------------------------

TEST_CASE("RV040: an unknown region") {
    const TempContent content;
    const std::string member = "{ \"role\": \"Medlem\", \"region\": ";
    const auto at = content.after(kReport, member);
    content.replace(kReport, member + "\"helse-vest\"", member + "\"helse-vets\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV040", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"helse-vets", "helse-vest"});
    CHECK(codes(result) == "RV040");
    CHECK(rv::messages::text(d.code, "nb", d.args) ==
          "Regionen «helse-vets» finnes ikke i regions.json. Mente du «helse-vest»?");

    SUBCASE("in the figures per region") {
        content.replace(kReport, member + "\"helse-vets\"", member + "\"helse-vest\"");
        content.replace(kReport, "\"helse-nord\": 2", "\"helse-nordland\": 2");
        const auto figure =
            expect_one(content.check(), "RV040", Severity::error, content.file(kReport),
                       content.after(kReport, "\"helse-nordland\": "));
        CHECK(figure.args == std::vector<std::string>{"helse-nordland", "helse-nord"});
    }
}

TEST_CASE("RV041: per-region figures that do not add up to total_treated") {
    const TempContent content;
    const auto at = content.after(kReport, "\"total_treated\": ");
    content.replace(kReport, "\"total_treated\": 22", "\"total_treated\": 23");
    const auto result = content.check();
    const auto d = expect_one(result, "RV041", Severity::error, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"22", "23"});
    CHECK(codes(result) == "RV041");
}

namespace {
// patients.by_host with one host whose figures per region are `figures`.
std::string one_host(const std::string& figures, int total) {
    return "\"total_treated\": 22,\n    \"by_host\": [\n      { \"trust\": \"Eksempel HF\", "
           "\"new_treated\": { " +
           figures + " }, \"total_treated\": " + std::to_string(total) + " }\n    ]";
}
}  // namespace

TEST_CASE("RV042: figures per host that do not add up per region") {
    const TempContent content;
    content.replace(kReport, "\"total_treated\": 22",
                    one_host("\"helse-sor-ost\": 13, \"helse-vest\": 4, "
                             "\"helse-midt-norge\": 3, \"helse-nord\": 2",
                             22));
    const auto result = content.check();
    INFO(describe(result));
    const auto found = find(result, "RV042");
    REQUIRE(found.size() == 2);
    CHECK(found[0].at.line == content.line_of(kReport, "\"helse-sor-ost\": 12"));
    CHECK(found[0].at.column == content.after(kReport, "\"helse-sor-ost\": ").column);
    CHECK(found[0].args == std::vector<std::string>{"helse-sor-ost", "13", "12"});
    CHECK(found[1].at.line == content.line_of(kReport, "\"helse-vest\": 5"));
    CHECK(found[1].args == std::vector<std::string>{"helse-vest", "4", "5"});
    CHECK(codes(result) == "RV042");

    SUBCASE("not when they agree") {
        content.replace(kReport, "\"helse-sor-ost\": 13, \"helse-vest\": 4",
                        "\"helse-sor-ost\": 12, \"helse-vest\": 5");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV043: total_treated per host that does not add up") {
    const TempContent content;
    content.replace(kReport, "\"total_treated\": 22",
                    "\"total_treated\": 22,\n    \"by_host\": [\n"
                    "      { \"trust\": \"A HF\", \"total_treated\": 10 },\n"
                    "      { \"trust\": \"B HF\", \"total_treated\": 11 }\n    ]");
    const auto result = content.check();
    const auto d = expect_one(result, "RV043", Severity::error, content.file(kReport),
                              content.at(kReport, "{ \"trust\": \"A HF\""));
    CHECK(d.args == std::vector<std::string>{"21", "22"});
    CHECK(codes(result) == "RV043");

    SUBCASE("not when they agree") {
        content.replace(kReport, "\"total_treated\": 11", "\"total_treated\": 12");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV044: a specialty with fewer than three professionals") {
    const TempContent content;
    const auto at = content.after(kReport, "\"Anestesi\", \"count\": ");
    content.replace(kReport, "\"Anestesi\", \"count\": 3", "\"Anestesi\", \"count\": 2");
    const auto result = content.check();
    const auto d = expect_one(result, "RV044", Severity::warning, content.file(kReport), at);
    CHECK(d.args == std::vector<std::string>{"Anestesi", "2"});
    CHECK(codes(result) == "RV044");

    SUBCASE("three are enough") {
        content.replace(kReport, "\"Anestesi\", \"count\": 2", "\"Anestesi\", \"count\": 3");
        CHECK(codes(content.check()) == "");
    }
    SUBCASE("a missing count is a schema error, not a count of 0") {
        content.replace(kReport, "\"Anestesi\", \"count\": 2", "\"Anestesi\"");
        CHECK(codes(content.check()) == "RV102");
    }
}

// --- Service facts ---------------------------------------------------------------------------

TEST_CASE("RV045: the responsible region hosts nothing") {
    const TempContent content;
    const auto at = content.after(kService, "\"responsible_region\": ");
    content.replace(kService, "\"responsible_region\": \"helse-vest\"",
                    "\"responsible_region\": \"helse-nord\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV045", Severity::error, content.file(kService), at);
    CHECK(d.args == std::vector<std::string>{"helse-nord"});
    CHECK(codes(result) == "RV045");
}

TEST_CASE("RV046: no form applies to the service type") {
    const TempContent content;
    content.replace(kForm, "\"nasjonal-behandlingstjeneste\",\n", "");
    const auto result = content.check();
    const auto d = expect_one(result, "RV046", Severity::error, content.file(kService),
                              content.after(kService, "\"type\": "));
    CHECK(d.args == std::vector<std::string>{"nasjonal-behandlingstjeneste"});
    CHECK(codes(result) == "RV046");
}

TEST_CASE("RV047: a description of more than 100 words") {
    const TempContent content;
    const std::string old_text =
        "\"En oppdiktet tjeneste som viser hvordan en årsrapport skrives for Rapportverk.\"";
    const auto at = content.at(kService, old_text);
    std::string words;
    for (int i = 0; i < 101; ++i) {
        words += i == 0 ? "ord" : " ord";
    }
    content.replace(kService, old_text, "\"" + words + "\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV047", Severity::warning, content.file(kService), at);
    CHECK(d.args == std::vector<std::string>{"101", "100"});
    CHECK(codes(result) == "RV047");

    SUBCASE("100 words are allowed") {
        content.replace(kService, "\"ord ord", "\"ord");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV048: a competence service without competence.function") {
    const TempContent content;
    content.remove(kReportDir);  // its sections belong to the treatment form
    content.replace(kService, "\"type\": \"nasjonal-behandlingstjeneste\"",
                    "\"type\": \"nasjonal-kompetansetjeneste\"");
    const auto result = content.check();
    expect_one(result, "RV048", Severity::error, content.file(kService), 1, 1);
    CHECK(codes(result) == "RV048");

    SUBCASE("not with competence") {
        content.replace(kService, "\"responsible_region\"",
                        "\"competence\": { \"function\": \"opplaering\" },\n  "
                        "\"responsible_region\"");
        CHECK(codes(content.check()) == "");
    }
    SUBCASE("not when not_reported gives the reason") {
        content.replace(kService, "\"responsible_region\"",
                        "\"not_reported\": { \"competence\": \"Ikke avklart.\" },\n  "
                        "\"responsible_region\"");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV049: term_years that does not fit the function") {
    const TempContent content;
    content.replace(kService, "\"responsible_region\"",
                    "\"competence\": { \"function\": \"opplaering\", \"term_years\": 10 },\n  "
                    "\"responsible_region\"");
    const auto result = content.check();
    const auto d = expect_one(result, "RV049", Severity::error, content.file(kService),
                              content.after(kService, "\"term_years\": "));
    CHECK(d.args == std::vector<std::string>{"10", "opplaering", "5"});
    CHECK(codes(result) == "RV049");

    SUBCASE("five years for opplaering") {
        content.replace(kService, "\"term_years\": 10", "\"term_years\": 5");
        CHECK(codes(content.check()) == "");
    }
}

// --- Markdown --------------------------------------------------------------------------------

TEST_CASE("RV050: an image without alternative text") {
    const TempContent content;
    content.write(std::string(kReportDir) + "/figur.png",
                  read_file(std::string(RV_SOURCE_DIR) + "/tests/fixtures/images/diagram.png"));
    content.write(section("aktivitet"), "Aktiviteten økte.\n\n![](figur.png)\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV050", Severity::error, content.file(section("aktivitet")), 3, 1);
    CHECK(d.args == std::vector<std::string>{"figur.png"});
    CHECK(codes(result) == "RV050");

    SUBCASE("not with alternative text") {
        content.write(section("aktivitet"), "![Operasjoner per år](figur.png)\n");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV051: a level 1 heading") {
    const TempContent content;
    content.write(section("innhold"), "Tekst.\n\n# Tjenestens innhold\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV051", Severity::error, content.file(section("innhold")), 3, 1);
    CHECK(d.args == std::vector<std::string>{"Tjenestens innhold"});
    CHECK(codes(result) == "RV051");
}

TEST_CASE("RV052: a heading level that is skipped") {
    const TempContent content;
    content.write(section("innhold"), "## Avgrensning\n\nTekst.\n\n#### Barn\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV052", Severity::error, content.file(section("innhold")), 5, 1);
    CHECK(d.args == std::vector<std::string>{"4", "2"});
    CHECK(codes(result) == "RV052");

    SUBCASE("## then ### is fine") {
        content.write(section("innhold"), "## Avgrensning\n\nTekst.\n\n### Barn\n");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV053: a link to a file that does not exist") {
    const TempContent content;
    content.write(section("henvisning"), "Tekst.\n\nSe [skjemaet](henvisningsskjema.pdf).\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV053", Severity::error, content.file(section("henvisning")), 3, 4);
    CHECK(d.args == std::vector<std::string>{"henvisningsskjema.pdf"});
    CHECK(codes(result) == "RV053");

    SUBCASE("not when the file is there") {
        content.write(std::string(kReportDir) + "/henvisningsskjema.pdf", "%PDF");
        CHECK(codes(content.check()) == "");
    }
    SUBCASE("a source file the build does not publish (.md, .json) is no link target") {
        content.write(section("henvisning"),
                      "Tekst.\n\nSe [sammendraget](sammendrag.md) og [tallene](report.json).\n");
        const auto found = find(content.check(), "RV053");
        REQUIRE(found.size() == 2);
        CHECK(found[0].args == std::vector<std::string>{"sammendrag.md"});
        CHECK(found[1].args == std::vector<std::string>{"report.json"});
    }
}

TEST_CASE("RV054: HTML in Markdown") {
    const TempContent content;
    content.write(section("aktivitet"), "Tekst.\n\n<div class=\"boks\">Merk</div>\n");
    const auto result = content.check();
    expect_one(result, "RV054", Severity::warning, content.file(section("aktivitet")), 3, 1);
    CHECK(codes(result) == "RV054");

    SUBCASE("a comment is fine") {
        content.write(section("aktivitet"), "Tekst.\n\n<!-- veiledning -->\n");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV055: a link without a usable address") {
    const TempContent content;
    content.write(section("aktivitet"), "Trykk [her](javascript:alert(1)).\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV055", Severity::warning, content.file(section("aktivitet")), 1, 7);
    CHECK(d.args == std::vector<std::string>{"her"});
    CHECK(codes(result) == "RV055");

    SUBCASE("a web address is fine") {
        content.write(section("aktivitet"), "Trykk [her](https://eksempel.example/).\n");
        CHECK(codes(content.check()) == "");
    }
}

TEST_CASE("RV056: a link out of the content folder") {
    const TempContent content;
    content.write(section("aktivitet"), "Se [oppsettet](../../../../site.json).\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV056", Severity::error, content.file(section("aktivitet")), 1, 4);
    CHECK(d.args == std::vector<std::string>{"../../../../site.json"});
    CHECK(codes(result) == "RV056");

    SUBCASE("an absolute path too") {
        content.write(section("aktivitet"), "Se [passord](/etc/passwd).\n");
        CHECK(find(content.check(), "RV056").size() == 1);
    }
}

TEST_CASE("RV057: an image that cannot be shown") {
    const TempContent content;
    const std::string photo =
        read_file(std::string(RV_SOURCE_DIR) + "/tests/fixtures/images/foto.jpg");
    content.write(std::string(kReportDir) + "/foto.jpg", photo.substr(0, photo.size() / 2));
    content.write(section("aktivitet"), "Aktiviteten økte.\n\nSe ![Foto av stuen](foto.jpg).\n");
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV057", Severity::error, content.file(section("aktivitet")), 3, 4);
    CHECK(d.args == std::vector<std::string>{"foto.jpg", "@image.truncated"});
    CHECK(codes(result) == "RV057");
    CHECK(rv::messages::format(d, "en").find(
              "The image \"foto.jpg\" cannot be shown: the file ends too soon.") !=
          std::string::npos);

    SUBCASE("a file that is not PNG or JPEG") {
        content.write(std::string(kReportDir) + "/figur.gif", "GIF89a");
        content.write(section("aktivitet"), "![Figur](figur.gif)\n");
        const auto found = find(content.check(), "RV057");
        REQUIRE(found.size() == 1);
        CHECK(found[0].args == std::vector<std::string>{"figur.gif", "@image.unknown_format"});
    }
    SUBCASE("not when the image is whole") {
        content.write(std::string(kReportDir) + "/foto.jpg", photo);
        CHECK(codes(content.check()) == "");
    }
}

// --- Forms -----------------------------------------------------------------------------------

TEST_CASE("RV060: two forms for one service type") {
    const TempContent content;
    content.replace(kCompetenceForm, "\"applies_to\": [\n",
                    "\"applies_to\": [\n    \"nasjonal-behandlingstjeneste\",\n");
    const auto result = content.check();
    // At the repeated type in applies_to, not at the top of the file.
    const auto d = expect_one(result, "RV060", Severity::error, content.file(kCompetenceForm),
                              content.at(kCompetenceForm, "\"nasjonal-behandlingstjeneste\""));
    CHECK(d.args == std::vector<std::string>{"nasjonal-behandlingstjeneste", "behandlingstjeneste",
                                             "kompetansetjeneste"});
    CHECK(codes(result) == "RV060");

    SUBCASE("one form that names a type twice is a schema error, not two forms") {
        const TempContent other;
        other.replace(kForm, "\"flerregional-behandlingstjeneste\"\n",
                      "\"flerregional-behandlingstjeneste\",\n"
                      "    \"flerregional-behandlingstjeneste\"\n");
        const auto twice = other.check();
        INFO(describe(twice));
        CHECK(find(twice, "RV108").size() == 1);
        CHECK(codes(twice) == "RV108");
    }
}

TEST_CASE("RV061: a section twice in one form") {
    const TempContent content;
    content.replace(kForm, "\"sections\": [\n",
                    "\"sections\": [\n    { \"id\": \"planer\", \"title\": { \"nb\": \"Planer\" }, "
                    "\"audience\": \"both\", \"required\": false, \"guidance\": { \"nb\": "
                    "\"Planene.\" } },\n");
    const auto result = content.check();
    // At the id of the second "planer", the one the form already had (the first is the one
    // inserted at the top of the list).
    const std::string text = content.read(kForm);
    const auto second = text.find("\"id\": \"planer\"", text.find("\"id\": \"planer\"") + 1);
    REQUIRE(second != std::string::npos);
    const auto d = expect_one(result, "RV061", Severity::error, content.file(kForm),
                              position_in(text, second + std::string("\"id\": ").size()));
    CHECK(d.args == std::vector<std::string>{"planer", "behandlingstjeneste"});
    CHECK(codes(result) == "RV061");
}
