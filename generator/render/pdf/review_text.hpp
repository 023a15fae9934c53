#pragma once
// The words of a review, shared by the printed review and `rapportverk review`'s text and
// JSON: numbers in the reader's language, evidence texts with the file and line they rest
// on, criterion titles and outcomes.
#include <string>

#include "analyse/criteria.hpp"
#include "model/content.hpp"

namespace rv::pdf {

// "0,88" in bokmål, "0.88" in English; whole numbers grouped ("3 076 276") in bokmål.
std::string number_text(double value, int decimals, const std::string& language);
// A share (0.643) as "64,3 %" or "64.3%".
std::string percent_text(double share, const std::string& language);

// The evidence in words, its numbers formatted for `language`.
std::string evidence_text(const analyse::Evidence& evidence, const std::string& language);
// Where the evidence comes from, relative to the content folder ("services/x/2023/report.json,
// linje 12"); empty when it rests on no file.
std::string evidence_source(const analyse::Evidence& evidence, const std::string& content_root,
                            const std::string& language);

const model::Criterion* find_criterion(const model::Content& content, const std::string& id);
// The criterion's title in `language`, or its id when criteria.json does not have it.
std::string criterion_title(const model::Content& content, const std::string& id,
                            const std::string& language);
// "Oppfylt", "Ikke oppfylt", "Kan ikke vurderes".
std::string outcome_text(analyse::Outcome outcome, const std::string& language);

}  // namespace rv::pdf
