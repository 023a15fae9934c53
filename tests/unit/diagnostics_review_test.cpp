// Diagnostics of the reviewers' texts (RV080): content/reviews/<year>/<slug>.md must name a
// service. In a diagnostics_*.cpp file because the catalogue test looks for each code's
// TEST_CASE in these files.
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"

using namespace rv::test;

TEST_CASE("RV080: a reviewer's text for a service that does not exist") {
    const TempContent content;
    content.write("reviews/2023/eksempeltjenste.md", "Tjenesten bør rapportere flere mål.\n");
    const auto result = content.check();
    const auto d = expect_one(result, "RV080", Severity::warning,
                              content.file("reviews/2023/eksempeltjenste.md"), 0);
    CHECK(d.args == std::vector<std::string>{"eksempeltjenste", "eksempeltjeneste"});
    CHECK(codes(result) == "RV080");
    CHECK(rv::messages::format(d, "nb").find("Mente du «eksempeltjeneste»?") != std::string::npos);
    CHECK(rv::messages::format(d, "en").find("which is not in services/") != std::string::npos);
}

TEST_CASE("RV080 is not given for a text that names a service, and the loader reads it") {
    const TempContent content;
    content.write("reviews/2023/eksempeltjeneste.md",
                  "<!-- utkast -->\n\nTjenesten bør rapportere flere mål.\n");
    content.write("reviews/2023/notater.txt", "ikke en vurdering");     // not Markdown: not read
    content.write("reviews/utkast/eksempeltjeneste.md", "ikke et år");  // not a year: not read
    const auto result = content.check();
    INFO(describe(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.content.reviews.size() == 1);
    const auto* review = result.content.find_review(2023, "eksempeltjeneste");
    REQUIRE(review != nullptr);
    CHECK(review->text.has_content);
    CHECK(rv::model::plain_text(review->text.document).find("flere mål") != std::string::npos);
    CHECK(result.content.find_review(2022, "eksempeltjeneste") == nullptr);
}
