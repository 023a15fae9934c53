// SchemaCheck::compile: a schema file → CheckNodes, read as valijson's SchemaParser (draft 7,
// schema_parser.hpp) reads it, so that each node holds what valijson's subschema holds.
//
// valijson shares subschemas through a cache keyed by resolution scope plus JSON pointer. Our
// schemas say "$id", which it does not read, so the scope stays empty and the keys are bare
// pointers ("/definitions/count") whatever file they point into; only the keys of $refs are
// stored, and a schema object is looked up by the pointer of the place it is parsed from. So
// two files with a definition at the same pointer, or a propertyNames (parsed at its parent's
// pointer) under a local $ref, would share one subschema in valijson though they are two
// different schema objects. The compiler keeps the same cache in the same order to see where
// that happens, and then makes no check: wherever it makes one, each subschema valijson
// applies is the schema object it was read from, as SchemaValidator's own walks assume.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "load/schema_check.hpp"
#include "load/schema_check_node.hpp"

namespace rv::load {

namespace {

using Json = nlohmann::json;

// The keywords valijson's populateSchema reads, in the order it reads them (the order
// subschemas are made in decides what its cache shares), and those it reads that the check
// does not follow (`unsupported`: a schema with one gets no check). "additionalItems" counts
// only beside an array of "items", also not followed. Other keys are not keywords to either.
enum Keyword {
    all_of,
    any_of,
    const_value,
    enum_values,
    items,
    if_schema,
    then_schema,
    else_schema,
    exclusive_maximum,
    maximum,
    max_items,
    max_length,
    max_properties,
    exclusive_minimum,
    minimum,
    min_items,
    min_length,
    min_properties,
    not_schema,
    one_of,
    pattern,
    properties,
    pattern_properties,
    additional_properties,
    property_names,
    required,
    type,
    unique_items,
    keyword_count,
    unsupported = keyword_count
};

const std::map<std::string_view, Keyword>& keywords() {
    static const std::map<std::string_view, Keyword> names = {
        {"allOf", all_of},
        {"anyOf", any_of},
        {"const", const_value},
        {"enum", enum_values},
        {"items", items},
        {"if", if_schema},
        {"then", then_schema},
        {"else", else_schema},
        {"exclusiveMaximum", exclusive_maximum},
        {"maximum", maximum},
        {"maxItems", max_items},
        {"maxLength", max_length},
        {"maxProperties", max_properties},
        {"exclusiveMinimum", exclusive_minimum},
        {"minimum", minimum},
        {"minItems", min_items},
        {"minLength", min_length},
        {"minProperties", min_properties},
        {"not", not_schema},
        {"oneOf", one_of},
        {"pattern", pattern},
        {"properties", properties},
        {"patternProperties", pattern_properties},
        {"additionalProperties", additional_properties},
        {"propertyNames", property_names},
        {"required", required},
        {"type", type},
        {"uniqueItems", unique_items},
        {"id", unsupported},
        {"contains", unsupported},
        {"dependencies", unsupported},
        {"divisibleBy", unsupported},
        {"format", unsupported},
        {"multipleOf", unsupported},
        {"additionalItems", unsupported},
    };
    return names;
}

// A pointer valijson and nlohmann resolve alike: plain keys, no escapes, no trailing slash.
bool plain_pointer(std::string_view pointer) {
    if (pointer.empty()) {
        return true;
    }
    if (pointer.front() != '/' || pointer.back() == '/') {
        return false;
    }
    for (const char c : pointer) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '/';
        if (!plain) {
            return false;
        }
    }
    return true;
}

// A count keyword (minLength, maxItems, ...): a non-negative integer.
bool read_count(const Json& value, std::uint64_t& out) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
        return false;
    }
    out = static_cast<std::uint64_t>(value.get<std::int64_t>());
    return true;
}

// A bound keyword (minimum, ...): a number, as valijson's asDouble reads it.
bool read_bound(const Json& value, bool lower, bool exclusive, CheckNode& node) {
    if (!value.is_number()) {
        return false;
    }
    const double bound = value.is_number_float() ? value.get<double>()
                                                 : static_cast<double>(value.get<std::int64_t>());
    node.bounds.push_back({bound, lower, exclusive});
    return true;
}

// "type": one name or a list of names; 0 for "any", which lets every value through.
bool read_types(const Json& value, std::uint8_t& out) {
    static const std::pair<const char*, std::uint8_t> names[] = {
        {"any", 0},
        {"array", CheckNode::array_bit},
        {"boolean", CheckNode::boolean_bit},
        {"integer", CheckNode::integer_bit},
        {"null", CheckNode::null_bit},
        {"number", CheckNode::number_bit},
        {"object", CheckNode::object_bit},
        {"string", CheckNode::string_bit},
    };
    bool any = false;
    const auto add = [&](const Json& name) {
        if (name.is_string()) {
            for (const auto& [text, bit] : names) {
                if (name.get_ref<const std::string&>() == text) {
                    out |= bit;
                    any = any || bit == 0;
                    return true;
                }
            }
        }
        return false;
    };
    out = 0;
    if (value.is_array() && !value.empty()) {  // [] (no type allowed at all) is not followed
        for (const Json& name : value) {
            if (!add(name)) {
                return false;
            }
        }
    } else if (!add(value)) {
        return false;
    }
    if (any) {
        out = 0;
    }
    return true;
}

bool read_strings(const Json& value, std::vector<std::string>& out) {
    if (!value.is_array()) {
        return false;
    }
    for (const Json& item : value) {
        if (!item.is_string()) {
            return false;
        }
        out.push_back(item.get<std::string>());
    }
    return true;
}

}  // namespace

// Builds the nodes of one SchemaCheck; `ok` is cleared by anything it does not follow.
class SchemaCompiler {
  public:
    SchemaCompiler(const SchemaCheck::Documents& documents, SchemaCheck& check)
        : documents_(documents), check_(check) {}

    bool ok = true;

    // valijson's populateSchema for the root: parsed at "", never cached.
    CheckNode* root(const std::string& name) {
        const auto found = documents_.find(name);
        if (found == documents_.end() ||
            (found->second.is_object() && found->second.contains("$ref"))) {
            ok = false;  // valijson resolves a root $ref its own way: not followed
            return nullptr;
        }
        return make(found->second, found->second, "");
    }

  private:
    const SchemaCheck::Documents& documents_;
    SchemaCheck& check_;
    std::map<std::string, CheckNode*, std::less<>> cache_;  // valijson's schema cache
    std::map<const CheckNode*, const Json*> sources_;       // the schema object of each node
    std::map<std::string, std::shared_ptr<const SchemaRegex>, std::less<>> patterns_;
    int depth_ = 0;

    CheckNode* make(const Json& file, const Json& node, const std::string& path) {
        check_.nodes_.push_back(std::make_unique<CheckNode>());
        CheckNode* made = check_.nodes_.back().get();
        sources_[made] = &node;
        populate(*made, file, node, path);
        return made;
    }

    // valijson's makeOrReuseSchema: `file` is the root of the file `node` is in, against
    // which a "#/..." $ref resolves; `path` the pointer valijson parses it at.
    const CheckNode* subschema(const Json& file, const Json& node, const std::string& path) {
        if (!node.is_object() && !node.is_boolean()) {
            ok = false;  // valijson throws
            return nullptr;
        }
        std::vector<std::string> keys;
        return reuse_or_make(file, node, path, keys);
    }

    const CheckNode* reuse_or_make(const Json& file, const Json& node, const std::string& path,
                                   std::vector<std::string>& keys) {
        if (!ok || depth_ > 64) {  // a $ref loop: valijson would never finish parsing it
            ok = false;
            return nullptr;
        }
        ++depth_;
        const CheckNode* out = nullptr;
        if (const auto ref = node.is_object() ? node.find("$ref") : node.end();
            node.is_object() && ref != node.end()) {
            out = follow(file, *ref, keys);
        } else {
            const auto cached = cache_.find(path);
            CheckNode* found = nullptr;
            if (cached != cache_.end()) {
                found = reuse(cached->second, node);
            } else {
                found = make(file, node, path);
            }
            remember(keys, found);
            out = found;
        }
        --depth_;
        return out;
    }

    // A node valijson's cache hands out for `node`: only where it was made from that node.
    CheckNode* reuse(CheckNode* cached, const Json& node) {
        if (sources_[cached] != &node) {
            ok = false;
        }
        return cached;
    }

    void remember(const std::vector<std::string>& keys, CheckNode* node) {
        for (const auto& key : keys) {
            if (!cache_.emplace(key, node).second) {
                ok = false;  // valijson throws here ("already in schema cache")
            }
        }
    }

    // A $ref: "file.json#/pointer" (read from documents_) or "#/pointer" (in `file`).
    const CheckNode* follow(const Json& file, const Json& ref, std::vector<std::string>& keys) {
        if (!ref.is_string()) {
            ok = false;
            return nullptr;
        }
        const std::string& text = ref.get_ref<const std::string&>();
        const auto hash = text.find('#');
        const std::string uri = text.substr(0, hash);
        const std::string pointer = hash == std::string::npos ? "" : text.substr(hash + 1);
        if (!plain_pointer(pointer) || uri.find(':') != std::string::npos) {
            ok = false;  // escapes, absolute URIs, URNs: not followed
            return nullptr;
        }
        const Json* root = &file;
        if (!uri.empty()) {
            const auto found = documents_.find(uri);
            if (found == documents_.end()) {
                ok = false;
                return nullptr;
            }
            root = &found->second;
        }
        const Json* target = nullptr;
        try {
            target = &root->at(Json::json_pointer(pointer));
        } catch (const std::exception&) {
            ok = false;
            return nullptr;
        }
        const std::string key = uri + pointer;
        if (const auto cached = cache_.find(key); cached != cache_.end()) {
            CheckNode* found = cached->second;
            if (target->is_object() && target->contains("$ref")) {
                ok = false;  // which object a chain of $refs ends at: not worth following
            } else {
                found = reuse(found, *target);
            }
            remember(keys, found);
            return found;
        }
        keys.push_back(key);
        return reuse_or_make(*root, *target, pointer, keys);
    }

    std::shared_ptr<const SchemaRegex> regex(const std::string& pattern) {
        auto [found, fresh] = patterns_.emplace(pattern, nullptr);
        if (fresh) {
            found->second = SchemaRegex::compile(pattern);
        }
        return found->second;
    }

    // valijson's populateSchema, keyword by keyword in its order.
    void populate(CheckNode& out, const Json& file, const Json& node, const std::string& path) {
        if (node.is_boolean()) {
            out.always_invalid = !node.get<bool>();
            return;
        }
        if (!node.is_object()) {
            ok = false;
            return;
        }
        const Json* at[keyword_count] = {};
        for (auto member = node.begin(); member != node.end(); ++member) {
            const auto found = keywords().find(member.key());
            if (found == keywords().end()) {
                continue;
            }
            if (found->second == unsupported) {
                ok = false;
                return;
            }
            at[found->second] = &member.value();
        }
        const auto child = [&](Keyword keyword, const char* name) -> const CheckNode* {
            return at[keyword] ? subschema(file, *at[keyword], path + "/" + name) : nullptr;
        };
        const auto list = [&](Keyword keyword, const char* name,
                              std::vector<const CheckNode*>& children) {
            if (!at[keyword]) {
                return;
            }
            if (!at[keyword]->is_array()) {
                ok = false;
                return;
            }
            for (std::size_t i = 0; i < at[keyword]->size(); ++i) {
                children.push_back(subschema(file, (*at[keyword])[i],
                                             path + "/" + name + "/" + std::to_string(i)));
            }
        };
        const auto count = [&](Keyword keyword, std::uint64_t& value) {
            if (at[keyword] && !read_count(*at[keyword], value)) {
                ok = false;
            }
        };
        const auto bound = [&](Keyword keyword, bool lower, bool exclusive) {
            if (at[keyword] && !read_bound(*at[keyword], lower, exclusive, out)) {
                ok = false;
            }
        };

        list(all_of, "allOf", out.all_of);
        list(any_of, "anyOf", out.any_of);
        if (at[const_value]) {
            out.has_const = true;
            out.const_value = *at[const_value];
        }
        if (at[enum_values]) {
            out.has_enum = at[enum_values]->is_array();
            ok = ok && out.has_enum;
            if (out.has_enum) {
                out.enum_values.assign(at[enum_values]->begin(), at[enum_values]->end());
            }
        }
        out.items = child(items, "items");  // an array of schemas is refused by subschema()
        if (at[if_schema]) {
            out.if_schema = child(if_schema, "if");
            out.then_schema = child(then_schema, "then");
            out.else_schema = child(else_schema, "else");
        }
        bound(exclusive_maximum, false, true);
        bound(maximum, false, false);
        count(max_items, out.max_items);
        count(max_length, out.max_length);
        count(max_properties, out.max_properties);
        bound(exclusive_minimum, true, true);
        bound(minimum, true, false);
        count(min_items, out.min_items);
        count(min_length, out.min_length);
        count(min_properties, out.min_properties);
        out.not_schema = child(not_schema, "not");
        list(one_of, "oneOf", out.one_of);
        if (at[pattern]) {
            out.has_pattern = at[pattern]->is_string();
            ok = ok && out.has_pattern;
            if (out.has_pattern) {
                out.pattern = {at[pattern]->get<std::string>(),
                               regex(at[pattern]->get<std::string>())};
            }
        }
        if (at[properties] || at[pattern_properties] || at[additional_properties]) {
            populate_properties(out, file, at[properties], at[pattern_properties],
                                at[additional_properties], path);
        }
        if (at[property_names]) {  // valijson parses it at its parent's path
            out.property_names = subschema(file, *at[property_names], path);
        }
        if (at[required] && !read_strings(*at[required], out.required)) {
            ok = false;
        }
        if (at[type] && !read_types(*at[type], out.types)) {
            ok = false;
        }
        if (at[unique_items]) {
            ok = ok && at[unique_items]->is_boolean();
            out.unique_items = at[unique_items]->is_boolean() && at[unique_items]->get<bool>();
        }
        out.combined = !out.all_of.empty() || !out.any_of.empty() || !out.one_of.empty() ||
                       out.not_schema || out.if_schema;
        for (const std::string& name : out.required) {
            const auto found = std::lower_bound(
                out.properties.begin(), out.properties.end(), name,
                [](const auto& property, const std::string& key) { return property.first < key; });
            const auto index = found - out.properties.begin();
            if (found != out.properties.end() && found->first == name && index < 64) {
                out.required_bits |= std::uint64_t{1} << index;
            } else {
                out.required_elsewhere.push_back(name);
            }
        }
    }

    // properties, patternProperties and additionalProperties: one constraint in valijson.
    void populate_properties(CheckNode& out, const Json& file, const Json* named,
                             const Json* patterned, const Json* additional,
                             const std::string& path) {
        out.has_properties = true;
        if (named) {
            if (!named->is_object()) {
                ok = false;
                return;
            }
            // In name order, as valijson's adapter iterates: `properties` ends sorted.
            for (auto member = named->begin(); member != named->end(); ++member) {
                out.properties.emplace_back(
                    member.key(),
                    subschema(file, member.value(), path + "/properties/" + member.key()));
            }
        }
        if (patterned) {
            if (!patterned->is_object()) {
                ok = false;
                return;
            }
            for (auto member = patterned->begin(); member != patterned->end(); ++member) {
                out.pattern_properties.emplace_back(
                    CheckPattern{member.key(), regex(member.key())},
                    subschema(file, member.value(), path + "/patternProperties/" + member.key()));
            }
        }
        if (!additional) {
            return;
        }
        if (additional->is_boolean()) {
            out.additional =
                additional->get<bool>() ? CheckNode::Additional::any : CheckNode::Additional::none;
        } else if (additional->is_object()) {
            out.additional = CheckNode::Additional::schema;
            out.additional_schema = subschema(file, *additional, path + "/additionalProperties");
        } else {
            ok = false;
        }
    }
};

std::unique_ptr<const SchemaCheck> SchemaCheck::compile(const Documents& documents,
                                                        const std::string& name) {
    std::unique_ptr<SchemaCheck> check(new SchemaCheck());
    SchemaCompiler compiler(documents, *check);
    check->root_ = compiler.root(name);
    if (!compiler.ok || !check->root_) {
        return nullptr;
    }
    return check;
}

}  // namespace rv::load
