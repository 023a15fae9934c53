// The synthetic content corpus of rv_make_corpus: the planned services and report years
// (corpus_model.cpp) and their Markdown sections (corpus_text.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace rv::bench {

// std::mt19937 is specified bit for bit by the standard; the distributions are not, so
// every draw goes through plain modulo arithmetic to give the same corpus everywhere.
class Rng {
  public:
    explicit Rng(std::uint32_t seed) : engine_(seed) {}
    std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : engine_() % n; }
    int between(int low, int high) {  // inclusive
        return low + static_cast<int>(below(static_cast<std::uint32_t>(high - low + 1)));
    }
    bool percent(int chance) { return static_cast<int>(below(100)) < chance; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(static_cast<std::uint32_t>(items.size()))];
    }

  private:
    std::mt19937 engine_;
};

constexpr int region_count = 4;

struct Region {
    std::string id;
    std::string name;
    double share;  // of the national population, roughly
};
const std::array<Region, region_count>& regions();

struct Host {
    std::string trust;
    int region;  // index into regions()
    std::string unit;
};

struct Person {
    std::string name;
    std::string role;
    int region = -1;  // -1: none given
    bool user_representative = false;
    bool from_service = false;
};

struct Service {
    std::string slug;
    std::string type;
    bool treatment = false;  // nasjonal- or flerregional-behandlingstjeneste
    std::string name_nb;
    std::string name_en;
    std::string topic;      // what the service is about, e.g. "kirurgi ved bensarkom"
    std::string diagnosis;  // the plain diagnosis, e.g. "bensarkom"
    std::vector<std::string> icd10;
    std::vector<Host> hosts;  // the first is in the responsible region
    int established = 2000;
    std::string competence_function;  // "opplaering" or "kompetanseoppbygging"; competence only
    std::vector<std::string> specialties;
    std::vector<Person> reference_group;
    std::vector<std::string> registries;
    std::string website;
    std::string email;
};

struct Figure {
    std::string label;
    std::string unit;
    int value = 0;
    int previous = 0;  // the value of the year before, as last year's report gave it
};

struct Staff {
    std::string specialty;
    int count = 0;
};

struct Goal {
    bool quality = false;
    std::string title;
    std::string indicator;
    int target = 0;  // percent
    int result = 0;  // percent
    bool higher_is_better = true;
    bool met() const { return higher_is_better ? result >= target : result <= target; }
};

struct Year {
    int year = 0;
    std::array<int, region_count> treated{};
    std::array<int, region_count> not_treated{};
    std::vector<std::array<int, region_count>> by_host;  // per host, summing to treated
    std::vector<Figure> activity;
    std::vector<Staff> staff;
    std::vector<Goal> goals;
    int publications = 0;
    int theses = 0;
    int projects = 0;
    int meetings = 0;
    int courses = 0;
    bool accredited = false;
    int total_treated() const { return treated[0] + treated[1] + treated[2] + treated[3]; }
};

// A section of the form as the generator needs it.
struct SectionSpec {
    std::string id;
    std::string title;
    bool plain_language = false;  // the form gives it a lix_max
};

// The service at `index` and its years (first_year .. first_year + years - 1).
Service plan_service(std::uint32_t seed, int index);
std::vector<Year> plan_years(const Service& service, std::uint32_t seed, int index, int first_year,
                             int years);

// The Markdown of every section of one report, in `sections` order, together about
// `target_bytes` long (the plain-language sections are kept short).
std::vector<std::string> report_markdown(const Service& service, const Year& year,
                                         const std::vector<SectionSpec>& sections, Rng& rng,
                                         std::size_t target_bytes);

}  // namespace rv::bench
