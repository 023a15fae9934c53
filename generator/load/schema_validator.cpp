#include "load/schema_validator.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <stdexcept>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "embedded/embedded.hpp"
#include "load/json_reader.hpp"

namespace rv::load {

namespace {

using Json = nlohmann::json;

std::string quoted_between(const std::string& text, const std::string& prefix) {
    const auto start = text.find(prefix);
    if (start == std::string::npos) {
        return {};
    }
    const auto from = start + prefix.size();
    const auto end = text.find('\'', from);
    return text.substr(from, end == std::string::npos ? std::string::npos : end - from);
}

std::string number_after(const std::string& text, const std::string& prefix) {
    const auto start = text.find(prefix);
    if (start == std::string::npos) {
        return {};
    }
    std::string out;
    for (auto i = start + prefix.size(); i < text.size(); ++i) {
        const char c = text[i];
        if ((c >= '0' && c <= '9') || c == '.' || c == '-') {
            out += c;
        } else {
            break;
        }
    }
    while (out.size() > 1 && out.find('.') != std::string::npos &&
           (out.back() == '0' || out.back() == '.')) {
        const bool dot = out.back() == '.';
        out.pop_back();
        if (dot) {
            break;
        }
    }
    return out;
}

std::string context_to_pointer(const std::vector<std::string>& context) {
    std::string pointer;
    for (const auto& part : context) {
        if (part == "<root>") {
            continue;
        }
        std::string key = part;
        if (key.size() >= 2 && key.front() == '[' && key.back() == ']') {
            key = key.substr(1, key.size() - 2);
        }
        pointer = pointer_append(pointer, key);
    }
    return pointer;
}

std::vector<std::string> split_pointer(const std::string& pointer) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < pointer.size()) {
        const auto next = pointer.find('/', i + 1);
        std::string part =
            pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        std::string key;
        for (std::size_t k = 0; k < part.size(); ++k) {
            if (part[k] == '~' && k + 1 < part.size()) {
                key += part[k + 1] == '1' ? '/' : '~';
                ++k;
            } else {
                key += part[k];
            }
        }
        parts.push_back(key);
        if (next == std::string::npos) {
            break;
        }
        i = next;
    }
    return parts;
}

const char* type_name(const Json& value) {
    if (value.is_null())
        return "@type.null";
    if (value.is_boolean())
        return "@type.boolean";
    if (value.is_number_integer())
        return "@type.integer";
    // 1e30 or 99999999999999999999: whole, but beyond the integers a count can hold.
    if (const double d = value.is_number_float() ? value.get<double>() : 0.5;
        d == std::trunc(d) && std::abs(d) >= 9.2e18)
        return "@type.too_large";
    if (value.is_number())
        return "@type.decimal";
    if (value.is_string())
        return "@type.string";
    if (value.is_array())
        return "@type.array";
    return "@type.object";
}

}  // namespace

// A schema's pattern, compiled once per thread (compiling costs far more than matching).
const std::regex& compiled(const std::string& pattern) {
    thread_local std::map<std::string, std::regex> patterns;
    auto found = patterns.find(pattern);
    if (found == patterns.end()) {
        found = patterns.emplace(pattern, std::regex(pattern)).first;
    }
    return found->second;
}

struct SchemaValidator::Impl {
    std::map<std::string, Json> documents;
    std::map<std::string, valijson::Schema> schemas;

    const Json* fetch(const std::string& uri) const {
        const auto name = uri.substr(0, uri.find('#'));
        const auto found = documents.find(name);
        return found == documents.end() ? nullptr : &found->second;
    }

    // Follows a "$ref" once; `document` is updated to the file the target lives in.
    const Json* follow(const Json* node, std::string& document) const {
        for (int guard = 0; guard < 8 && node && node->is_object() && node->contains("$ref");
             ++guard) {
            const std::string ref = (*node)["$ref"].get<std::string>();
            const auto hash = ref.find('#');
            if (hash != 0) {
                document = ref.substr(0, hash);
            }
            const Json* root = fetch(document);
            if (!root) {
                return nullptr;
            }
            const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
            try {
                node = &root->at(Json::json_pointer(pointer));
            } catch (const std::exception&) {
                return nullptr;
            }
        }
        return node;
    }

    // The schema that governs the value at `pointer`, where it is a plain path.
    const Json* subschema(const std::string& schema, const std::string& pointer) const {
        std::string document = schema;
        const Json* node = follow(fetch(schema), document);
        for (const auto& key : split_pointer(pointer)) {
            if (!node || !node->is_object()) {
                return nullptr;
            }
            if (node->contains("properties") && (*node)["properties"].contains(key)) {
                node = &(*node)["properties"][key];
            } else if (node->contains("items") && (*node)["items"].is_object()) {
                node = &(*node)["items"];
            } else if (node->contains("additionalProperties") &&
                       (*node)["additionalProperties"].is_object()) {
                node = &(*node)["additionalProperties"];
            } else {
                return nullptr;
            }
            node = follow(node, document);
        }
        return node;
    }
};

SchemaValidator::SchemaValidator() : impl_(std::make_unique<Impl>()) {
    for (const auto& file : embedded::schemas()) {
        impl_->documents[std::string(file.path)] = Json::parse(file.contents);
    }
    for (const auto& [name, document] : impl_->documents) {
        valijson::SchemaParser parser;
        valijson::adapters::NlohmannJsonAdapter adapter(document);
        auto fetch = [this](const std::string& uri) { return impl_->fetch(uri); };
        auto release = [](const Json*) {};
        parser.populateSchema(adapter, impl_->schemas[name], fetch, release);
    }
}

SchemaValidator::~SchemaValidator() = default;

// valijson checks propertyNames but reports nothing when a name fails: check names here.
void SchemaValidator::check_property_names(const std::string& schema, const Json& value,
                                           const std::string& pointer,
                                           std::vector<SchemaProblem>& problems) const {
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            check_property_names(schema, value[i], pointer + "/" + std::to_string(i), problems);
        }
        return;
    }
    if (!value.is_object()) {
        return;
    }
    const Json* rule = impl_->subschema(schema, pointer);
    const Json* names =
        rule && rule->contains("propertyNames") ? &(*rule)["propertyNames"] : nullptr;
    for (const auto& [key, child] : value.items()) {
        const std::string member = pointer_append(pointer, key);
        if (names && names->contains("pattern") &&
            !std::regex_search(key, compiled((*names)["pattern"].get<std::string>()))) {
            const std::string hint = names->value("x-hint", "");
            problems.push_back(
                {member, "RV105", {key, hint.empty() ? "@schema.pattern" : "@hint." + hint}});
        }
        check_property_names(schema, child, member, problems);
    }
}

std::vector<SchemaProblem> SchemaValidator::validate(const std::string& schema,
                                                     const Json& document) const {
    const auto found = impl_->schemas.find(schema);
    if (found == impl_->schemas.end()) {
        throw std::logic_error("no such schema: " + schema);
    }
    // One validator per thread, kept: it caches the patterns it compiled.
    thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(document);
    validator.validate(found->second, target, &results);

    std::vector<valijson::ValidationResults::Error> errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        errors.push_back(error);
    }
    // Where a value had to match one of several alternatives (oneOf, anyOf), valijson also
    // reports why each alternative failed: say once that no alternative fits instead.
    std::vector<std::string> alternatives;
    for (const auto& e : errors) {
        if (e.description.rfind("Failed to validate against exactly one child", 0) == 0 ||
            e.description.rfind("Failed to validate against any", 0) == 0) {
            alternatives.push_back(context_to_pointer(e.context));
        }
    }
    const auto under_alternative = [&](const std::string& pointer) {
        for (const auto& p : alternatives) {
            if (pointer == p || pointer.rfind(p + "/", 0) == 0) {
                return true;
            }
        }
        return false;
    };

    std::vector<SchemaProblem> problems;
    for (const std::string& pointer : alternatives) {
        problems.push_back({pointer, "RV109", {"@schema.alternatives"}});
    }
    check_property_names(schema, document, "", problems);
    for (const auto& e : errors) {
        const std::string& text = e.description;
        // Parent-level echoes of an error already reported at the child.
        if (text.rfind("Failed to validate against schema associated with property", 0) == 0 ||
            text.rfind("Failed to validate item #", 0) == 0 ||
            text.rfind("Failed to validate against additional properties", 0) == 0 ||
            text.rfind("Failed to validate against schema associated with pattern", 0) == 0 ||
            text.rfind("Failed to validate against child schema #", 0) == 0 ||
            under_alternative(context_to_pointer(e.context))) {
            continue;
        }
        SchemaProblem problem;
        problem.pointer = context_to_pointer(e.context);
        const Json* value = nullptr;
        try {
            value = &document.at(Json::json_pointer(problem.pointer));
        } catch (const std::exception&) {
            value = nullptr;
        }
        const Json* rule = impl_->subschema(schema, problem.pointer);
        if (text.rfind("Missing required property", 0) == 0) {
            problem.code = "RV102";
            problem.args = {quoted_between(text, "property '")};
        } else if (text.rfind("Object contains a property", 0) == 0) {
            const auto name = quoted_between(text, "constraints: '");
            problem.code = "RV103";
            problem.pointer = pointer_append(problem.pointer, name);
            problem.args = {name};
        } else if (text.rfind("Value type not permitted", 0) == 0) {
            problem.code = "RV101";
            std::string expected = "@type.other";
            if (rule && rule->contains("type") && (*rule)["type"].is_string()) {
                expected = "@type." + (*rule)["type"].get<std::string>();
            }
            problem.args = {expected, value ? type_name(*value) : "@type.other"};
        } else if (text.rfind("Failed to match against any enum", 0) == 0) {
            problem.code = "RV104";
            std::string allowed;
            if (rule && rule->contains("enum")) {
                for (const auto& option : (*rule)["enum"]) {
                    allowed += (allowed.empty() ? "" : ", ") + option.dump();
                }
            }
            problem.args = {value && value->is_string() ? value->get<std::string>() : "", allowed};
        } else if (text.rfind("Failed to match regex", 0) == 0) {
            problem.code = "RV105";
            const std::string hint =
                rule && rule->contains("x-hint") ? (*rule)["x-hint"].get<std::string>() : "";
            problem.args = {value && value->is_string() ? value->get<std::string>() : "",
                            hint.empty() ? "@schema.pattern" : "@hint." + hint};
        } else if (text.rfind("Expected number", 0) == 0) {
            problem.code = "RV106";
            const bool at_least = text.find("greater") != std::string::npos;
            const std::string bound = number_after(text, at_least ? "equal to " : "equal to ");
            problem.args = {at_least ? "@schema.at_least" : "@schema.at_most",
                            bound.empty() ? number_after(text, "than ") : bound};
        } else if (text.rfind("String should be no fewer than", 0) == 0) {
            problem.code = "RV107";
            problem.args = {"@schema.text_empty"};
        } else if (text.rfind("String should be no more than", 0) == 0) {
            problem.code = "RV107";
            problem.args = {"@schema.text_too_long"};
        } else if (text.rfind("Array should contain no fewer than", 0) == 0) {
            problem.code = "RV108";
            problem.args = {"@schema.list_too_short"};
        } else if (text.find("unique") != std::string::npos ||
                   text.rfind("Elements at indexes", 0) == 0) {
            problem.code = "RV108";
            problem.args = {"@schema.list_not_unique"};
        } else {
            problem.code = "RV109";
            problem.args = {text};  // valijson's own words: no catalogue text fits
        }
        problems.push_back(std::move(problem));
    }
    return problems;
}

}  // namespace rv::load
