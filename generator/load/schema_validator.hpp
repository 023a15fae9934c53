#pragma once
// Checks a JSON document against one of the project's JSON Schemas (compiled into the
// program from schemas/), with valijson, and turns its findings into catalogue codes.
// Documents a compiled check (schema_check.hpp) finds valid skip valijson, which would have
// found nothing in them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rv::load {

struct SchemaProblem {
    std::string pointer;  // JSON pointer of the offending value
    std::string code;     // RV1xx
    std::vector<std::string> args;
};

class SchemaValidator {
  public:
    SchemaValidator();
    ~SchemaValidator();
    SchemaValidator(const SchemaValidator&) = delete;
    SchemaValidator& operator=(const SchemaValidator&) = delete;

    // `schema` is a file name in schemas/, e.g. "report.schema.json".
    std::vector<SchemaProblem> validate(const std::string& schema,
                                        const nlohmann::json& document) const;

    // For tests that compare the two ways validate() may take: validate() with valijson
    // alone, and the compiled check's answer (none when the schema has no compiled check).
    std::vector<SchemaProblem> validate_with_valijson(const std::string& schema,
                                                      const nlohmann::json& document) const;
    std::optional<bool> quick_check(const std::string& schema,
                                    const nlohmann::json& document) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rv::load
