// The planned services and report years of the synthetic corpus: names, hosts, figures.
#include <algorithm>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace rv::bench {

namespace {

struct Term {
    const char* slug;
    const char* nb;
    const char* en;
};

struct Diagnosis {
    const char* slug;
    const char* nb;
    const char* en;
    std::vector<std::string> icd10;
};

const std::vector<Term>& activities() {
    static const std::vector<Term> list = {
        {"kirurgi", "kirurgi ved", "Surgery for"},
        {"utredning", "utredning av", "Assessment of"},
        {"behandling", "behandling av", "Treatment of"},
        {"rehabilitering", "rehabilitering ved", "Rehabilitation in"},
        {"genetikk", "genetisk utredning ved", "Genetic Assessment in"},
        {"bildediagnostikk", "avansert bildediagnostikk ved", "Advanced Imaging in"},
        {"straaleterapi", "stråleterapi ved", "Radiotherapy for"},
        {"oppfolging", "langtidsoppfølging ved", "Long-term Follow-up in"},
        {"barn", "behandling av barn med", "Treatment of Children with"},
        {"intervensjon", "intervensjon ved", "Intervention in"},
        {"legemidler", "medikamentell behandling av", "Drug Treatment of"},
        {"diagnostikk", "diagnostikk ved", "Diagnostics in"},
        {"smerte", "smertebehandling ved", "Pain Management in"},
        {"ernaering", "ernæringsbehandling ved", "Nutrition Therapy in"},
        {"opplaering", "pasientopplæring ved", "Patient Education in"},
        {"digital", "digital oppfølging ved", "Remote Follow-up in"},
        {"svangerskap", "svangerskapsomsorg ved", "Pregnancy Care in"},
        {"ungdom", "overgang til voksenmedisin ved", "Transition to Adult Care in"},
        {"lindring", "lindrende behandling ved", "Palliative Care in"},
        {"tverrfaglig", "tverrfaglig behandling av", "Multidisciplinary Treatment of"},
    };
    return list;
}

const std::vector<Diagnosis>& diagnoses() {
    static const std::vector<Diagnosis> list = {
        {"bensarkom", "bensarkom", "Bone Sarcoma", {"C40-C41"}},
        {"blotvevssarkom", "bløtvevssarkom", "Soft Tissue Sarcoma", {"C49"}},
        {"hjernesvulst", "hjernesvulst", "Brain Tumours", {"C71", "D33"}},
        {"nevroendokrine-svulster", "nevroendokrine svulster", "Neuroendocrine Tumours", {"C75"}},
        {"spiseroerskreft", "spiserørskreft", "Oesophageal Cancer", {"C15"}},
        {"bukspyttkjertelkreft", "bukspyttkjertelkreft", "Pancreatic Cancer", {"C25"}},
        {"leverkreft", "leverkreft", "Liver Cancer", {"C22"}},
        {"oyekreft", "øyekreft", "Eye Cancer", {"C69"}},
        {"lymfom", "lymfom", "Lymphoma", {"C81-C85"}},
        {"myelomatose", "myelomatose", "Multiple Myeloma", {"C90"}},
        {"leukemi", "akutt leukemi", "Acute Leukaemia", {"C91.0", "C92.0"}},
        {"hjertefeil", "medfødte hjertefeil", "Congenital Heart Defects", {"Q20-Q26"}},
        {"hjertesvikt", "alvorlig hjertesvikt", "Severe Heart Failure", {"I50"}},
        {"arytmi", "arvelige hjerterytmeforstyrrelser", "Inherited Arrhythmias", {"I47-I49"}},
        {"pulmonal-hypertensjon", "pulmonal hypertensjon", "Pulmonary Hypertension", {"I27"}},
        {"cystisk-fibrose", "cystisk fibrose", "Cystic Fibrosis", {"E84"}},
        {"stoffskifte",
         "medfødte stoffskiftesykdommer",
         "Inborn Errors of Metabolism",
         {"E70-E72", "E74"}},
        {"epilepsi", "vanskelig behandlbar epilepsi", "Refractory Epilepsy", {"G40"}},
        {"ms", "multippel sklerose", "Multiple Sclerosis", {"G35"}},
        {"als", "amyotrofisk lateral sklerose", "Amyotrophic Lateral Sclerosis", {"G12.2"}},
        {"parkinson", "Parkinsons sykdom", "Parkinson's Disease", {"G20"}},
        {"ryggmargsskade", "ryggmargsskade", "Spinal Cord Injury", {"S14", "S24", "S34"}},
        {"hjerneslag", "hjerneslag", "Stroke", {"I63"}},
        {"brannskader", "alvorlige brannskader", "Severe Burns", {"T20-T32"}},
        {"ganespalte", "leppe-kjeve-ganespalte", "Cleft Lip and Palate", {"Q35-Q37"}},
        {"klumpfot", "klumpfot", "Clubfoot", {"Q66.0"}},
        {"skoliose", "skoliose", "Scoliosis", {"M41"}},
        {"horselstap", "alvorlig hørselstap", "Severe Hearing Loss", {"H90"}},
        {"synstap", "synstap", "Visual Impairment", {"H54"}},
        {"netthinne", "arvelige netthinnesykdommer", "Inherited Retinal Disease", {"H35.5"}},
        {"hornhinne", "hornhinnesykdommer", "Corneal Disease", {"H18"}},
        {"epidermolysis", "epidermolysis bullosa", "Epidermolysis Bullosa", {"Q81"}},
        {"spiseforstyrrelser", "alvorlige spiseforstyrrelser", "Severe Eating Disorders", {"F50"}},
        {"tvangslidelser", "tvangslidelser", "Obsessive-Compulsive Disorder", {"F42"}},
        {"autisme", "autisme", "Autism", {"F84"}},
        {"psykose", "tidlig psykose", "Early Psychosis", {"F20-F29"}},
        {"rus", "rusavhengighet hos gravide", "Substance Use in Pregnancy", {"F10-F19"}},
        {"sovn", "søvnsykdommer", "Sleep Disorders", {"G47"}},
        {"sarkoidose", "sarkoidose", "Sarcoidosis", {"D86"}},
        {"nyresvikt", "kronisk nyresvikt", "Chronic Kidney Failure", {"N18"}},
        {"bloedersykdom", "blødersykdom", "Bleeding Disorders", {"D66-D68"}},
        {"sigdcelle", "sigdcelleanemi", "Sickle Cell Disease", {"D57"}},
        {"immunsvikt", "medfødt immunsvikt", "Primary Immunodeficiency", {"D80-D84"}},
        {"barnerevmatologi", "barneleddgikt", "Juvenile Arthritis", {"M08"}},
        {"lupus", "systemisk lupus", "Systemic Lupus", {"M32"}},
        {"vaskulitt", "vaskulitt", "Vasculitis", {"M30-M31"}},
        {"fedme", "sykelig overvekt", "Severe Obesity", {"E66"}},
        {"diabetes", "diabetes type 1", "Type 1 Diabetes", {"E10"}},
        {"veksthormon", "veksthormonmangel", "Growth Hormone Deficiency", {"E23.0"}},
        {"fertilitet", "fertilitetsbevaring", "Fertility Preservation", {"N97"}},
        {"preeklampsi", "svangerskapsforgiftning", "Pre-eclampsia", {"O14"}},
        {"prematur", "følger av for tidlig fødsel", "Effects of Preterm Birth", {"P07"}},
        {"beininfeksjon", "infeksjoner i beinvev", "Bone Infections", {"M86"}},
        {"tuberkulose", "tuberkulose", "Tuberculosis", {"A15-A19"}},
        {"underernaering",
         "sykdomsrelatert underernæring",
         "Disease-related Malnutrition",
         {"E43-E46"}},
        {"tarmsvikt", "tarmsvikt", "Intestinal Failure", {"K91.2"}},
        {"ibd", "inflammatorisk tarmsykdom", "Inflammatory Bowel Disease", {"K50-K51"}},
        {"bekkenbunn", "bekkenbunnsskader", "Pelvic Floor Injuries", {"N81"}},
        {"prostatakreft", "prostatakreft", "Prostate Cancer", {"C61"}},
        {"blaerekreft", "blærekreft", "Bladder Cancer", {"C67"}},
        {"eggstokkreft", "eggstokkreft", "Ovarian Cancer", {"C56"}},
        {"livmorhalskreft", "livmorhalskreft", "Cervical Cancer", {"C53"}},
        {"melanom", "føflekkreft", "Melanoma", {"C43"}},
        {"skjoldbruskkjertel", "skjoldbruskkjertelkreft", "Thyroid Cancer", {"C73"}},
    };
    return list;
}

const std::vector<std::vector<std::string>>& trusts() {
    static const std::vector<std::vector<std::string>> list = {
        {"Oslo universitetssykehus HF", "Akershus universitetssykehus HF", "Sykehuset Innlandet HF",
         "Vestre Viken HF", "Sykehuset i Vestfold HF", "Sørlandet sykehus HF",
         "Sykehuset Telemark HF", "Sykehuset Østfold HF"},
        {"Helse Bergen HF", "Helse Stavanger HF", "Helse Fonna HF", "Helse Førde HF"},
        {"St. Olavs hospital HF", "Helse Møre og Romsdal HF", "Helse Nord-Trøndelag HF"},
        {"Universitetssykehuset Nord-Norge HF", "Nordlandssykehuset HF", "Helgelandssykehuset HF",
         "Finnmarkssykehuset HF"},
    };
    return list;
}

const std::vector<std::string> units = {
    "Kreftklinikken",
    "Kirurgisk klinikk",
    "Medisinsk klinikk",
    "Barne- og ungdomsklinikken",
    "Nevroklinikken",
    "Hjerte-, lunge- og karklinikken",
    "Klinikk for psykisk helse og avhengighet",
    "Ortopedisk klinikk",
    "Kvinneklinikken",
    "Klinikk for laboratoriemedisin",
    "Klinikk for bildediagnostikk",
};

const std::vector<std::string> specialty_pool = {
    "Kirurgi",
    "Anestesi",
    "Radiologi",
    "Patologi",
    "Onkologi",
    "Sykepleie",
    "Fysioterapi",
    "Nevrologi",
    "Pediatri",
    "Kardiologi",
    "Psykologi",
    "Klinisk ernæring",
    "Medisinsk genetikk",
    "Plastikkirurgi",
    "Gastroenterologi",
    "Revmatologi",
    "Endokrinologi",
    "Ergoterapi",
    "Sosialfaglig arbeid",
    "Indremedisin",
};

const std::vector<std::string> first_names = {
    "Anne", "Kari", "Ingrid", "Marit", "Hilde", "Silje", "Nina", "Ola",  "Per", "Lars",
    "Jon",  "Knut", "Erik",   "Hans",  "Bjørn", "Trond", "Ida",  "Tone", "Eva", "Mona",
    "Siri", "Aud",  "Geir",   "Rune",  "Heidi", "Liv",   "Sven", "Tor",  "Åse", "Øystein",
};

const std::vector<std::string> last_names = {
    "Hansen",  "Johansen", "Olsen",   "Larsen", "Andersen", "Pedersen", "Nilsen",
    "Karlsen", "Jensen",   "Berg",    "Haugen", "Hagen",    "Bakken",   "Lie",
    "Dahl",    "Moen",     "Solberg", "Strand", "Lunde",    "Aasen",    "Myhre",
};

const std::vector<std::string> types = {
    "nasjonal-behandlingstjeneste",
    "flerregional-behandlingstjeneste",
    "nasjonal-kompetansetjeneste",
    "nasjonal-behandlingstjeneste",
    "kvalitets-og-kompetansenettverk",
    "flerregional-behandlingstjeneste",
    "nasjonalt-senter",
    "nasjonal-kompetansetjeneste",
};

struct FigureKind {
    const char* label;
    const char* unit;
    int low;
    int high;
};

const std::vector<FigureKind> treatment_figures = {
    {"Polikliniske konsultasjoner", "konsultasjoner", 200, 4000},
    {"Operasjoner", "inngrep", 15, 600},
    {"Innleggelser", "opphold", 20, 900},
    {"Liggedøgn", "døgn", 100, 5000},
    {"Tverrfaglige møter", "møter", 10, 120},
    {"Digitale konsultasjoner", "konsultasjoner", 20, 800},
    {"Genetiske analyser", "analyser", 30, 1500},
    {"Bildeundersøkelser", "undersøkelser", 50, 2500},
};

const std::vector<FigureKind> competence_figures = {
    {"Kurs og webinarer", "kurs", 4, 60},          {"Deltakere på kurs", "deltakere", 80, 3000},
    {"Veiledninger", "veiledninger", 10, 400},     {"Rådgivning per telefon", "samtaler", 30, 1200},
    {"Besøk på nettsidene", "besøk", 2000, 90000}, {"Hospiteringer", "dager", 5, 120},
};

struct GoalKind {
    bool quality;
    const char* title;
    const char* indicator;
    int target;
    bool higher_is_better;
};

const std::vector<GoalKind> goal_pool = {
    {false, "Kort ventetid", "Andel behandlet innen fire uker etter henvisning", 85, true},
    {false, "Tverrfaglig vurdering", "Andel drøftet i tverrfaglig møte før behandling", 95, true},
    {false, "Oppfølging etter behandling", "Andel med kontroll innen tre måneder", 85, true},
    {false, "Rask tilbakemelding", "Andel epikriser sendt innen sju dager", 90, true},
    {false, "Kompetanse i alle regioner", "Andel regioner med minst ett kurs i året", 100, true},
    {true, "Få komplikasjoner", "Andel med alvorlig komplikasjon innen 30 dager", 5, false},
    {true, "Lav reoperasjonsrate", "Andel reoperert innen 90 dager", 8, false},
    {true, "Fullstendig registrering", "Dekningsgrad i kvalitetsregisteret", 90, true},
    {true, "Fornøyde pasienter", "Andel som er fornøyd med behandlingen", 85, true},
    {true, "Fornøyde kursdeltakere", "Andel deltakere som vil anbefale kurset", 80, true},
};

std::uint32_t mix(std::uint32_t seed, int index, std::uint32_t salt) {
    std::uint32_t h = seed * 0x9E3779B1u ^ (static_cast<std::uint32_t>(index) + 0x7F4A7C15u);
    h ^= salt * 0x85EBCA6Bu;
    h ^= h >> 16;
    h *= 0x27D4EB2Du;
    h ^= h >> 15;
    return h;
}

int pick_region(Rng& rng) {
    const int roll = rng.between(1, 100);
    return roll <= 60 ? 0 : roll <= 80 ? 1 : roll <= 92 ? 2 : 3;
}

Host make_host(Rng& rng, int region) {
    const auto& list = trusts()[static_cast<std::size_t>(region)];
    const std::size_t which =
        rng.percent(65) ? 0 : rng.below(static_cast<std::uint32_t>(list.size()));
    return {list[which], region, rng.pick(units)};
}

std::string person(Rng& rng) {
    return rng.pick(first_names) + " " + rng.pick(last_names);
}

int drift(Rng& rng, int value, int low_percent, int high_percent) {
    const long scaled = static_cast<long>(value) * rng.between(low_percent, high_percent) / 100;
    return static_cast<int>(std::max(0L, scaled));
}

}  // namespace

const std::array<Region, region_count>& regions() {
    static const std::array<Region, region_count> list = {{
        {"helse-sor-ost", "Helse Sør-Øst", 0.567},
        {"helse-vest", "Helse Vest", 0.208},
        {"helse-midt-norge", "Helse Midt-Norge", 0.136},
        {"helse-nord", "Helse Nord", 0.089},
    }};
    return list;
}

Service plan_service(std::uint32_t seed, int index) {
    Rng rng(mix(seed, index, 1));
    const auto& acts = activities();
    const auto& diags = diagnoses();
    const int d_count = static_cast<int>(diags.size());
    const int a_count = static_cast<int>(acts.size());
    const int d = index % d_count;
    const int a = (d + index / d_count) % a_count;
    const int round = index / (d_count * a_count);  // beyond every pair: numbered

    Service s;
    s.type = types[static_cast<std::size_t>(index) % types.size()];
    s.treatment =
        s.type == "nasjonal-behandlingstjeneste" || s.type == "flerregional-behandlingstjeneste";
    s.slug = std::string(acts[static_cast<std::size_t>(a)].slug) + "-" +
             diags[static_cast<std::size_t>(d)].slug;
    s.diagnosis = diags[static_cast<std::size_t>(d)].nb;
    s.topic = std::string(acts[static_cast<std::size_t>(a)].nb) + " " + s.diagnosis;
    std::string en_topic = std::string(acts[static_cast<std::size_t>(a)].en) + " " +
                           diags[static_cast<std::size_t>(d)].en;
    std::string suffix_nb;
    if (round > 0) {
        s.slug += "-" + std::to_string(round + 1);
        suffix_nb = " (" + std::to_string(round + 1) + ")";
    }
    static const std::vector<std::pair<std::string, std::string>> prefixes = {
        {"nasjonal-behandlingstjeneste", "Nasjonal behandlingstjeneste for "},
        {"flerregional-behandlingstjeneste", "Flerregional behandlingstjeneste for "},
        {"nasjonal-kompetansetjeneste", "Nasjonal kompetansetjeneste for "},
        {"kvalitets-og-kompetansenettverk", "Nasjonalt kvalitets- og kompetansenettverk for "},
        {"nasjonalt-senter", "Nasjonalt senter for "},
    };
    static const std::vector<std::pair<std::string, std::string>> prefixes_en = {
        {"nasjonal-behandlingstjeneste", "Norwegian National Unit for "},
        {"flerregional-behandlingstjeneste", "Multi-regional Treatment Service for "},
        {"nasjonal-kompetansetjeneste", "Norwegian National Advisory Unit on "},
        {"kvalitets-og-kompetansenettverk", "National Quality and Competence Network for "},
        {"nasjonalt-senter", "National Centre for "},
    };
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
        if (prefixes[i].first == s.type) {
            s.name_nb = prefixes[i].second + s.topic + suffix_nb;
            s.name_en = prefixes_en[i].second + en_topic + suffix_nb;
        }
    }
    s.icd10 = diags[static_cast<std::size_t>(d)].icd10;

    const int responsible = pick_region(rng);
    s.hosts.push_back(make_host(rng, responsible));
    const bool two = s.type == "flerregional-behandlingstjeneste" || rng.percent(15);
    if (two) {
        const int other = (responsible + 1 + static_cast<int>(rng.below(3))) % region_count;
        s.hosts.push_back(make_host(rng, other));
    }
    s.established = rng.between(1990, 2012);
    if (!s.treatment) {
        s.competence_function = rng.percent(50) ? "opplaering" : "kompetanseoppbygging";
    }
    std::vector<std::string> pool = specialty_pool;
    const int specialties = rng.between(3, 5);
    for (int i = 0; i < specialties; ++i) {
        const std::size_t at = rng.below(static_cast<std::uint32_t>(pool.size()));
        s.specialties.push_back(pool[at]);
        pool.erase(pool.begin() + static_cast<long>(at));
    }
    for (int r = 0; r < region_count; ++r) {
        s.reference_group.push_back(
            {person(rng), "Representant for " + regions()[static_cast<std::size_t>(r)].name, r,
             false, false});
    }
    s.reference_group.push_back({person(rng), "Brukerrepresentant", -1, true, false});
    s.reference_group.push_back({person(rng), "Faglig leder", responsible, false, true});
    s.registries.push_back("Norsk kvalitetsregister for " + s.diagnosis);
    if (rng.percent(40)) {
        s.registries.push_back("Europeisk register for sjeldne sykdommer");
    }
    s.website = "https://tjenester.rapportverk.example/" + s.slug;
    s.email = "post." + s.slug + "@rapportverk.example";
    return s;
}

std::vector<Year> plan_years(const Service& service, std::uint32_t seed, int index, int first_year,
                             int years) {
    Rng rng(mix(seed, index, 2));
    const auto& kinds = service.treatment ? treatment_figures : competence_figures;
    // Each figure as a series of years + 1 values: the first is the year before the first.
    std::vector<std::size_t> chosen;
    const int figure_count = rng.between(2, 4);
    while (static_cast<int>(chosen.size()) < figure_count) {
        const std::size_t k = rng.below(static_cast<std::uint32_t>(kinds.size()));
        if (std::find(chosen.begin(), chosen.end(), k) == chosen.end()) {
            chosen.push_back(k);
        }
    }
    std::vector<std::vector<int>> series;
    for (const std::size_t k : chosen) {
        std::vector<int> values{rng.between(kinds[k].low, kinds[k].high)};
        for (int y = 0; y < years; ++y) {
            values.push_back(drift(rng, values.back(), 90, 115));
        }
        series.push_back(values);
    }
    std::vector<std::size_t> goals;
    goals.push_back(rng.below(5));      // a result goal
    goals.push_back(5 + rng.below(5));  // a quality goal
    if (rng.percent(60)) {
        const std::size_t extra = rng.below(static_cast<std::uint32_t>(goal_pool.size()));
        if (std::find(goals.begin(), goals.end(), extra) == goals.end()) {
            goals.push_back(extra);
        }
    }
    const int base_patients = service.treatment ? rng.between(8, 400) : 0;
    std::vector<int> staff_counts;
    for (std::size_t i = 0; i < service.specialties.size(); ++i) {
        staff_counts.push_back(service.treatment ? rng.between(3, 12) : rng.between(1, 6));
    }
    const int host_share = rng.between(20, 45);  // percent treated at the second host
    int accredited_from = rng.percent(50) ? first_year + rng.between(0, years) : 9999;

    std::vector<Year> out;
    for (int y = 0; y < years; ++y) {
        Year year;
        year.year = first_year + y;
        if (service.treatment) {
            const int total = std::max(4, drift(rng, base_patients, 85, 115));
            for (int r = 0; r < region_count; ++r) {
                const double expected = total * regions()[static_cast<std::size_t>(r)].share;
                year.treated[static_cast<std::size_t>(r)] =
                    static_cast<int>(expected * rng.between(75, 125) / 100.0 + 0.5);
                year.not_treated[static_cast<std::size_t>(r)] =
                    rng.percent(40) ? rng.between(0, 1 + total / 40) : 0;
            }
            if (service.hosts.size() > 1) {
                std::array<int, region_count> second{};
                std::array<int, region_count> first{};
                for (std::size_t r = 0; r < region_count; ++r) {
                    second[r] = year.treated[r] * host_share / 100;
                    first[r] = year.treated[r] - second[r];
                }
                year.by_host = {first, second};
            }
        }
        for (std::size_t f = 0; f < chosen.size(); ++f) {
            const auto& kind = kinds[chosen[f]];
            year.activity.push_back({kind.label, kind.unit,
                                     series[f][static_cast<std::size_t>(y) + 1],
                                     series[f][static_cast<std::size_t>(y)]});
        }
        for (std::size_t i = 0; i < service.specialties.size(); ++i) {
            int& count = staff_counts[i];
            count = std::max(service.treatment ? 3 : 1, count + rng.between(-1, 1));
            year.staff.push_back({service.specialties[i], count});
        }
        for (const std::size_t g : goals) {
            const auto& kind = goal_pool[g];
            Goal goal{kind.quality, kind.title, kind.indicator,
                      kind.target,  0,          kind.higher_is_better};
            goal.result = kind.higher_is_better ? std::min(100, kind.target + rng.between(-12, 8))
                                                : std::max(0, kind.target + rng.between(-4, 3));
            year.goals.push_back(goal);
        }
        year.publications = rng.between(0, 40);
        year.theses = rng.between(0, 3);
        year.projects = rng.between(1, 12);
        year.meetings = rng.between(1, 6);
        year.courses = rng.between(2, 30);
        year.accredited = year.year >= accredited_from;
        out.push_back(year);
    }
    return out;
}

}  // namespace rv::bench
