// The Markdown sections of one synthetic report: headings from ## down, paragraphs, lists,
// captioned GFM tables, emphasis and external links, sized to a byte target.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "corpus_phrases.hpp"

namespace rv::bench {

namespace {

using Pool = std::vector<const char*>;

std::string percent_text(int value) {
    return std::to_string(value) + " %";
}

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

// Draws from a pool without repeats until the pool is used up, then starts over.
class Deck {
  public:
    explicit Deck(const Pool& pool) : pool_(pool) {}
    const char* draw(Rng& rng) {
        if (order_.empty()) {
            for (std::size_t i = 0; i < pool_.size(); ++i) {
                order_.push_back(i);
            }
            for (std::size_t i = order_.size(); i > 1; --i) {
                std::swap(order_[i - 1], order_[rng.below(static_cast<std::uint32_t>(i))]);
            }
        }
        const char* out = pool_[order_.back()];
        order_.pop_back();
        return out;
    }

  private:
    const Pool& pool_;
    std::vector<std::size_t> order_;
};

class Writer {
  public:
    Writer(const Service& service, const Year& year, const std::string& section, Rng& rng,
           int& table_number)
        : s_(service),
          y_(year),
          rng_(rng),
          tables_(table_number),
          pool_(combined(section)),
          sentences_(pool_),
          headings_(phrases::general_headings),
          own_headings_(phrases::headings_for(section)),
          own_left_(phrases::headings_for(section).size()) {}

    std::string text;

    void expand(const char* pattern) {
        for (const char* c = pattern; *c; ++c) {
            if (*c != '{' || c[1] == '\0' || c[2] != '}') {
                text += *c;
                continue;
            }
            text += token(c[1]);
            c += 2;
        }
    }

    void line(const std::string& content) { text += content + "\n\n"; }

    void heading(int level, const std::string& title) {
        text.append(static_cast<std::size_t>(level), '#');
        text += ' ' + title + "\n\n";
    }

    void sentences(int count, const Pool* plain = nullptr) {
        for (int i = 0; i < count; ++i) {
            if (i > 0) {
                text += ' ';
            }
            if (plain) {
                expand(plain_deck(*plain).draw(rng_));
            } else {
                expand(sentences_.draw(rng_));
            }
        }
    }

    void paragraph(int low, int high, const Pool* plain = nullptr) {
        sentences(rng_.between(low, high), plain);
        text += "\n\n";
    }

    // `count` items of the pool: drawn at random, or its first ones in order (`in_order`).
    void list(const Pool& items, int count, bool numbered, bool as_sentence = false,
              bool in_order = false) {
        Deck deck(items);
        for (int i = 0; i < count && i < static_cast<int>(items.size()); ++i) {
            text += numbered ? std::to_string(i + 1) + ". " : "- ";
            const std::size_t start = text.size();
            expand(in_order ? items[static_cast<std::size_t>(i)] : deck.draw(rng_));
            if (as_sentence && text.size() > start && text.back() != '.') {
                text += '.';
            }
            text += '\n';
        }
        text += '\n';
    }

    void table(const std::string& caption, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
        line("Tabell " + std::to_string(++tables_) + ": " + caption);
        row(header);
        text += '|';
        for (std::size_t i = 0; i < header.size(); ++i) {  // figures right, text left
            const std::string& first = rows.empty() ? "" : rows.front()[i];
            const std::size_t digit = first.find_first_not_of("*+-");
            const bool figure =
                digit != std::string::npos && first[digit] >= '0' && first[digit] <= '9';
            text += figure ? " ---: |" : " --- |";
        }
        text += '\n';
        for (const auto& cells : rows) {
            row(cells);
        }
        text += '\n';
    }

    std::string next_heading() {
        const bool own = own_left_ > 0 && rng_.percent(40);
        own_left_ -= own ? 1 : 0;
        std::string title = own ? own_headings_.draw(rng_) : headings_.draw(rng_);
        const int seen = ++used_[title];
        return seen > 1 ? title + " (" + std::to_string(seen) + ")" : title;
    }

    // Adds subsections of varied shape until the text reaches `target` bytes.
    void fill_to(std::size_t target) {
        while (text.size() < target) {
            heading(2, next_heading());
            paragraph(3, 6);
            switch (rng_.below(6)) {
                case 0:
                    line("Tiltakene i " + std::to_string(y_.year) + " omfattet blant annet:");
                    list(phrases::list_items, rng_.between(3, 6), false);
                    paragraph(2, 4);
                    break;
                case 1:
                    line("Tjenesten har prioritert dette i rekkefølge:");
                    list(phrases::list_items, rng_.between(3, 5), true);
                    break;
                case 2:
                    heading(3, phrases::sub_headings[rng_.below(
                                   static_cast<std::uint32_t>(phrases::sub_headings.size()))]);
                    paragraph(3, 5);
                    paragraph(2, 4);
                    break;
                case 3:
                    generic_table();
                    paragraph(2, 3);
                    break;
                default:
                    paragraph(3, 6);
                    break;
            }
        }
    }

    void generic_table() {
        const std::string year = std::to_string(y_.year);
        if (!y_.activity.empty() && rng_.percent(50)) {
            const Figure& f =
                y_.activity[rng_.below(static_cast<std::uint32_t>(y_.activity.size()))];
            std::vector<std::vector<std::string>> rows;
            int left = f.value;
            for (int q = 1; q <= 4; ++q) {
                const int part = q == 4 ? left : f.value * rng_.between(20, 30) / 100;
                left -= part;
                rows.push_back({std::to_string(q) + ". kvartal", std::to_string(part)});
            }
            rows.push_back({"**I alt**", "**" + std::to_string(f.value) + "**"});
            table(f.label + " per kvartal i " + year, {"Kvartal", "Antall (" + f.unit + ")"}, rows);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& region : regions()) {
            rows.push_back({region.name, std::to_string(rng_.between(3, 120)),
                            std::to_string(rng_.between(1, 30))});
        }
        table("Henvendelser og rådgivning per region i " + year,
              {"Region", "Henvendelser", "Rådgivningssaker"}, rows);
    }

    const Service& service() const { return s_; }
    const Year& year() const { return y_; }
    Rng& rng() { return rng_; }

  private:
    const Service& s_;
    const Year& y_;
    Rng& rng_;
    int& tables_;
    Pool pool_;  // the general sentences and, twice, the section's own
    Deck sentences_;
    Deck headings_;
    Deck own_headings_;
    std::size_t own_left_;
    std::map<std::string, int> used_;
    std::map<const Pool*, Deck> plain_decks_;

    static Pool combined(const std::string& section) {
        Pool pool = phrases::general;
        for (int i = 0; i < 2; ++i) {
            const Pool& own = phrases::sentences_for(section);
            pool.insert(pool.end(), own.begin(), own.end());
        }
        return pool;
    }

    Deck& plain_deck(const Pool& pool) {
        return plain_decks_.try_emplace(&pool, pool).first->second;
    }

    void row(const std::vector<std::string>& cells) {
        text += '|';
        for (const auto& cell : cells) {
            text += ' ' + cell + " |";
        }
        text += '\n';
    }

    // The text of a {X} token (see corpus_phrases.hpp).
    std::string token(char name) {
        const auto pick_index = [&](std::size_t size) {
            return rng_.below(static_cast<std::uint32_t>(size));
        };
        switch (name) {
            case 'N':
                return s_.name_nb;
            case 'D':
                return s_.diagnosis;
            case 'Y':
                return std::to_string(y_.year);
            case 'P':
                return std::to_string(y_.year - 1);
            case 'R':
                return regions()[pick_index(regions().size())].name;
            case 'H':
                return s_.hosts[pick_index(s_.hosts.size())].trust;
            case 'F':
                return lower_first(s_.specialties[pick_index(s_.specialties.size())]);
            case 'n':
                return std::to_string(rng_.between(2, 40));
            case 'p':
                return std::to_string(rng_.between(5, 95));
            case 't':
                return std::to_string(y_.total_treated());
            case 'c':
                return std::to_string(y_.courses);
            case 'G':
                return s_.registries.front();
            case 'L':
                return phrases::links[pick_index(phrases::links.size())];
            case 'W':
                return "[tjenestens nettside](" + s_.website + ")";
            default:
                return std::string("{") + name + "}";
        }
    }
};

std::string goal_target(const Goal& goal) {
    return (goal.higher_is_better ? "minst " : "høyst ") + percent_text(goal.target);
}

void kort_fortalt(Writer& w, std::size_t target) {
    const Pool& pool = w.service().treatment ? phrases::plain_treatment : phrases::plain_competence;
    w.paragraph(4, 6, &pool);
    for (const char* title : phrases::plain_headings) {
        if (w.text.size() >= target) {
            break;
        }
        w.heading(2, title);
        w.paragraph(3, 5, &pool);
        if (w.rng().percent(50)) {
            w.line("Dette gjør vi:");
            w.list(phrases::plain_items, w.rng().between(3, 4), false, true);
        }
    }
}

void sammendrag(Writer& w) {
    const Year& y = w.year();
    w.heading(2, "Året i korte trekk");
    if (w.service().treatment) {
        w.line("I " + std::to_string(y.year) + " behandlet tjenesten **" +
               std::to_string(y.total_treated()) +
               " genuint nyhenviste pasienter** fra alle fire "
               "helseregioner.");
    }
    for (std::size_t i = 0; i < y.activity.size(); ++i) {
        const Figure& f = y.activity[i];
        w.text += (i > 0 ? " Tallet på " : "Tallet på ") + lower_first(f.label) + " var " +
                  std::to_string(f.value) + " i " + std::to_string(y.year) + ", mot " +
                  std::to_string(f.previous) + " året før.";
    }
    w.text += "\n\n";
    w.heading(2, "Viktige resultater");
    for (const Goal& g : y.goals) {
        w.text += "- **" + g.title + ":** " + percent_text(g.result) + " (mål: " + goal_target(g) +
                  ")" + (g.met() ? "" : ", *ikke nådd*") + '\n';
    }
    w.text += '\n';
    w.paragraph(3, 5);
}

void innhold(Writer& w) {
    const Service& s = w.service();
    w.heading(2, "Formål og avgrensning");
    w.line(s.name_nb + " ble etablert i " + std::to_string(s.established) +
           ". Tjenesten omfatter " + s.topic + ".");
    w.paragraph(3, 5);
    w.heading(2, "Diagnoser");
    w.line("Tjenesten gjelder disse ICD-10-kodene:");
    for (const auto& code : s.icd10) {
        w.text += "- `" + code + "`\n";
    }
    w.text += '\n';
    w.heading(2, "Tjenestesteder");
    std::vector<std::vector<std::string>> rows;
    for (const Host& h : s.hosts) {
        rows.push_back({h.trust, regions()[static_cast<std::size_t>(h.region)].name, h.unit});
    }
    w.table("Tjenestesteder", {"Helseforetak", "Region", "Enhet"}, rows);
}

void henvisning(Writer& w) {
    w.heading(2, "Hvem kan henvises");
    w.list(phrases::criteria, w.rng().between(3, 5), true);
    w.heading(2, "Slik henviser du");
    w.list(phrases::referral_steps, static_cast<int>(phrases::referral_steps.size()), true, false,
           true);
    w.expand("Henvisningskriteriene er publisert på {W} og hos {L}.");
    w.text += "\n\n";
}

void fagmiljo(Writer& w) {
    const Year& y = w.year();
    w.heading(2, "Fagpersoner per spesialitet");
    std::vector<std::vector<std::string>> rows;
    int total = 0;
    for (const Staff& st : y.staff) {
        rows.push_back({st.specialty, std::to_string(st.count)});
        total += st.count;
    }
    rows.push_back({"**I alt**", "**" + std::to_string(total) + "**"});
    w.table("Fagpersoner per spesialitet i " + std::to_string(y.year), {"Spesialitet", "Antall"},
            rows);
    w.paragraph(3, 5);
    for (const Host& h : w.service().hosts) {
        w.heading(3, h.trust);
        w.paragraph(2, 4);
    }
}

void aktivitet(Writer& w) {
    const Year& y = w.year();
    const std::string year = std::to_string(y.year);
    w.heading(2, "Aktivitet i " + year);
    std::vector<std::vector<std::string>> rows;
    for (const Figure& f : y.activity) {
        const int change = f.previous == 0 ? 0 : (f.value - f.previous) * 100 / f.previous;
        rows.push_back({f.label + " (" + f.unit + ")", std::to_string(f.value),
                        std::to_string(f.previous),
                        (change > 0 ? "+" : "") + percent_text(change)});
    }
    w.table("Aktivitet i " + year + " og " + std::to_string(y.year - 1),
            {"Aktivitet", year, std::to_string(y.year - 1), "Endring"}, rows);
    w.paragraph(3, 5);
    if (y.by_host.size() == w.service().hosts.size() && !y.by_host.empty()) {
        w.heading(2, "Pasienter per behandlingssted");
        std::vector<std::vector<std::string>> host_rows;
        for (std::size_t h = 0; h < y.by_host.size(); ++h) {
            const auto& c = y.by_host[h];
            host_rows.push_back(
                {w.service().hosts[h].trust, std::to_string(c[0] + c[1] + c[2] + c[3])});
        }
        w.table("Nye pasienter per behandlingssted i " + year, {"Behandlingssted", "Pasienter"},
                host_rows);
    }
}

void tilgjengelighet(Writer& w) {
    const Year& y = w.year();
    const std::string year = std::to_string(y.year);
    if (!w.service().treatment) {
        w.heading(2, "Kompetanse i alle regioner");
        w.paragraph(3, 5);
        return;
    }
    w.heading(2, "Nyhenviste pasienter per region");
    std::vector<std::vector<std::string>> rows;
    const int total = std::max(1, y.total_treated());
    for (std::size_t r = 0; r < regions().size(); ++r) {
        rows.push_back({regions()[r].name, std::to_string(y.treated[r]),
                        std::to_string(y.not_treated[r]), percent_text(y.treated[r] * 100 / total),
                        percent_text(static_cast<int>(regions()[r].share * 100 + 0.5))});
    }
    rows.push_back({"**I alt**", "**" + std::to_string(y.total_treated()) + "**", "", "", ""});
    w.table(
        "Genuint nyhenviste pasienter per region i " + year,
        {"Region", "Behandlet", "Ikke behandlet", "Andel av pasientene", "Andel av befolkningen"},
        rows);
    w.paragraph(3, 5);
}

void kompetansespredning(Writer& w) {
    const Year& y = w.year();
    w.heading(2, "Undervisning og veiledning");
    w.line("Tjenesten holdt " + std::to_string(y.courses) + " kurs og fagdager i " +
           std::to_string(y.year) + ":");
    w.list(phrases::list_items, w.rng().between(3, 5), false);
    w.heading(2, "Plan for kompetansespredning");
    w.paragraph(2, 4);
}

void forskning(Writer& w) {
    const Year& y = w.year();
    w.heading(2, "Forskning i tall");
    w.table("Forskning i " + std::to_string(y.year), {"Område", "Antall"},
            {{"Vitenskapelige publikasjoner", std::to_string(y.publications)},
             {"Avlagte doktorgrader", std::to_string(y.theses)},
             {"Pågående prosjekter", std::to_string(y.projects)}});
    w.heading(2, "Utvalgte publikasjoner");
    const int count = std::min(y.publications, 4);
    Deck titles(phrases::publication_titles);
    for (int i = 0; i < count; ++i) {
        w.text += std::to_string(i + 1) + ". ";
        w.expand(titles.draw(w.rng()));
        w.text += ". *Tidsskrift for Den norske legeforening* " + std::to_string(y.year) +
                  ". Se [PubMed](https://pubmed.ncbi.nlm.nih.gov/).\n";
    }
    w.text += count > 0 ? "\n" : "Det ble ikke publisert artikler fra tjenesten i året.\n\n";
}

void kvalitet(Writer& w) {
    const Year& y = w.year();
    w.heading(2, "Resultatmål og kvalitetsmål");
    std::vector<std::vector<std::string>> rows;
    for (const Goal& g : y.goals) {
        rows.push_back(
            {g.title, g.indicator, goal_target(g), percent_text(g.result), g.met() ? "Ja" : "Nei"});
    }
    w.table("Måloppnåelse i " + std::to_string(y.year),
            {"Mål", "Indikator", "Målverdi", "Resultat", "Nådd"}, rows);
    for (std::size_t i = 0; i < y.goals.size(); ++i) {
        const Goal& g = y.goals[i];
        w.text += "Ad " + std::to_string(i + 1) + ": Målet «" + g.title + "» ble " +
                  (g.met() ? "nådd" : "ikke nådd") + ", med et resultat på " +
                  percent_text(g.result) + ". ";
        w.sentences(2);
        w.text += "\n\n";
    }
    w.heading(2, "Kvalitetsregistre");
    for (const auto& name : w.service().registries) {
        w.text += "- " + name + "\n";
    }
    w.text += '\n';
    w.heading(2, "Akkreditering");
    w.line(y.accredited ? "Tjenesten er akkreditert etter gjeldende internasjonal standard."
                        : "Tjenesten er ikke akkreditert, men arbeidet er planlagt.");
}

void bullet_section(Writer& w, const char* title, const Pool& items) {
    w.heading(2, title);
    w.paragraph(2, 3);
    w.list(items, w.rng().between(3, 6), false);
}

void referansegruppe(Writer& w) {
    w.heading(2, "Gruppens arbeid i " + std::to_string(w.year().year));
    w.line("Referansegruppen hadde " + std::to_string(w.year().meetings) + " møter i året.");
    w.paragraph(3, 5);
    w.heading(2, "Medlemmer");
    for (const Person& p : w.service().reference_group) {
        w.text += "- " + p.name + ", " + lower_first(p.role) + "\n";
    }
    w.text += '\n';
}

// The opening of each section the generator knows; any other section is only filler.
const std::map<std::string, void (*)(Writer&)>& writers() {
    static const std::map<std::string, void (*)(Writer&)> list = {
        {"sammendrag", sammendrag},
        {"innhold", innhold},
        {"henvisning", henvisning},
        {"fagmiljo", fagmiljo},
        {"aktivitet", aktivitet},
        {"tilgjengelighet", tilgjengelighet},
        {"kompetansespredning", kompetansespredning},
        {"forskning", forskning},
        {"kvalitet", kvalitet},
        {"utfordringer",
         [](Writer& w) {
             bullet_section(w, "Faglige og organisatoriske utfordringer", phrases::challenges);
         }},
        {"planer", [](Writer& w) { bullet_section(w, "Planer for neste år", phrases::plans); }},
        {"referansegruppe", referansegruppe},
    };
    return list;
}

// The share of the report's text each section gets, relative to the others.
int weight(const std::string& id) {
    static const std::map<std::string, int> weights = {
        {"sammendrag", 10},
        {"innhold", 10},
        {"henvisning", 8},
        {"fagmiljo", 10},
        {"aktivitet", 13},
        {"tilgjengelighet", 11},
        {"kompetansespredning", 11},
        {"forskning", 11},
        {"kvalitet", 13},
        {"utfordringer", 8},
        {"planer", 7},
    };
    const auto found = weights.find(id);
    return found == weights.end() ? 9 : found->second;
}

}  // namespace

std::vector<std::string> report_markdown(const Service& service, const Year& year,
                                         const std::vector<SectionSpec>& sections, Rng& rng,
                                         std::size_t target_bytes) {
    int total_weight = 0;
    std::size_t plain_bytes = 0;
    std::vector<std::size_t> plain_targets;
    for (const auto& spec : sections) {
        plain_targets.push_back(
            spec.plain_language ? static_cast<std::size_t>(rng.between(700, 1200)) : 0);
        plain_bytes += plain_targets.back();
        total_weight += spec.plain_language ? 0 : weight(spec.id);
    }
    const std::size_t rest = target_bytes > plain_bytes ? target_bytes - plain_bytes : 0;
    int table_number = 0;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const SectionSpec& spec = sections[i];
        Writer w(service, year, spec.id, rng, table_number);
        if (spec.plain_language) {
            kort_fortalt(w, plain_targets[i]);
            out.push_back(std::move(w.text));
            continue;
        }
        const std::string& id = spec.id;
        if (const auto found = writers().find(id); found != writers().end()) {
            found->second(w);
        }
        w.fill_to(total_weight == 0 ? 0
                                    : rest * static_cast<std::size_t>(weight(id)) /
                                          static_cast<std::size_t>(total_weight));
        out.push_back(std::move(w.text));
    }
    return out;
}

}  // namespace rv::bench
