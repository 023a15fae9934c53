// Tests of the words the site's search finds a report by (sok/sokeindeks.js): which words of
// a report's sections run together and which stay apart, as a visitor who searches sees them.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/html/search_index.hpp"
#include "render/html/search_words.hpp"
#include "site_files_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using rv::test::contains;
using rv::test::TempContent;

// The words of the report at `href` in the built index, as " w1 w2 … ": the words of its
// service's "vocabulary" whose bits (base64, lowest bit first) the report's entry sets.
std::string report_words(const fs::path& site, const std::string& href) {
    const std::string script = rv::test::read_file(site / "sok/sokeindeks.js");
    const std::string start = "window.rvSearchIndex = ";
    REQUIRE(script.rfind(start, 0) == 0);
    const auto index =
        nlohmann::json::parse(script.substr(start.size(), script.size() - start.size() - 2));
    std::string vocabulary;
    std::string bits;
    for (const auto& entry : index["entries"]) {
        if (entry["kind"] == "service") {
            vocabulary = entry["vocabulary"].get<std::string>();
        } else if (entry["href"] == href) {
            bits = entry["bits"].get<std::string>();
            break;
        }
    }
    REQUIRE_FALSE(bits.empty());
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes;
    unsigned buffer = 0;
    int held = 0;
    for (const char c : bits) {
        const auto value = alphabet.find(c);
        if (value == std::string::npos) {
            continue;  // padding
        }
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        held += 6;
        if (held >= 8) {
            held -= 8;
            bytes += static_cast<char>((buffer >> held) & 0xFF);
        }
    }
    std::string out = " ";
    std::size_t number = 0;
    std::istringstream words(vocabulary);
    for (std::string word; words >> word; ++number) {
        if (number / 8 < bytes.size() &&
            (static_cast<unsigned char>(bytes[number / 8]) >> (number % 8) & 1U) != 0) {
            out += word + " ";
        }
    }
    return out;
}

// `text` in capitals, for ASCII text.
std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

// Each of `words` (as written, and as found: lower-cased) starting at every one of the first
// 40 bytes of a text, before the same word in capitals, as the only word found.
void check_at_every_start(const std::vector<std::pair<std::string, std::string>>& words) {
    using rv::render::distinct_words;
    for (const auto& [word, found] : words) {
        for (std::size_t start = 0; start < 40; ++start) {
            const std::string text = std::string(start, ' ') + word + ", " + word + ".";
            CHECK_MESSAGE(distinct_words(text) == std::vector<std::string>{found},
                          "'" << word << "' at " << start);
        }
    }
}

}  // namespace

TEST_CASE("search words: emphasis, links and code within a word keep it whole") {
    const TempContent content;
    content.replace("services/eksempeltjeneste/2023/innhold.md", "\n",
                    "\n\nFler**e**ordsammen, [lenke](https://example.org/)ord og `kode`ord, "
                    "Bl**Å**BÆRSYLTETØY og *Ringe*RIKS_sykehus.\n");
    const fs::path site = rv::test::build(content);
    const std::string words = report_words(site, "eksempeltjeneste/2023/index.html");
    CHECK(contains(words, " flereordsammen "));
    CHECK(contains(words, " lenkeord "));
    CHECK(contains(words, " kodeord "));
    CHECK(contains(words, " blåbærsyltetøy "));
    CHECK(contains(words, " ringeriks "));
    CHECK(contains(words, " sykehus "));
    CHECK_FALSE(contains(words, " fler "));
    CHECK_FALSE(contains(words, " lenke "));
    CHECK_FALSE(contains(words, " bl "));
}

TEST_CASE("search words: table cells, list items, lines and headings keep words apart") {
    const TempContent content;
    content.replace("services/eksempeltjeneste/2023/innhold.md", "\n",
                    "\n\nTabell 9: Ordtabell\n\n"
                    "| Venstrecelle | Høyrecelle |\n"
                    "|---|---|\n"
                    "| cellevenstre | cellehøyre |\n\n"
                    "- punktetslutt\n"
                    "- nestepunkt\n\n"
                    "linjeslutt\n"
                    "nestelinje\n\n"
                    "## Overskriftord\n"
                    "Avsnittord.\n");
    const fs::path site = rv::test::build(content);
    const std::string words = report_words(site, "eksempeltjeneste/2023/index.html");
    for (const char* word :
         {"venstrecelle", "høyrecelle", "cellevenstre", "cellehøyre", "punktetslutt", "nestepunkt",
          "linjeslutt", "nestelinje", "overskriftord", "avsnittord"}) {
        CHECK_MESSAGE(contains(words, std::string(" ") + word + " "), word);
    }
    for (const char* joined :
         {"venstrecellehøyrecelle", "høyrecellecellevenstre", "cellehøyrepunktetslutt",
          "punktetsluttnestepunkt", "linjesluttnestelinje", "overskriftordavsnittord"}) {
        CHECK_MESSAGE(!contains(words, joined), joined);
    }
}

TEST_CASE("search words: long words, every letter and digit, and the characters beside them") {
    using rv::render::distinct_words;
    CHECK(distinct_words(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 abcdefghijklmnopqrstuvwxyz0123456789") ==
          std::vector<std::string>{"abcdefghijklmnopqrstuvwxyz0123456789"});
    // Words alike in their first bytes stay apart; the same word in capitals is the same word.
    CHECK(distinct_words("Sammenligningsgrunnlaget sammenligningsgrunnlagene "
                         "SAMMENLIGNINGSGRUNNLAGET helsetjenesten helsetjenester") ==
          std::vector<std::string>{"sammenligningsgrunnlaget", "sammenligningsgrunnlagene",
                                   "helsetjenesten", "helsetjenester"});
    // The ASCII characters next to the letters and digits separate words.
    CHECK(distinct_words("aaaa@bbbb[cccc`dddd{eeee/ffff:gggg") ==
          std::vector<std::string>{"aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg"});
    CHECK(distinct_words("Tjenestenes ÅRSRAPPORT-Æøå «2023»: Ærlig") ==
          std::vector<std::string>{"tjenestenes", "årsrapport", "æøå", "2023", "ærlig"});
    // Many words, each once, in the order they first come.
    std::string text;
    std::vector<std::string> expected;
    for (int i = 0; i < 5000; ++i) {
        expected.push_back("ord" + std::to_string(i));
    }
    for (int round = 0; round < 2; ++round) {
        for (const auto& word : expected) {
            text += (round == 0 ? word : "ORD" + word.substr(3)) + ", ";
        }
    }
    CHECK(distinct_words(text) == expected);
}

TEST_CASE("search words: a word of any length is read whole wherever it starts") {
    // Words are read many bytes at a time: a word across the edge of those bytes, or longer
    // than they are, is still one word, lower-cased.
    const std::string letters = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    std::vector<std::pair<std::string, std::string>> words;
    for (std::size_t length = 1; length <= 80; ++length) {
        std::string word;
        std::string found;
        for (std::size_t i = 0; i < length; ++i) {
            const char c = letters[(i * 7 + length) % letters.size()];
            word += c;
            found += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        words.emplace_back(word, found);
        words.emplace_back(upper(word), found);
    }
    check_at_every_start(words);
}

TEST_CASE("search words: æ, ø, å and other letters are letters wherever they fall") {
    check_at_every_start({
        {"Blåbærsyltetøy", "blåbærsyltetøy"},
        {"BLÅBÆRSYLTETØY", "blåbærsyltetøy"},
        {"Æ", "æ"},
        {"øy", "øy"},
        {"ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ", "ååååååååååååååååååååååååååååååååååå"},
        {"SYKEHUSÆØÅÉÜÖÄÈÇÑ", "sykehusæøåéüöäèçñ"},
        {"Straße", "straße"},  // ß has no capital here: it stays as it is
        {"ČAPEK", "čapek"},    // Latin Extended-A
        {"ΑΒΓ", "ΑΒΓ"},        // Greek letters are letters, kept as written
        {"x²", "x"},           // ² is no letter
    });
}

TEST_CASE("search words: × ÷ – « » … and other signs end words, wherever they fall") {
    using rv::render::distinct_words;
    for (const std::string sign : {"×", "÷", "–", "«", "»", "…", "’", "€", "\t", "\n", "-", "_"}) {
        for (std::size_t start = 0; start < 40; ++start) {
            const std::string text = std::string(start, ' ') + "ÆRE" + sign + "vær" + sign;
            const std::vector<std::string> expected = {"ære", "vær"};
            CHECK_MESSAGE(distinct_words(text) == expected, "'" << sign << "' at " << start);
        }
    }
    CHECK(distinct_words("2×3÷4 Fuß–Ball «Ærlig» …slutt") ==
          std::vector<std::string>{"2", "3", "4", "fuß", "ball", "ærlig", "slutt"});
}

TEST_CASE("search words: words alike in their first bytes stay apart, at any length") {
    using rv::render::distinct_words;
    // Each word the start of the next: 7, 8, 9, 15, 16, 17, 31, 32, 33 and 64 letters.
    const std::string letters = "helsetjenestenesammenligningsgrunnlagetrapportverkregisteravd";
    std::string text;
    std::vector<std::string> expected;
    for (const std::size_t length : {7, 8, 9, 15, 16, 17, 31, 32, 33, 60}) {
        expected.push_back(letters.substr(0, length));
    }
    for (const auto& word : expected) {
        text += upper(word) + " " + word + " ";
    }
    for (auto word = expected.rbegin(); word != expected.rend(); ++word) {
        text += *word + "æ " + *word + " ";  // the same again, and with one letter more
    }
    std::vector<std::string> found = expected;
    for (auto word = expected.rbegin(); word != expected.rend(); ++word) {
        found.push_back(*word + "æ");
    }
    CHECK(distinct_words(text) == found);
    CHECK(distinct_words("a") == std::vector<std::string>{"a"});
    CHECK(distinct_words("Å") == std::vector<std::string>{"å"});
    CHECK(distinct_words(" ").empty());
}
