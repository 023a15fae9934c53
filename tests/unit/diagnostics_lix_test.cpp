// Diagnostics of readability (RV070): check warns when a plain-language section (one the
// form gives lix_max) is harder to read than the bound. In a diagnostics_*.cpp file because
// the catalogue test looks for each code's TEST_CASE in these files.
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"

using namespace rv::test;

namespace {

// 65 words in 4 sentences, 40 long: 65/4 + 100 × 40/65 = 16.25 + 61.54 = LIX 78.
const std::string hard_text =
    "Tjenesten tilbyr spesialisert utredning, behandling og oppfølging av pasienter med "
    "sjeldne kreftsykdommer i skjelettet. Henvisningen vurderes fortløpende av "
    "tverrfaglige behandlingsteam bestående av ortopediske kirurger, onkologer, "
    "radiologer og patologer ved universitetssykehuset. Behandlingsresultatene "
    "registreres systematisk i nasjonale kvalitetsregistre og sammenlignes med "
    "internasjonale resultater fra tilsvarende sentre i Europa. Tjenesten samarbeider "
    "tett med regionale helseforetak om kompetansespredning, undervisning og veiledning "
    "av helsepersonell i hele landet for likeverdig tilgjengelighet.\n";

// 61 words in 10 sentences, 4 long: LIX 13.
const std::string easy_text =
    "Vi gjør operasjoner på folk med kreft i beina. Det er en sjelden sykdom. Fastlegen "
    "kan ikke sende deg hit. Det gjør sykehuset der du fikk vite at du er syk. Vi har to "
    "steder. Det ene er i Oslo. Det andre er i Bergen. I fjor kom 22 nye til oss. De kom "
    "fra hele landet. Vi gjør det bra.\n";

}  // namespace

TEST_CASE("RV070: a plain-language section above the form's LIX bound") {
    const TempContent content;
    content.write(section("kort-fortalt"), "<!-- veiledning -->\n\n" + hard_text);
    const auto result = content.check();
    const auto d =
        expect_one(result, "RV070", Severity::warning, content.file(section("kort-fortalt")), 3, 1);
    CHECK(d.args == std::vector<std::string>{"78", "40", "65", "4", "40"});
    CHECK(rv::messages::format(d, "en").find("has a LIX of 78; the form sets 40") !=
          std::string::npos);
}

TEST_CASE("RV070 is not given for easy text, other sections or very short text") {
    const TempContent content;
    SUBCASE("easy text") {
        content.write(section("kort-fortalt"), easy_text);
        const auto result = content.check();
        INFO(describe(result));
        CHECK(find(result, "RV070").empty());
    }
    SUBCASE("a section for professionals has no bound") {
        content.write(section("sammendrag"), hard_text);
        CHECK(find(content.check(), "RV070").empty());
    }
    SUBCASE("under 50 words the LIX is not reliable: no warning") {
        content.write(section("kort-fortalt"), "Tjenesten behandlet 42 nye pasienter.\n");
        CHECK(find(content.check(), "RV070").empty());
    }
}
