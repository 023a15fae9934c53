#include "load/schema_validator.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/std_string_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "embedded/embedded.hpp"
#include "load/json_reader.hpp"
#include "load/schema_check.hpp"

namespace rv::load {
namespace {

// valijson's check of a "pattern" constraint, with pattern_matches for its std::regex.
template <typename Adapter>
bool visit_pattern(const valijson::constraints::PatternConstraint& constraint,
                   const Adapter& target, bool strict, valijson::ValidationResults* results,
                   const std::vector<std::string>& context) {
    if ((strict && !target.isString()) || !target.maybeString()) {
        return true;
    }
    thread_local std::string pattern;  // kept: no allocation per value
    constraint.getPattern(pattern);
    if (!pattern_matches(pattern, target.asString())) {
        if (results) {
            results->pushError(context, "Failed to match regex specified by 'pattern' constraint.");
        }
        return false;
    }
    return true;
}

}  // namespace
}  // namespace rv::load

// valijson (Debian's 1.0) matches a "pattern" with a std::regex of its own per Validator and
// takes no other regex engine. The same few patterns meet the same values and property names
// in thousands of reports, so the visitors this file instantiates (the documents', and the
// property names' that propertyNames checks) ask pattern_matches instead (schema_check.cpp),
// which compiles each pattern once and remembers answers; what they report is valijson's
// own. valijson is included by this file alone (the only user of it in the program), so
// these are the only instantiations of these visitors.
namespace valijson {
template <>
bool ValidationVisitor<adapters::NlohmannJsonAdapter>::visit(
    const constraints::PatternConstraint& constraint) {
    return rv::load::visit_pattern(constraint, m_target, m_strictTypes, m_results, m_context);
}
template <>
bool ValidationVisitor<adapters::StdStringAdapter>::visit(
    const constraints::PatternConstraint& constraint) {
    return rv::load::visit_pattern(constraint, m_target, m_strictTypes, m_results, m_context);
}
}  // namespace valijson

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

struct SchemaValidator::Impl {
    std::map<std::string, Json, std::less<>> documents;
    std::map<std::string, valijson::Schema> schemas;
    // By schema: the compiled check (null where it does not follow the schema), and whether
    // check_names can skip documents it passes (names_within_valijson).
    struct Quick {
        std::unique_ptr<const SchemaCheck> check;
        bool names_implied = false;
    };
    const std::map<std::string, Quick, std::less<>>* quick = nullptr;

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

    // Where a walk through a document stands in the schema: the rule that governs the value
    // and the schema file it was found in (a key of `documents`; null when none), exactly as
    // subschema() finds them for the value's pointer, but one key at a time.
    struct Place {
        const Json* rule = nullptr;
        const std::string* document = nullptr;
    };

    Place root(const std::string& schema) const {
        const auto found = documents.find(schema);
        if (found == documents.end()) {
            return {};
        }
        Place at{&found->second, &found->first};
        at.rule = follow(at.rule, at.document);
        return at;
    }

    // follow() with the file named by a pointer to its key in `documents`.
    const Json* follow(const Json* node, const std::string*& document) const {
        for (int guard = 0; guard < 8 && node && node->is_object() && node->contains("$ref");
             ++guard) {
            const auto& ref = (*node)["$ref"].get_ref<const std::string&>();
            const auto hash = ref.find('#');
            if (hash != 0) {
                const auto found = documents.find(std::string_view(ref).substr(0, hash));
                document = found == documents.end() ? nullptr : &found->first;
            }
            if (!document) {
                return nullptr;
            }
            const Json& root = documents.find(*document)->second;
            const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
            try {
                node = &root.at(Json::json_pointer(pointer));
            } catch (const std::exception&) {
                return nullptr;
            }
        }
        return node;
    }

    // The rule for the member `key` (or the item at that index) of the value at `at`.
    Place step(Place at, const std::string& key) const {
        const Json* node = at.rule;
        if (!node || !node->is_object()) {
            return {};
        }
        const auto end = node->end();
        if (const auto properties = node->find("properties");
            properties != end && properties->contains(key)) {
            node = &(*properties)[key];
        } else if (const auto items = node->find("items"); items != end && items->is_object()) {
            node = &*items;
        } else if (const auto more = node->find("additionalProperties");
                   more != end && more->is_object()) {
            node = &*more;
        } else {
            return {};
        }
        at.rule = follow(node, at.document);
        return at;
    }

    // Whether a propertyNames may govern the value at a rule or anything under it (through
    // the keys step() follows), for each rule the schemas reach: filled when they are read,
    // read-only after. check_names skips what no propertyNames governs.
    std::unordered_map<const Json*, bool> names_below;

    // The rule's entry of names_below, and those of the rules under it. A rule lies in the
    // schema file its walk is in (follow() and step() keep them together), so the answer
    // depends on the rule alone. A rule met again inside itself counts as governed (never
    // skipped, as if these answers did not exist).
    bool mark_names(const Place& at, std::set<const Json*>& walking) {
        const Json* node = at.rule;
        if (!node || !node->is_object()) {
            return false;  // step() finds nothing under it
        }
        if (const auto known = names_below.find(node); known != names_below.end()) {
            return known->second;
        }
        if (!walking.insert(node).second) {
            return true;
        }
        bool found = node->contains("propertyNames");
        const auto under = [&](const Json& child) {
            Place next{&child, at.document};
            next.rule = follow(next.rule, next.document);
            found = mark_names(next, walking) || found;
        };
        const auto end = node->end();
        if (const auto properties = node->find("properties");
            properties != end && properties->is_object()) {
            for (const auto& child : *properties) {
                under(child);
            }
        }
        for (const char* key : {"items", "additionalProperties"}) {
            if (const auto child = node->find(key); child != end && child->is_object()) {
                under(*child);
            }
        }
        walking.erase(node);
        names_below[node] = found;
        return found;
    }

    bool may_have_names(const Json* rule) const {
        if (!rule || !rule->is_object()) {
            return false;
        }
        const auto known = names_below.find(rule);
        return known == names_below.end() || known->second;
    }

    // Whether check_names finds nothing in any document valijson accepts: whether each rule
    // it reaches with a propertyNames below is the one valijson applies to that value. So
    // an "array" has items and neither properties nor additionalProperties; an "object" no
    // items, nor patternProperties (keys valijson keeps from additionalProperties) beside an
    // additionalProperties; a propertyNames no "pattern" beside a "$ref" (valijson ignores).
    bool names_within_valijson(const Place& at, std::set<const Json*>& walking) const {
        const Json* node = at.rule;
        if (!may_have_names(node) || !walking.insert(node).second) {
            return true;  // nothing to check below, or checked already further up
        }
        const auto end = node->end();
        const auto schema = [&](const char* key) {
            const auto found = node->find(key);
            return found != end && found->is_object() ? &*found : nullptr;
        };
        const auto type = node->find("type");
        const std::string kind = type != end && type->is_string() ? type->get<std::string>() : "";
        const Json* properties = schema("properties");
        const Json* items = schema("items");
        const Json* more = schema("additionalProperties");
        const Json* names = schema("propertyNames");
        if (node->contains("$ref") || (items && (kind != "array" || properties || more)) ||
            ((properties || more) && kind != "object") ||
            (more && node->contains("patternProperties")) ||
            (names && names->contains("$ref") && names->contains("pattern"))) {
            return false;
        }
        std::vector<const Json*> below = {items, more};  // null ones lead nowhere
        if (properties) {
            for (const auto& child : *properties) {
                below.push_back(&child);
            }
        }
        bool ok = true;
        for (const Json* child : below) {
            Place next{child, at.document};
            next.rule = follow(next.rule, next.document);
            ok = ok && names_within_valijson(next, walking);
        }
        walking.erase(node);
        return ok;
    }

    // valijson checks propertyNames but reports nothing when a name fails: check names here.
    void check_names(const Json& value, const std::string& pointer, const Place& at,
                     std::vector<SchemaProblem>& problems) const {
        if (!may_have_names(at.rule)) {
            return;  // no propertyNames governs it or anything in it
        }
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                const Json& child = value[i];
                if (child.is_array() || child.is_object()) {
                    const std::string index = std::to_string(i);
                    check_names(child, pointer + "/" + index, step(at, index), problems);
                }
            }
            return;
        }
        if (!value.is_object()) {
            return;
        }
        const Json* names = nullptr;
        const std::string* pattern = nullptr;
        if (at.rule && at.rule->is_object()) {
            if (const auto found = at.rule->find("propertyNames"); found != at.rule->end()) {
                names = &*found;
                if (names->is_object()) {
                    if (const auto p = names->find("pattern"); p != names->end()) {
                        pattern = &p->get_ref<const std::string&>();
                    }
                }
            }
        }
        for (auto member = value.begin(); member != value.end(); ++member) {
            const std::string& key = member.key();
            const Json& child = member.value();
            if (pattern && !pattern_matches(*pattern, key)) {
                const std::string hint = names->value("x-hint", "");
                problems.push_back({pointer_append(pointer, key),
                                    "RV105",
                                    {key, hint.empty() ? "@schema.pattern" : "@hint." + hint}});
            }
            if (child.is_array() || child.is_object()) {
                check_names(child, pointer_append(pointer, key), step(at, key), problems);
            }
        }
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
    for (const auto& [name, document] : impl_->documents) {
        std::set<const Json*> walking;
        impl_->mark_names(impl_->root(name), walking);
    }
    // The schemas are compiled into the program, so every SchemaValidator would compile the
    // same checks: the first does, and they are kept until the program ends.
    static const auto* const quick = [this] {
        auto* out = new std::map<std::string, Impl::Quick, std::less<>>;
        for (const auto& [name, document] : impl_->documents) {
            std::set<const Json*> walking;
            (*out)[name] = {SchemaCheck::compile(impl_->documents, name),
                            impl_->names_within_valijson(impl_->root(name), walking)};
        }
        return out;
    }();
    impl_->quick = quick;
}

SchemaValidator::~SchemaValidator() = default;

std::optional<bool> SchemaValidator::quick_check(const std::string& schema,
                                                 const Json& document) const {
    const auto found = impl_->quick->find(schema);
    if (found == impl_->quick->end() || !found->second.check) {
        return std::nullopt;
    }
    return found->second.check->valid(document);
}

std::vector<SchemaProblem> SchemaValidator::validate(const std::string& schema,
                                                     const Json& document) const {
    // Most documents are valid, and the compiled check says so for a tenth of valijson's
    // cost; then all validate() reports is what check_names finds (nothing, where
    // names_implied). valijson words the problems of the rest, and decides where it throws.
    bool valid = false;
    try {
        valid = quick_check(schema, document).value_or(false);
    } catch (const std::exception&) {
    }
    if (!valid) {
        return validate_with_valijson(schema, document);
    }
    std::vector<SchemaProblem> problems;
    if (!impl_->quick->at(schema).names_implied) {
        impl_->check_names(document, "", impl_->root(schema), problems);
    }
    return problems;
}

std::vector<SchemaProblem> SchemaValidator::validate_with_valijson(const std::string& schema,
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
    impl_->check_names(document, "", impl_->root(schema), problems);
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
