#pragma once
// "Did you mean": the closest candidate to a misspelt name.
#include <string>
#include <vector>

namespace rv::validate {

// The candidate nearest to `word` by edit distance, if it is close enough to be a
// plausible typo (at most a third of the word's length); empty otherwise.
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace rv::validate
