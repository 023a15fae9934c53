// `rapportverk review --year 2023` on a copy of the bundled content: the review PDFs read
// back with poppler. The expected figures are computed here from regions.json and
// report.json (populations, rates, shares, the exact multinomial test), not copied from
// the program's output.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyse/criteria.hpp"
#include "fixture.hpp"
#include "messages/catalog.hpp"
#include "render/pdf/review_text.hpp"

using namespace rv::test;

namespace {

constexpr const char* epoch = "1700000000";  // 2023-11-14

// The text without white space and hyphens, to compare what was printed regardless of where
// lines broke: pdftotext joins a word broken at a line end and drops its hyphen ("Helse
// Midt-\nNorge" comes out as "Helse MidtNorge"), so a hyphen cannot be compared reliably.
std::string flatten(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c == 0xC2 && (next == 0xA0 || next == 0xAD)) {  // no-break space, soft hyphen
            ++i;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '-') {
            continue;
        }
        out += text[i];
    }
    return out;
}

bool has(const std::string& flat, const std::string& wanted) {
    return flat.find(flatten(wanted)) != std::string::npos;
}

// The text in the order laid out, without the page furniture (the running head
// "<name> – Gjennomgang <year>" and "Side N av M"), which a page break puts into the middle
// of whatever text crosses it.
std::string pdf_text(const fs::path& pdf) {
    const std::string raw = shell("pdftotext -raw -enc UTF-8 " + pdf.string() + " -");
    std::string out;
    std::size_t start = 0;
    while (start < raw.size()) {
        auto end = raw.find('\n', start);
        if (end == std::string::npos) {
            end = raw.size();
        }
        std::string line = raw.substr(start, end - start);
        std::string bare = line;
        while (!bare.empty() && bare.front() == '\f') {
            bare.erase(0, 1);
        }
        const bool page_number = bare.rfind("Side ", 0) == 0 &&
                                 bare.find(" av ") != std::string::npos && bare.size() < 20;
        const bool running_head = bare.find(" \u2013 Gjennomgang ") != std::string::npos;
        if (!page_number && !running_head) {
            out += line + "\n";
        }
        start = end + 1;
    }
    return out;
}

// "0,88": bokmål, as the review prints numbers.
std::string decimal(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out = buffer;
    for (auto& c : out) {
        c = c == '.' ? ',' : c;
    }
    return out;
}

// The bundled content, copied, and reviewed once for all cases of this file (in a fresh
// folder that is removed at the end).
struct Workspace {
    fs::path base;
    fs::path content;
    fs::path out;
    rv::test::CliRun run;

    Workspace() {
        std::string pattern = (fs::temp_directory_path() / "rv-review-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        base = pattern;
        content = base / "content";
        out = base / "review";
        fs::copy(fs::path(RV_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
        // A reviewer's text of the test's own, beside the bundled example texts.
        write_file(content / "reviews" / "2023" / "hipec.md",
                   "Testanmelderen mener at HIPEC-tjenesten bør rapportere pasienter per "
                   "region.\n\n## Oppfølging\n\n- Be om tallene for 2024.\n");
        run = review(out);
    }
    ~Workspace() {
        std::error_code ec;
        fs::remove_all(base, ec);
    }

    rv::test::CliRun review(const fs::path& to, const std::vector<std::string>& extra = {}) const {
        const char* before = std::getenv("SOURCE_DATE_EPOCH");
        const std::string saved = before ? before : "";
        ::setenv("SOURCE_DATE_EPOCH", epoch, 1);
        std::vector<std::string> args{"review", content.string(), "--year",
                                      "2023",   "--out",          to.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        auto result = run_cli(args);
        if (before) {
            ::setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
        } else {
            ::unsetenv("SOURCE_DATE_EPOCH");
        }
        return result;
    }

    fs::path pdf(const std::string& name) const { return out / "2023" / (name + ".pdf"); }
};

const Workspace& workspace() {
    static const Workspace ws;
    return ws;
}

nlohmann::json read_json(const fs::path& path) {
    return nlohmann::json::parse(read_file(path));
}

// The slugs of the services with a report for 2023 in the content folder.
std::set<std::string> services_with_2023(const fs::path& content) {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(content / "services")) {
        if (fs::exists(entry.path() / "2023" / "report.json")) {
            out.insert(entry.path().filename().string());
        }
    }
    return out;
}

// The exact multinomial test, by enumerating every outcome of `total` over the shares:
// the probability of an outcome no more likely than the one observed.
double exact_p(const std::vector<int>& counts, const std::vector<double>& shares) {
    int total = 0;
    for (int c : counts) {
        total += c;
    }
    const auto log_p = [&](const std::vector<int>& x) {
        double l = std::lgamma(total + 1.0);
        for (std::size_t i = 0; i < x.size(); ++i) {
            l += x[i] * std::log(shares[i]) - std::lgamma(x[i] + 1.0);
        }
        return l;
    };
    const double observed = log_p(counts);
    double p = 0;
    std::vector<int> x(counts.size(), 0);
    REQUIRE(counts.size() == 4);
    for (x[0] = 0; x[0] <= total; ++x[0]) {
        for (x[1] = 0; x[0] + x[1] <= total; ++x[1]) {
            for (x[2] = 0; x[0] + x[1] + x[2] <= total; ++x[2]) {
                x[3] = total - x[0] - x[1] - x[2];
                const double l = log_p(x);
                if (l <= observed + 1e-7) {
                    p += std::exp(l);
                }
            }
        }
    }
    return std::min(1.0, p);
}

}  // namespace

TEST_CASE("review pdf: every service with a 2023 report has a review, and the national one") {
    const Workspace& ws = workspace();
    INFO(ws.run.err);
    REQUIRE(ws.run.code == 0);
    std::set<std::string> expected;
    for (const auto& slug : services_with_2023(ws.content)) {
        expected.insert(slug + ".pdf");
    }
    CHECK(expected.size() == 9);
    expected.insert("nasjonal-gjennomgang.pdf");
    CHECK(names_in(ws.out / "2023") == expected);
    // Written through a staging folder that is gone again.
    CHECK(names_in(ws.out) == std::set<std::string>{"2023"});
    CHECK(ws.run.err.find("Skrev 9 gjennomganger") != std::string::npos);
    CHECK(ws.run.out.empty());
}

TEST_CASE("review pdf: bone sarcoma shows each region's rate from the real populations") {
    const Workspace& ws = workspace();
    REQUIRE(ws.run.code == 0);
    const auto regions = read_json(ws.content / "regions.json").at("regions");
    const auto report = read_json(ws.content / "services/bensarkom/2023/report.json");
    const auto& treated = report.at("patients").at("new_treated");
    std::vector<int> counts;
    std::vector<double> populations;
    std::vector<std::string> names;
    for (const auto& region : regions) {
        // The population of 2023, else of the nearest year (the earlier one on a tie).
        int best_year = 0;
        double best = 0;
        for (const auto& figure : region.at("population")) {
            const int year = figure.at("year");
            if (best_year == 0 || std::abs(year - 2023) < std::abs(best_year - 2023) ||
                (std::abs(year - 2023) == std::abs(best_year - 2023) && year < best_year)) {
                best_year = year;
                best = figure.at("count").get<double>();
            }
        }
        counts.push_back(treated.value(region.at("id").get<std::string>(), 0));
        populations.push_back(best);
        names.push_back(region.at("name").at("nb"));
    }
    double total = 0;
    double people = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        total += counts[i];
        people += populations[i];
    }
    REQUIRE(total == 42);
    const std::string text = pdf_text(ws.pdf("bensarkom"));
    const std::string layout =
        shell("pdftotext -layout -enc UTF-8 " + ws.pdf("bensarkom").string() + " -");
    const std::string flat = flatten(text);
    std::vector<double> shares;
    double least_expected = 1e9;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double rate = counts[i] * 100000.0 / populations[i];
        const double ratio = (counts[i] / total) / (populations[i] / people);
        shares.push_back(populations[i] / people);
        least_expected = std::min(least_expected, total * populations[i] / people);
        // The table's row: count, share of patients, share of population, rate, ratio.
        const std::vector<std::string> cells{std::to_string(counts[i]),
                                             decimal(100.0 * counts[i] / total, 1) + " %",
                                             decimal(100.0 * populations[i] / people, 1) + " %",
                                             decimal(rate, 2), decimal(ratio, 2)};
        bool row = false;
        std::istringstream lines(layout);
        for (std::string line; std::getline(lines, line) && !row;) {
            for (auto nbsp = line.find("\u00a0"); nbsp != std::string::npos;
                 nbsp = line.find("\u00a0")) {
                line.replace(nbsp, 2, " ");
            }
            std::size_t at = 0;
            bool all = true;
            for (const auto& cell : cells) {
                at = line.find(" " + cell, at);
                all = all && at != std::string::npos;
                if (!all) {
                    break;
                }
                at += cell.size();
            }
            row = all;
        }
        CHECK_MESSAGE(row, names[i] << ": no table row with " << cells[0] << " " << cells[1] << " "
                                    << cells[2] << " " << cells[3] << " " << cells[4]);
        // The chart: the region's name and its rate.
        CHECK_MESSAGE(has(flat, names[i] + " " + decimal(rate, 2)), names[i]);
    }
    // The national rate in the total row and the chart's title.
    CHECK(has(flat, "(landet: " + decimal(total * 100000.0 / people, 2) + ")"));
    // The test, and the plain statement it leads to.
    const double p = exact_p(counts, shares);
    CHECK(has(flat, "Test: eksakt multinomisk test, p = " + decimal(p, 3) + "."));
    const std::string verdict = p < 0.05             ? "departs"
                                : least_expected < 5 ? "too_few"
                                                     : "consistent";
    CHECK(verdict == "too_few");  // 3.7 patients expected in Helse Nord
    CHECK(has(flat, rv::messages::text("availability.verdict." + verdict, "nb")));
    CHECK(has(flat, "Minste forventede antall i en region: " + decimal(least_expected, 1) +
                        " (Helse Nord)."));
    CHECK(has(flat, "Innbyggertall for 2023 finnes ikke; tallene for 2022 er brukt"));
}

TEST_CASE("review pdf: each criterion's finding appears with the evidence it rests on") {
    const Workspace& ws = workspace();
    REQUIRE(ws.run.code == 0);
    const auto checked = rv::cli::check_content(ws.content.string());
    REQUIRE(checked.usable);
    int findings = 0;
    int evidence = 0;
    for (const auto& service : checked.content.services) {
        const std::string flat = flatten(pdf_text(ws.pdf(service.slug)));
        INFO(service.slug);
        REQUIRE(!flat.empty());
        CHECK(has(flat, "Gjennomgang 2023"));
        CHECK(has(flat, service.name.nb));
        for (const auto& finding : rv::analyse::evaluate_criteria(checked.content, service, 2023)) {
            const std::string title =
                rv::pdf::criterion_title(checked.content, finding.criterion, "nb");
            INFO(title);
            CHECK(has(flat, title + " Funn: " + rv::pdf::outcome_text(finding.outcome, "nb")));
            ++findings;
            for (const auto& e : finding.evidence) {
                const std::string said = rv::pdf::evidence_text(e, "nb");
                CHECK_MESSAGE(has(flat, said), said);
                const std::string source = rv::pdf::evidence_source(e, checked.content.root, "nb");
                if (!source.empty()) {
                    CHECK_MESSAGE(has(flat, said + " [" + source + "]"), source);
                }
                ++evidence;
            }
        }
    }
    CHECK(findings >= 80);
    CHECK(evidence >= findings);
    // One finding, spelt out: bone sarcoma gives no competence dissemination plan.
    const std::string sarcoma = flatten(pdf_text(ws.pdf("bensarkom")));
    CHECK(has(sarcoma, "K5 Plan for kompetansespredning Funn: Ikke oppfylt (avvik)"));
    CHECK(has(sarcoma, "[services/bensarkom/2023/report.json, linje"));
}

TEST_CASE("review pdf: the reviewer's own text, or a plain note that there is none") {
    const Workspace& ws = workspace();
    REQUIRE(ws.run.code == 0);
    const std::string hipec = flatten(pdf_text(ws.pdf("hipec")));
    CHECK(has(hipec,
              "10 Vurdering Testanmelderen mener at HIPEC-tjenesten bør rapportere "
              "pasienter per region. Oppfølging • Be om tallene for 2024."));
    // The bundled example text, with its notice.
    const std::string sarcoma = flatten(pdf_text(ws.pdf("bensarkom")));
    CHECK(has(sarcoma, "Eksempeltekst. Dette er en tenkt anmelders vurdering"));
    CHECK(has(sarcoma,
              "Kildens fordeling av pasientene ved Oslo universitetssykehus per region "
              "summerer til 33, ikke 34."));
    // No text: said so, with where to write it; the comment of a text is never shown.
    const std::string trophoblast = flatten(pdf_text(ws.pdf("malign-trofoblastsykdom")));
    CHECK(has(trophoblast,
              "Anmelderen har ikke skrevet en vurdering ennå. Den skrives i "
              "reviews/2023/malign-trofoblastsykdom.md."));
    CHECK_FALSE(has(sarcoma, "Anmelderen har ikke skrevet"));
    CHECK_FALSE(has(sarcoma, "Den er ikke en vurdering fra de regionale helseforetakene. -->"));
    // The summary counts the findings.
    CHECK(
        has(sarcoma, "3 kriterier er oppfylt, 4 er ikke oppfylt, og 3 må vurderes av anmelderen."));
}

TEST_CASE("review pdf: the national document lists every service and every criterion") {
    const Workspace& ws = workspace();
    REQUIRE(ws.run.code == 0);
    const std::string flat = flatten(pdf_text(ws.pdf("nasjonal-gjennomgang")));
    const auto criteria = read_json(ws.content / "criteria.json").at("criteria");
    REQUIRE(criteria.size() >= 9);
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const std::string title = criteria[i].at("title").at("nb");
        CHECK_MESSAGE(has(flat, "K" + std::to_string(i + 1) + " " + title), title);
    }
    for (const auto& slug : services_with_2023(ws.content)) {
        const auto service = read_json(ws.content / "services" / slug / "service.json");
        const std::string name = service.at("name").at("nb");
        // Once in each table: the criteria, availability and the summary.
        std::size_t seen = 0;
        const std::string wanted = flatten(name);
        for (auto at = flat.find(wanted); at != std::string::npos; at = flat.find(wanted, at + 1)) {
            ++seen;
        }
        CHECK_MESSAGE(seen == 3, name);
    }
    CHECK(has(flat, "Nasjonal gjennomgang 2023"));
    CHECK(has(flat, "27 (0,88)"));  // bone sarcoma, Helse Sør-Øst: count and rate
    CHECK(has(flat, "For få til å konkludere"));
}

TEST_CASE("review pdf: metadata, and two runs give the same bytes") {
    const Workspace& ws = workspace();
    REQUIRE(ws.run.code == 0);
    const std::string info = shell("pdfinfo " + ws.pdf("bensarkom").string());
    INFO(info);
    CHECK(info.find("Title:           Gjennomgang 2023: Flerregional behandlingstjeneste for "
                    "kirurgi ved bensarkom") != std::string::npos);
    CHECK(info.find("Tagged:          yes") != std::string::npos);
    CHECK(info.find("CreationDate:    Tue Nov 14 22:13:20 2023") != std::string::npos);
    const std::string national = shell("pdfinfo " + ws.pdf("nasjonal-gjennomgang").string());
    CHECK(national.find("Title:           Nasjonal gjennomgang 2023: ") != std::string::npos);
    const fs::path again = ws.base / "again";
    const auto second = ws.review(again);
    REQUIRE(second.code == 0);
    const auto first_files = snapshot(ws.out / "2023");
    const auto second_files = snapshot(again / "2023");
    CHECK(first_files.size() == 10);
    CHECK(first_files == second_files);
}

TEST_CASE(
    "review pdf: --format prints instead, and a site or the content is no place for reviews") {
    const Workspace& ws = workspace();
    SUBCASE("--format json alone prints and writes nothing") {
        const std::vector<std::string> args{"review", ws.content.string(), "--year",
                                            "2023",   "--format",          "json"};
        const bool existed = fs::exists("output/review");  // the default, in the current folder
        const auto printed = run_cli(args);
        CHECK(printed.code == 0);
        CHECK(nlohmann::json::parse(printed.out).at("services").size() == 9);
        CHECK(fs::exists("output/review") == existed);
        CHECK(printed.err.empty());
    }
    SUBCASE("inside a built site") {
        const fs::path site = ws.base / "site";
        write_file(site / "index.html", "<!doctype html>");
        write_file(site / "sitemap.xml", "<urlset/>");
        const auto refused = ws.review(site / "review");
        CHECK(refused.code == 2);
        CHECK(refused.err.find("ikke for publisering") != std::string::npos);
        CHECK_FALSE(fs::exists(site / "review"));
    }
    SUBCASE("inside the content folder") {
        const auto refused = ws.review(ws.content / "reviews");
        CHECK(refused.code == 2);
        CHECK_FALSE(fs::exists(ws.content / "reviews" / "2023" / "2023"));
    }
    SUBCASE("a year without reports") {
        const auto none = run_cli({"review", ws.content.string(), "--year", "1999", "--out",
                                   (ws.base / "none").string()});
        CHECK(none.code == 1);
        CHECK_FALSE(fs::exists(ws.base / "none" / "1999"));
    }
}
