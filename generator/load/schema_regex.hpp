#pragma once
// A schema "pattern" as a small DFA, for the compiled schema check (schema_check.hpp):
// whether std::regex_search with an ECMAScript std::regex, as valijson matches, would find
// the pattern in a text, without std::regex. libstdc++'s std::regex costs hundreds of
// thousands of instructions to compile and thousands per search; the DFA takes one table
// look-up per byte.
//
// Only a plain subset of ECMAScript is taken: literals, escaped punctuation, \d \s \w,
// bracket expressions of ASCII characters and ranges, groups, alternation, the greedy
// quantifiers * + ? {n} {n,} {n,m}, and ^ and $ at the very start and end. That subset has
// no look-around, back-references or laziness, so a match exists exactly when the DFA accepts
// (which match libstdc++'s backtracking would pick does not matter). Character classes are
// read from std::regex_traits<char> of the global locale, as std::regex reads them.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rv::load {

class SchemaRegex {
  public:
    // Null when `pattern` uses anything beyond the subset above (std::regex must decide).
    static std::unique_ptr<const SchemaRegex> compile(const std::string& pattern);

    bool search(const std::string& text) const;

  private:
    SchemaRegex() = default;

    bool anchored_end_ = false;          // after $, a match must reach the end of the text
    std::uint8_t byte_class_[256] = {};  // bytes every bracket treats alike share a class
    int classes_ = 0;
    int start_ = 0;
    std::vector<std::int32_t> next_;  // [state * classes_ + class]; -1: no match from here
    std::vector<bool> accepting_;

    friend class RegexBuilder;
};

}  // namespace rv::load
