// Sentence templates and headings of the synthetic Markdown (see corpus_phrases.hpp).
#include "corpus_phrases.hpp"

#include <map>

namespace rv::bench::phrases {

const std::vector<const char*> plain_treatment = {
    "Vi gir hjelp til folk med {D}.",
    "Det er en sjelden sykdom.",
    "Legen din kan sende oss en henvisning.",
    "Vi tar imot folk fra hele landet.",
    "I {Y} fikk {t} nye pasienter hjelp hos oss.",
    "De kom fra alle deler av landet.",
    "Vi har leger og sykepleiere som kan mye om dette.",
    "Vi lærer bort det vi kan til andre.",
    "Andre sykehus får råd fra oss.",
    "Vi vil at alle skal få like god hjelp.",
    "Det går bra med de fleste.",
    "Du kan ta med deg en du stoler på.",
    "Spør oss hvis noe er uklart.",
    "Du kan ringe oss på dagtid.",
    "Ventetiden var kort i år.",
    "Vi ser på hvordan det går med deg etterpå.",
    "Mange får hjelp nær der de bor.",
    "Vi vil at hjelpen skal bli enda bedre.",
    "Det er gratis å få hjelp hos oss.",
    "Noen må bo her i noen dager.",
    "Andre kan dra hjem samme dag.",
    "Vi gir deg svar så fort vi kan.",
};

const std::vector<const char*> plain_competence = {
    "Vi lærer bort det vi vet om {D}.",
    "Vi gir råd til leger og andre som jobber med syke.",
    "I {Y} holdt vi {c} kurs.",
    "Kursene var åpne for folk fra hele landet.",
    "Mange fulgte kursene på nett.",
    "Vi har en side på nett med råd og tips.",
    "Du kan spørre oss om hjelp.",
    "Vi vil at alle skal få like god hjelp.",
    "Vi jobber med folk i alle deler av landet.",
    "Vi vil at det skal bli lett å få vite mer.",
    "Vi lager også råd for hva som er god hjelp.",
    "Det er gratis å spørre oss.",
    "Vi svarer så fort vi kan.",
    "Vi tar med oss det vi lærer av deg.",
};

const std::vector<const char*> plain_items = {
    "Vi gir råd.", "Vi gir svar på spørsmål.", "Vi holder kurs.",    "Vi lager gode råd.",
    "Vi ser deg.", "Vi tar tid til deg.",      "Vi følger deg opp.", "Vi hjelper legen din.",
};

const std::vector<const char*> plain_headings = {
    "Hva gjør vi?",
    "Hvem kan få hjelp?",
    "Slik gikk det i år",
    "Slik får du hjelp",
};

const std::vector<const char*> general = {
    "I {Y} har tjenesten videreført arbeidet med å sikre et likeverdig tilbud til pasienter med "
    "{D} i hele landet.",
    "Fagmiljøet ved {H} har hatt et tett samarbeid med de regionale fagmiljøene, særlig i {R}.",
    "Antallet henvendelser har økt jevnt de siste årene, og tjenesten har tilpasset kapasiteten "
    "etter behovet.",
    "Arbeidet bygger på *Veileder for nasjonale tjenester i spesialisthelsetjenesten*, som "
    "beskriver kravene til tjenestene.",
    "Se også {L} for mer informasjon om kravene til tjenesten.",
    "Det har vært {n} faste tverrfaglige møter der pasientforløp og behandlingsvalg er drøftet.",
    "Samarbeidet med fagpersoner innen {F} er styrket, blant annet gjennom felles prosedyrer og "
    "hospitering.",
    "Tjenesten har hatt en stabil bemanning gjennom året, men sykefravær og permisjoner har gitt "
    "perioder med redusert kapasitet.",
    "Om lag {p} prosent av henvendelsene gjaldt pasienter som allerede var i et forløp ved "
    "lokalsykehuset.",
    "Nye digitale verktøy gjør det enklere å gi råd til behandlere i {R} uten at pasienten må "
    "reise.",
    "Tjenesten har deltatt i nasjonale og internasjonale nettverk, og erfaringene derfra er brukt "
    "i egen praksis.",
    "Ventetiden har i hovedsak vært innenfor målet, men den var lengre i sommermånedene.",
    "Pasientene får skriftlig informasjon før og etter behandlingen, og informasjonen ble "
    "revidert i {Y}.",
    "Det er et **viktig mål** at pasienter fra alle helseregioner får tilbud på like vilkår.",
    "Resultatene registreres i {G}, slik at de kan sammenlignes over tid.",
    "Erfaringene fra {P} viste at det var behov for tydeligere henvisningsrutiner, og dette er "
    "fulgt opp i {Y}.",
    "Fagpersonene ved tjenesten har holdt foredrag på nasjonale møter og på kurs for leger i "
    "spesialisering.",
    "Tjenesten har gitt råd i {n} saker der pasienten ble behandlet ved eget sykehus.",
    "Et felles pasientforløp for {D} er utarbeidet sammen med fagmiljøene i de fire "
    "helseregionene.",
    "Henvisende leger har gitt gode tilbakemeldinger på svartiden og kvaliteten på rådene.",
    "Samarbeidet med brukerrepresentanten har gitt nyttige innspill til pasientinformasjonen.",
    "Tjenesten følger utviklingen internasjonalt og vurderer nye metoder gjennom {L}.",
    "Det er fortsatt få pasienter med {D} i Norge, og derfor er det viktig at erfaringen samles i "
    "ett fagmiljø.",
    "Tjenesten har revidert prosedyrene for oppfølging etter utskrivning.",
    "Andelen pasienter fra {R} har økt, noe som kan henge sammen med bedre kjennskap til "
    "tilbudet.",
    "Det er gjennomført en intern revisjon av pasientforløpet, og forbedringspunktene følges opp.",
    "Tjenestens nettside er oppdatert med ny informasjon til pasienter og helsepersonell ({W}).",
    "Ledelsen ved {H} har prioritert tjenesten i budsjettet for {Y}.",
    "_Tallene for {Y} er foreløpige og kan bli justert når registreringen er fullført._",
    "Tjenesten har et godt samarbeid med kommunehelsetjenesten om oppfølging etter behandling.",
    "I løpet av året ble det holdt {n} møter med fagmiljøene i de andre regionene.",
    "Samarbeidet med {L} har gitt bedre tilgang til data om forekomst og resultater.",
    "Pasienter og pårørende har fått tilbud om samtale med sykepleier før og etter behandlingen.",
    "Det er behov for flere fagpersoner med spesialkompetanse innen {F} for å gjøre tjenesten "
    "mer robust.",
    "Tjenesten har bidratt til de nasjonale faglige retningslinjene for {D}.",
    "Resultatene er på nivå med internasjonale sammenligningstall.",
    "Flere pasienter enn før fikk oppfølging nær hjemmet, med råd fra tjenesten.",
    "Rundt {p} prosent av pasientene hadde behov for oppfølging fra flere faggrupper.",
    "Tjenesten har i {Y} hatt særlig oppmerksomhet på overgangen mellom sykehus og kommune.",
    "Et nytt samarbeid med {H} har gjort det mulig å gi tilbud nærmere pasientenes hjemsted.",
};

const std::vector<const char*> general_headings = {
    "Samarbeid med regionene",
    "Organisering",
    "Pasientforløp",
    "Ventetider",
    "Bemanning og kapasitet",
    "Digitale løsninger",
    "Brukermedvirkning",
    "Nettverk og samarbeid",
    "Faglig utvikling",
    "Økonomi og ressurser",
    "Informasjon til pasienter",
    "Oppfølging",
    "Erfaringer fra året",
    "Arbeid med kvalitet",
    "Samhandling med kommunene",
    "Internasjonalt samarbeid",
    "Prosedyrer og retningslinjer",
    "Rekruttering",
};

const std::vector<const char*> sub_headings = {
    "Erfaringer", "Tiltak", "Status", "Vurdering", "Videre arbeid", "Bakgrunn", "Resultater",
};

const std::vector<const char*> list_items = {
    "faste tverrfaglige møter med de regionale fagmiljøene",
    "oppdatert pasientinformasjon på **tjenestens nettside**",
    "felles prosedyrer for utredning og behandling av {D}",
    "hospitering for fagpersoner fra {R}",
    "digitale konsultasjoner med henvisende sykehus",
    "undervisning for leger i spesialisering innen {F}",
    "registrering av alle pasienter i {G}",
    "årlig fagdag for helsepersonell i alle regioner",
    "samarbeid med brukerorganisasjonen om likepersonsarbeid",
    "revisjon av henvisningskriteriene sammen med referansegruppen",
    "oppfølging av pasienter etter behandling, i samarbeid med {H}",
    "nasjonalt nettverk for fagpersoner innen {F}",
};

const std::vector<const char*> links = {
    "[Helsedirektoratet](https://www.helsedirektoratet.no/)",
    "[veilederen for nasjonale tjenester](https://www.helsedirektoratet.no/veiledere/"
    "nasjonale-tjenester-i-spesialisthelsetjenesten)",
    "[helsenorge.no](https://www.helsenorge.no/)",
    "[Kreftregisteret](https://www.kreftregisteret.no/)",
    "[Folkehelseinstituttet](https://www.fhi.no/)",
    "[Lovdata](https://lovdata.no/)",
    "[Norsk helsenett](https://www.nhn.no/)",
    "[nasjonale medisinske kvalitetsregistre](https://www.kvalitetsregistre.no/)",
    "[Cristin](https://www.cristin.no/)",
    "[PubMed](https://pubmed.ncbi.nlm.nih.gov/)",
    "[Statistisk sentralbyrå](https://www.ssb.no/)",
    "[Nye metoder](https://www.nyemetoder.no/)",
};

const std::vector<const char*> criteria = {
    "Pasienten har en bekreftet eller sterkt mistenkt diagnose innen {D}.",
    "Utredning ved eget helseforetak er gjennomført, og resultatene følger henvisningen.",
    "Pasienten er vurdert i tverrfaglig møte ved henvisende sykehus.",
    "Pasienten har behov for behandling som krever spesialkompetanse innen {F}.",
    "Pasienten ønsker selv å bli henvist, etter samtale med behandlende lege.",
    "Det foreligger tilbakefall eller komplikasjoner etter tidligere behandling.",
};

const std::vector<const char*> referral_steps = {
    "Send henvisningen elektronisk til tjenesten ved {H}.",
    "Legg ved epikrise, bildeundersøkelser og relevante prøvesvar.",
    "Ring tjenestens vakttelefon ved behov for rask vurdering.",
    "Tjenesten vurderer henvisningen innen ti virkedager.",
    "Pasienten og henvisende lege får skriftlig svar med tidspunkt for time.",
};

const std::vector<const char*> challenges = {
    "Rekruttering av fagpersoner innen {F} er krevende.",
    "Kapasiteten på operasjonsstuene har vært en begrensning i deler av året.",
    "Det mangler en felles nasjonal løsning for deling av bilder mellom sykehusene.",
    "Finansieringen av tjenestens nasjonale oppgaver dekker ikke de faktiske kostnadene.",
    "Det er vanskelig å nå pasienter i {R} med tilbud om oppfølging.",
    "Registreringen i {G} krever mye manuelt arbeid.",
    "Pasientreiser over lange avstander er en belastning for pasienter og pårørende.",
};

const std::vector<const char*> plans = {
    "Videreutvikle digitale konsultasjoner med alle helseregioner.",
    "Revidere henvisningskriteriene sammen med referansegruppen.",
    "Starte et nasjonalt forskningsprosjekt om behandling av {D}.",
    "Arrangere en nasjonal fagdag i {R}.",
    "Øke dekningsgraden i {G}.",
    "Utarbeide ny pasientinformasjon sammen med brukerrepresentanten.",
    "Etablere faste hospiteringsordninger for fagpersoner innen {F}.",
};

const std::vector<const char*> publication_titles = {
    "Resultater etter behandling av {D} i Norge: en nasjonal kohortstudie",
    "Livskvalitet hos pasienter med {D} fem år etter behandling",
    "Regionale forskjeller i tilgang til behandling ved {D}",
    "Komplikasjoner etter behandling av {D}: data fra {G}",
    "Tverrfaglig oppfølging ved {D}: en randomisert studie",
    "Forekomst av {D} i Norge {P}–{Y}",
};

namespace {

const std::map<std::string, std::vector<const char*>> section_sentences = {
    {"aktivitet",
     {"Aktiviteten var noe høyere enn året før, særlig i andre halvår.",
      "Økningen skyldes i hovedsak flere henvisninger fra {R}.",
      "Tjenesten har tatt i bruk nye rutiner for planlegging av poliklinikken.",
      "Tallene er hentet fra sykehusets pasientadministrative system."}},
    {"tilgjengelighet",
     {"Fordelingen per region følger i hovedsak befolkningen.",
      "Færre pasienter fra {R} enn forventet kan skyldes lengre reiseavstand.",
      "Tjenesten har informert fagmiljøene i {R} om tilbudet.",
      "Små tall gjør at fordelingen kan variere mye fra år til år."}},
    {"forskning",
     {"Tjenesten deltar i et nordisk forskningsnettverk om {D}.",
      "Det er etablert en forskningsbiobank i samarbeid med {H}.",
      "Publikasjonene er registrert i {L}.", "To doktorgradsprosjekter er i sluttfasen."}},
    {"kvalitet",
     {"Måloppnåelsen vurderes hvert år sammen med referansegruppen.",
      "Resultatene sammenlignes med tilsvarende tjenester i Norden.",
      "Dekningsgraden i {G} var {p} prosent."}},
    {"kompetansespredning",
     {"Undervisningen er rettet mot helsepersonell i alle helseregioner.",
      "Planen for kompetansespredning er laget sammen med referansegruppen.",
      "Opptak av kurs er tilgjengelige på tjenestens nettside ({W})."}},
};

const std::map<std::string, std::vector<const char*>> section_headings = {
    {"aktivitet", {"Poliklinisk virksomhet", "Døgnbehandling", "Utvikling over tid"}},
    {"tilgjengelighet", {"Fordeling per region", "Tiltak for lik tilgang", "Reiseavstand"}},
    {"forskning", {"Forskningsnettverk", "Pågående prosjekter", "Doktorgrader"}},
    {"kvalitet", {"Måloppnåelse", "Kvalitetsforbedring", "Pasientsikkerhet"}},
    {"kompetansespredning", {"Kurs og fagdager", "Veiledning", "Hospitering"}},
};

}  // namespace

const std::vector<const char*>& sentences_for(const std::string& section) {
    static const std::vector<const char*> none;
    const auto found = section_sentences.find(section);
    return found == section_sentences.end() ? none : found->second;
}

const std::vector<const char*>& headings_for(const std::string& section) {
    static const std::vector<const char*> none;
    const auto found = section_headings.find(section);
    return found == section_headings.end() ? none : found->second;
}

}  // namespace rv::bench::phrases
