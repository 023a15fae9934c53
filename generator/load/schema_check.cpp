// SchemaCheck::valid: a document against a compiled schema, keyword by keyword as valijson's
// ValidationVisitor (validation_visitor.hpp) checks it with strong types, but only to say
// whether anything fails. Also the pattern cache valijson's "pattern" check shares.
#include "load/schema_check.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <string_view>
#include <unordered_map>

#include "load/schema_check_node.hpp"

namespace rv::load {

namespace {

using Json = nlohmann::json;

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

// A schema pattern compiled once for the whole program: compiling one std::regex costs as
// much as thousands of matches, and a compiled one may be matched on several threads at once.
// The schemas hold a few dozen patterns; they are kept until the program ends.
const std::regex& compiled(const std::string& pattern) {
    static std::mutex mutex;
    static auto* patterns = new std::map<std::string, std::unique_ptr<const std::regex>>;
    const std::lock_guard lock(mutex);
    auto& slot = (*patterns)[pattern];
    if (!slot) {
        slot = std::make_unique<const std::regex>(pattern);
    }
    return *slot;
}

// The types a value has for valijson's strong "type" test: an integer (signed or not) is
// also a number; a float is only a number.
std::uint8_t type_bits(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return CheckNode::null_bit;
        case Json::value_t::boolean:
            return CheckNode::boolean_bit;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return CheckNode::integer_bit | CheckNode::number_bit;
        case Json::value_t::number_float:
            return CheckNode::number_bit;
        case Json::value_t::string:
            return CheckNode::string_bit;
        case Json::value_t::array:
            return CheckNode::array_bit;
        case Json::value_t::object:
            return CheckNode::object_bit;
        default:
            return 0;
    }
}

// A number as valijson reads it (getNumber): integers through int64_t, so an unsigned above
// its range wraps, as valijson's does.
double number(const Json& value) {
    return value.is_number_float() ? value.get<double>()
                                   : static_cast<double>(value.get<std::int64_t>());
}

// valijson's equalTo with strict types: numbers compare as doubles (5 equals 5.0), arrays in
// order, objects member by member.
bool same(const Json& a, const Json& b) {
    switch (a.type()) {
        case Json::value_t::null:
            return b.is_null();
        case Json::value_t::boolean:
            return b.is_boolean() && a.get<bool>() == b.get<bool>();
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return b.is_number() && number(a) == number(b);
        case Json::value_t::string:
            return b.is_string() &&
                   a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
        case Json::value_t::array:
            if (!b.is_array() || a.size() != b.size()) {
                return false;
            }
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (!same(a[i], b[i])) {
                    return false;
                }
            }
            return true;
        case Json::value_t::object:
            if (!b.is_object() || a.size() != b.size()) {
                return false;
            }
            for (auto member = b.begin(); member != b.end(); ++member) {
                const auto found = a.find(member.key());
                if (found == a.end() || !same(*found, member.value())) {
                    return false;
                }
            }
            return true;
        default:
            return false;
    }
}

// valijson's u8_strlen (utils/utf8_utils.hpp), counting no further than `limit`: the
// characters before the first NUL byte, or before a sequence that decodes to 0. Null where
// valijson's own count is undefined (a lead byte with more than five continuation bytes,
// which it reads past its table); the reader lets no such string through.
std::optional<std::uint64_t> u8_length(const std::string& text, std::uint64_t limit) {
    static constexpr std::uint64_t offsets[6] = {0x00000000UL, 0x00003080UL, 0x000E2080UL,
                                                 0x03C82080UL, 0xFA082080UL, 0x82082080UL};
    const char* s = text.c_str();
    std::uint64_t count = 0;
    std::size_t i = 0;
    while (count < limit && s[i] != 0) {
        std::uint64_t ch = 0;
        int size = 0;
        do {
            ch <<= 6;
            ch += static_cast<unsigned char>(s[i++]);
            ++size;
        } while (s[i] != 0 && (s[i] & 0xC0) == 0x80);
        if (size > 6) {
            return std::nullopt;
        }
        if (ch - offsets[size - 1] == 0) {
            break;
        }
        ++count;
    }
    return count;
}

// minLength and maxLength. A string of no more bytes than maxLength has no more characters.
bool length_ok(const CheckNode& node, const std::string& text) {
    if (node.min_length > 0) {
        const auto length = u8_length(text, node.min_length);
        if (!length || *length < node.min_length) {
            return false;
        }
    }
    if (node.max_length != CheckNode::unbounded && text.size() > node.max_length) {
        const auto length = u8_length(text, node.max_length + 1);
        if (!length || *length > node.max_length) {
            return false;
        }
    }
    return true;
}

bool bounds_ok(const CheckNode& node, double value) {
    for (const auto& bound : node.bounds) {
        const bool fails = bound.lower
                               ? (bound.exclusive ? value <= bound.value : value < bound.value)
                               : (bound.exclusive ? value >= bound.value : value > bound.value);
        if (fails) {
            return false;
        }
    }
    return true;
}

// The checks of a value, and of an object member's name (what valijson's propertyNames
// validates, as a string that is nothing but a string).
class Walk {
  public:
    static bool value(const CheckNode& node, const Json& value);
    static bool name(const CheckNode& node, const std::string& name);

  private:
    static bool array(const CheckNode& node, const Json& value);
    static bool object(const CheckNode& node, const Json& value);
    template <typename Value, typename Check>
    static bool combinations(const CheckNode& node, const Value& value, Check check);
};

// allOf, anyOf, oneOf, not and if/then/else, with `check` for each subschema.
template <typename Value, typename Check>
bool Walk::combinations(const CheckNode& node, const Value& value, Check check) {
    for (const CheckNode* child : node.all_of) {
        if (!check(*child, value)) {
            return false;
        }
    }
    if (!node.any_of.empty()) {
        bool any = false;
        for (const CheckNode* child : node.any_of) {
            if (check(*child, value)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return false;
        }
    }
    if (!node.one_of.empty()) {
        int count = 0;
        for (const CheckNode* child : node.one_of) {
            count += check(*child, value) ? 1 : 0;
        }
        if (count != 1) {
            return false;
        }
    }
    if (node.not_schema && check(*node.not_schema, value)) {
        return false;
    }
    if (node.if_schema) {
        const CheckNode* branch =
            check(*node.if_schema, value) ? node.then_schema : node.else_schema;
        if (branch && !check(*branch, value)) {
            return false;
        }
    }
    return true;
}

bool Walk::value(const CheckNode& node, const Json& value) {
    if (node.always_invalid) {
        return false;
    }
    if (node.types != 0 && (node.types & type_bits(value)) == 0) {
        return false;
    }
    switch (value.type()) {
        case Json::value_t::string: {
            const auto& text = value.get_ref<const std::string&>();
            if (!length_ok(node, text) || (node.has_pattern && !node.pattern.matches(text))) {
                return false;
            }
            break;
        }
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            if (!bounds_ok(node, number(value))) {
                return false;
            }
            break;
        case Json::value_t::array:
            if (!array(node, value)) {
                return false;
            }
            break;
        case Json::value_t::object:
            if (!object(node, value)) {
                return false;
            }
            break;
        default:
            break;
    }
    if (node.has_enum) {
        bool found = false;
        for (const Json& option : node.enum_values) {
            if (same(option, value)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    if (node.has_const && !same(node.const_value, value)) {
        return false;
    }
    return !node.combined || combinations(node, value, &Walk::value);
}

bool Walk::array(const CheckNode& node, const Json& value) {
    const std::size_t size = value.size();
    if (size < node.min_items || size > node.max_items) {
        return false;
    }
    if (node.items) {
        for (const Json& item : value) {
            if (!Walk::value(*node.items, item)) {
                return false;
            }
        }
    }
    if (node.unique_items) {
        for (std::size_t i = 0; i + 1 < size; ++i) {
            for (std::size_t k = i + 1; k < size; ++k) {
                if (same(value[i], value[k])) {
                    return false;
                }
            }
        }
    }
    return true;
}

bool Walk::object(const CheckNode& node, const Json& value) {
    const auto& members = value.get_ref<const Json::object_t&>();
    if (members.size() < node.min_properties || members.size() > node.max_properties) {
        return false;
    }
    std::uint64_t present = 0;  // bits of the properties met
    if (node.has_properties) {
        // Members come sorted by name, as `properties` is: one pass over both.
        const auto begin = node.properties.begin();
        const auto end = node.properties.end();
        auto property = begin;
        for (const auto& [key, child] : members) {
            int order = 1;
            while (property != end && (order = property->first.compare(key)) < 0) {
                ++property;
            }
            bool matched = false;
            if (property != end && order == 0) {
                if (!Walk::value(*property->second, child)) {
                    return false;
                }
                if (const auto index = property - begin; index < 64) {
                    present |= std::uint64_t{1} << index;
                }
                matched = true;
            }
            for (const auto& [pattern, schema] : node.pattern_properties) {
                if (pattern.matches(key)) {
                    if (!Walk::value(*schema, child)) {
                        return false;
                    }
                    matched = true;
                }
            }
            if (!matched) {
                if (node.additional == CheckNode::Additional::none ||
                    (node.additional == CheckNode::Additional::schema &&
                     !Walk::value(*node.additional_schema, child))) {
                    return false;
                }
            }
        }
    }
    if ((present & node.required_bits) != node.required_bits) {
        return false;
    }
    for (const auto& key : node.required_elsewhere) {
        if (members.find(key) == members.end()) {
            return false;
        }
    }
    if (node.property_names) {
        for (const auto& member : members) {
            if (!name(*node.property_names, member.first)) {
                return false;
            }
        }
    }
    return true;
}

// A name is a string and nothing else: what concerns numbers, arrays or objects passes.
bool Walk::name(const CheckNode& node, const std::string& name) {
    if (node.always_invalid) {
        return false;
    }
    if (node.types != 0 && (node.types & CheckNode::string_bit) == 0) {
        return false;
    }
    if (!length_ok(node, name) || (node.has_pattern && !node.pattern.matches(name))) {
        return false;
    }
    const auto equals = [&name](const Json& option) {
        return option.is_string() && option.get_ref<const std::string&>() == name;
    };
    if (node.has_enum) {
        bool found = false;
        for (const Json& option : node.enum_values) {
            if (equals(option)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    if (node.has_const && !equals(node.const_value)) {
        return false;
    }
    return !node.combined || combinations(node, name, &Walk::name);
}

}  // namespace

// Whether `text` matches `pattern` (std::regex_search, as valijson matches): the answers
// each thread found before, by pattern, a bounded number per pattern.
bool pattern_matches(const std::string& pattern, const std::string& text) {
    constexpr std::size_t max_answers = 4096;
    struct Answers {
        const std::regex* regex = nullptr;
        std::unordered_map<std::string, bool, TextHash, std::equal_to<>> by_text;
    };
    thread_local std::unordered_map<std::string, Answers, TextHash, std::equal_to<>> memo;
    auto found = memo.find(std::string_view(pattern));
    if (found == memo.end()) {
        found = memo.emplace(pattern, Answers{&compiled(pattern), {}}).first;
    }
    Answers& answers = found->second;
    if (const auto known = answers.by_text.find(std::string_view(text));
        known != answers.by_text.end()) {
        return known->second;
    }
    const bool match = std::regex_search(text, *answers.regex);
    if (answers.by_text.size() >= max_answers) {
        answers.by_text.clear();  // bounded: values that are all different gain nothing here
    }
    answers.by_text.emplace(text, match);
    return match;
}

bool CheckPattern::matches(const std::string& value) const {
    return dfa ? dfa->search(value) : pattern_matches(text, value);
}

SchemaCheck::SchemaCheck() = default;
SchemaCheck::~SchemaCheck() = default;

bool SchemaCheck::valid(const nlohmann::json& document) const {
    return Walk::value(*root_, document);
}

}  // namespace rv::load
