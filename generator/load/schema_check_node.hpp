#pragma once
// One compiled subschema of a SchemaCheck: the constraints of one schema object, each in the
// form valijson holds it after parsing (schema_check_compile.cpp builds them, schema_check.cpp
// applies them). Internal to those two files.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/schema_regex.hpp"

namespace rv::load {

// A "pattern", or a name in "patternProperties": its DFA where SchemaRegex takes the
// pattern, else std::regex (pattern_matches).
struct CheckPattern {
    std::string text;
    std::shared_ptr<const SchemaRegex> dfa;

    bool matches(const std::string& value) const;
};

struct CheckNode {
    // The JSON types a "type" keyword allows, as bits; an integer has both integer and number.
    enum TypeBit : std::uint8_t {
        null_bit = 1,
        boolean_bit = 2,
        integer_bit = 4,
        number_bit = 8,
        string_bit = 16,
        array_bit = 32,
        object_bit = 64,
    };
    static constexpr std::uint64_t unbounded = std::numeric_limits<std::uint64_t>::max();

    // "false" as a schema: nothing is valid.
    bool always_invalid = false;
    // 0 when there is no "type" (or it allows "any").
    std::uint8_t types = 0;

    // Strings: lengths in code points as valijson counts them, and "pattern".
    std::uint64_t min_length = 0;
    std::uint64_t max_length = unbounded;
    bool has_pattern = false;
    CheckPattern pattern;

    // Numbers: each of minimum, maximum, exclusiveMinimum, exclusiveMaximum present.
    struct Bound {
        double value = 0;
        bool lower = true;
        bool exclusive = false;
    };
    std::vector<Bound> bounds;

    // Any value: "enum" (when has_enum) and "const" (when has_const).
    bool has_enum = false;
    std::vector<nlohmann::json> enum_values;
    bool has_const = false;
    nlohmann::json const_value;

    // Arrays: a single "items" subschema.
    const CheckNode* items = nullptr;
    std::uint64_t min_items = 0;
    std::uint64_t max_items = unbounded;
    bool unique_items = false;

    // Objects. has_properties: one of properties, patternProperties, additionalProperties is
    // there (valijson's PropertiesConstraint); `properties` is sorted by name, as members are.
    enum class Additional : std::uint8_t { any, none, schema };
    bool has_properties = false;
    std::vector<std::pair<std::string, const CheckNode*>> properties;
    std::vector<std::pair<CheckPattern, const CheckNode*>> pattern_properties;
    Additional additional = Additional::any;
    const CheckNode* additional_schema = nullptr;
    std::vector<std::string> required;
    // "required" split for the walk: bits of the `properties` (the first 64) it names, whose
    // presence the walk over the members sees, and the other names, which are looked up.
    std::uint64_t required_bits = 0;
    std::vector<std::string> required_elsewhere;
    std::uint64_t min_properties = 0;
    std::uint64_t max_properties = unbounded;
    const CheckNode* property_names = nullptr;

    // Combinations; `combined` when there is any.
    bool combined = false;
    std::vector<const CheckNode*> all_of;
    std::vector<const CheckNode*> any_of;
    std::vector<const CheckNode*> one_of;
    const CheckNode* not_schema = nullptr;
    const CheckNode* if_schema = nullptr;  // then/else only count with an "if"
    const CheckNode* then_schema = nullptr;
    const CheckNode* else_schema = nullptr;
};

}  // namespace rv::load
