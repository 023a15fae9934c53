#pragma once
// A quick yes/no check of a JSON document against one of the project's JSON Schemas, for the
// common case of a valid document. valijson (SchemaValidator) finds and words every problem,
// but that costs about ten times what checking the few keywords our schemas use does when
// there is nothing to report. So a schema is compiled once into a tree of small checks
// (CheckNode) that give valijson's own answer, with strong types, to "is it valid?", and
// SchemaValidator asks valijson only about documents this check rejects.
//
// It must never call valid a document valijson rejects. It follows valijson 1.0 (Debian's)
// rule for rule: the same keywords read the same way, the same $ref resolution, the same
// type tests, number conversions, string lengths and equality, and patterns matched as
// std::regex matches them. A schema with a keyword it does not know, or one where valijson's
// schema cache would make one subschema stand for another, gets no check at all.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rv::load {

struct CheckNode;

// Whether `text` matches the ECMAScript `pattern` anywhere (std::regex_search), as valijson
// matches "pattern" and "patternProperties": each pattern is compiled once for the program,
// and each thread remembers recent answers.
bool pattern_matches(const std::string& pattern, const std::string& text);

class SchemaCheck {
  public:
    // The schema files by name (schemas/*.json), as $refs name them.
    using Documents = std::map<std::string, nlohmann::json, std::less<>>;

    // The check for the schema file `name`; null when it uses a keyword, or a form of one,
    // this check does not follow (then valijson must decide every document).
    static std::unique_ptr<const SchemaCheck> compile(const Documents& documents,
                                                      const std::string& name);

    ~SchemaCheck();
    SchemaCheck(const SchemaCheck&) = delete;
    SchemaCheck& operator=(const SchemaCheck&) = delete;

    // True when valijson would find `document` valid; false when it would not (or, for a
    // string valijson cannot count, might not). Safe to call on several threads at once.
    bool valid(const nlohmann::json& document) const;

  private:
    SchemaCheck();
    std::vector<std::unique_ptr<CheckNode>> nodes_;
    const CheckNode* root_ = nullptr;

    friend class SchemaCompiler;
};

}  // namespace rv::load
