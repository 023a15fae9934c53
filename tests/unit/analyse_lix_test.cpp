// LIX of known Norwegian texts, counted by hand, and of Markdown; the bundled plain-language
// sections stay under their form's bound.
#include <doctest/doctest.h>

#include <string>

#include "analyse/lix.hpp"
#include "load/content_loader.hpp"
#include "load/markdown_reader.hpp"

using namespace rv;

TEST_CASE("lix: two sentences counted by hand") {
    // Tjenesten(9) opererer(8) pasienter(9) med bensarkom(9). Det er kreftsvulster(13) i
    // skjelettet(10).  10 words, 2 sentences, 6 long: 10/2 + 100 × 6/10 = 65.
    const auto lix = analyse::lix_of_text(
        "Tjenesten opererer pasienter med bensarkom. Det er kreftsvulster "
        "i skjelettet.");
    CHECK(lix.words == 10);
    CHECK(lix.sentences == 2);
    CHECK(lix.long_words == 6);
    CHECK(lix.value == doctest::Approx(65.0));
}

TEST_CASE("lix: the first paragraph of the bone sarcoma service's summary") {
    // + Det finnes(6: not long) flere typer. Den vanligste(9) i 2023 var kondrosarkom(12).
    // 20 words, 4 sentences, 8 long: 20/4 + 100 × 8/20 = 5 + 40 = 45.
    const auto lix = analyse::lix_of_text(
        "Tjenesten opererer pasienter med bensarkom. Det er kreftsvulster i skjelettet. Det "
        "finnes flere typer. Den vanligste i 2023 var kondrosarkom.");
    CHECK(lix.words == 20);
    CHECK(lix.sentences == 4);
    CHECK(lix.long_words == 8);
    CHECK(lix.value == doctest::Approx(45.0));
}

TEST_CASE("lix: letters æ, ø, å count once; numbers are words but never long") {
    // Blåbærsyltetøy(14 letters, 17 bytes) er godt. Nøtter(6) og 1234567 er to ting.
    const auto lix = analyse::lix_of_text("Blåbærsyltetøy er godt. Nøtter og 1234567 er to ting.");
    CHECK(lix.words == 9);
    CHECK(lix.sentences == 2);
    CHECK(lix.long_words == 1);
    CHECK(lix.value == doctest::Approx(9.0 / 2 + 100.0 / 9));
}

TEST_CASE("lix: sentence ends") {
    SUBCASE(": ! ? end a sentence; a full stop inside a word does not") {
        CHECK(analyse::lix_of_text("Se her: Ja! Nei? Kl. 1.5 i dag").sentences == 5);
    }
    SUBCASE("a closing quote or bracket after the stop") {
        CHECK(analyse::lix_of_text("Han sa «nei.» Så gikk han (fort.) Ferdig").sentences == 3);
    }
    SUBCASE("a blank line ends a sentence without a stop") {
        CHECK(analyse::lix_of_text("En overskrift\n\nEn setning her.").sentences == 2);
    }
    SUBCASE("no words: no LIX") {
        const auto lix = analyse::lix_of_text(" – … ");
        CHECK(lix.words == 0);
        CHECK(lix.value == 0);
    }
}

TEST_CASE("lix: Markdown blocks end sentences; code and HTML are not text") {
    const auto doc = load::read_markdown(
        "## Om tjenesten\n\n"
        "Vi hjelper *mange* pasienter.\n\n"
        "- Første punkt\n- Andre punkt\n\n"
        "```\nkode som ikke teller\n```\n\n"
        "<!-- en kommentar som ikke teller -->\n\n"
        "| Region | Antall |\n|---|---|\n| Vest | 8 |\n");
    const auto lix = analyse::lix_of(doc);
    // Om tjenesten | Vi hjelper mange pasienter. | Første punkt | Andre punkt |
    // Region | Antall | Vest | 8  → 14 words, 8 sentences; long: tjenesten, hjelper,
    // pasienter.
    CHECK(lix.words == 14);
    CHECK(lix.sentences == 8);
    CHECK(lix.long_words == 3);
}

TEST_CASE("lix: the bundled plain-language sections are within their bound") {
    const auto loaded = load::load_content(RV_SOURCE_DIR "/content");
    REQUIRE(loaded.usable);
    int sections = 0;
    for (const auto& service : loaded.content.services) {
        for (const auto& report : service.reports) {
            for (const auto& r : analyse::readability(loaded.content, service, report)) {
                INFO(service.slug << " " << r.section << ": LIX " << r.lix.value << ", "
                                  << r.lix.words << " words");
                CHECK(r.section == "kort-fortalt");
                CHECK(r.lix_max == 40);
                CHECK(r.assessable);
                CHECK_FALSE(r.above);
                CHECK(r.lix.value > 25);
                CHECK(r.line == 1);
                ++sections;
            }
        }
    }
    CHECK(sections == 9);
    CHECK(analyse::readability_warnings(loaded.content).empty());
}

TEST_CASE("lix: format_lix gives a whole number") {
    CHECK(analyse::format_lix(42.3) == "42");
    CHECK(analyse::format_lix(40.5) == "41");
    CHECK(analyse::format_lix(40) == "40");
}
