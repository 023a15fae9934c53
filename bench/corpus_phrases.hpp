// Sentence templates and headings of the synthetic Markdown (Norwegian bokmål).
// Tokens, expanded by corpus_text.cpp: {N} service name, {D} diagnosis, {Y} year, {P} year
// before, {R} a region, {H} a host trust, {F} a specialty, {n} a small number, {p} a
// percentage, {t} new patients treated, {c} courses, {G} a quality registry, {L} an
// external link, {W} a link to the service's website.
#pragma once

#include <string>
#include <vector>

namespace rv::bench::phrases {

// Plain language (kort-fortalt): short sentences of short words, for a low LIX.
extern const std::vector<const char*> plain_treatment;
extern const std::vector<const char*> plain_competence;
extern const std::vector<const char*> plain_items;
extern const std::vector<const char*> plain_headings;

// Professional text.
extern const std::vector<const char*> general;
extern const std::vector<const char*> general_headings;
extern const std::vector<const char*> sub_headings;
extern const std::vector<const char*> list_items;
extern const std::vector<const char*> links;

// Per section id: extra sentences and headings ("" for any other id).
const std::vector<const char*>& sentences_for(const std::string& section);
const std::vector<const char*>& headings_for(const std::string& section);

// Referral criteria and steps (henvisning), challenges (utfordringer), plans (planer).
extern const std::vector<const char*> criteria;
extern const std::vector<const char*> referral_steps;
extern const std::vector<const char*> challenges;
extern const std::vector<const char*> plans;
extern const std::vector<const char*> publication_titles;

}  // namespace rv::bench::phrases
