// The compiled schema check (load/schema_check.hpp) against valijson: real documents of the
// repository (content/, examples/) and a few written here, mutated in many ways (values of
// every other type, missing and extra keys, numbers out of range, short strings, pattern and
// enum misses, duplicates, other rule kinds for if/then), must get the same answer from both,
// and validate() must report exactly what valijson alone reports. Also the DFA of schema
// patterns against std::regex, and the schemas the check refuses to follow.
//
// RV_SCHEMA_CHECK_CORPUS=dir[:dir...] adds content trees (e.g. generated ones) to the
// documents mutated, RV_SCHEMA_CHECK_BUDGET the mutations tried per document (default 600).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/json_reader.hpp"
#include "load/schema_check.hpp"
#include "load/schema_regex.hpp"
#include "load/schema_validator.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using rv::load::SchemaProblem;
using rv::load::SchemaValidator;

namespace {

struct Sample {
    std::string schema;
    std::string file;
    Json value;
};

// The schema a file of a content tree is checked against (content_loader, theme_loader).
std::string schema_for(const fs::path& relative) {
    const std::vector<std::string> parts(relative.begin(), relative.end());
    const std::string name = relative.filename().string();
    if (parts.size() == 1 &&
        (name == "site.json" || name == "regions.json" || name == "criteria.json")) {
        return name.substr(0, name.size() - 5) + ".schema.json";
    }
    if (parts.size() == 2 && parts[0] == "forms") {
        return "form.schema.json";
    }
    if (parts.size() == 3 && parts[0] == "services" && name == "service.json") {
        return "service.schema.json";
    }
    if (parts.size() == 4 && parts[0] == "services" && name == "report.json") {
        return "report.schema.json";
    }
    if (name == "messages.json" && parts.size() >= 2 && parts[parts.size() - 2] == "theme") {
        return "theme-messages.schema.json";
    }
    return {};
}

void add_tree(const fs::path& root, std::vector<Sample>& out) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::string schema = schema_for(fs::relative(file, root));
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto doc = rv::load::read_json(text.str());
        if (!schema.empty() && doc.ok) {  // examples/broken holds one that is not JSON
            out.push_back({schema, file.string(), std::move(doc.value)});
        }
    }
}

std::vector<Sample> corpus() {
    std::vector<Sample> out;
    for (const char* tree : {"content", "examples/minimal", "examples/broken"}) {
        add_tree(fs::path(RV_SOURCE_DIR) / tree, out);
    }
    if (const char* extra = std::getenv("RV_SCHEMA_CHECK_CORPUS")) {
        std::stringstream dirs(extra);
        for (std::string dir; std::getline(dirs, dir, ':');) {
            if (!dir.empty()) {
                add_tree(dir, out);
            }
        }
    }
    // Theme texts: no content tree here has any.
    out.push_back({"theme-messages.schema.json", "theme messages",
                   Json::parse(R"({"$schema": "x", "ui.site_title": {"nb": "Tittel", "en": "Title"},
                                  "ui.footer_2": {"nn": "Fot"}})")});
    return out;
}

// Every string an enum or const of the schemas allows: what fields of a fixed vocabulary are
// switched to (other goal kinds, rule kinds that then require other fields, ...).
void vocabulary(const Json& schema, std::set<std::string>& out) {
    if (schema.is_object()) {
        for (auto member = schema.begin(); member != schema.end(); ++member) {
            if ((member.key() == "enum" && member->is_array()) || member.key() == "const") {
                for (const Json& option : member->is_array() ? *member : Json::array({*member})) {
                    if (option.is_string()) {
                        out.insert(option.get<std::string>());
                    }
                }
            }
            vocabulary(*member, out);
        }
    } else if (schema.is_array()) {
        for (const Json& item : schema) {
            vocabulary(item, out);
        }
    }
}

const std::set<std::string>& enum_strings() {
    static const std::set<std::string> strings = [] {
        std::set<std::string> out;
        for (const auto& entry : fs::directory_iterator(fs::path(RV_SOURCE_DIR) / "schemas")) {
            std::ifstream in(entry.path());
            vocabulary(Json::parse(in), out);
        }
        return out;
    }();
    return strings;
}

// Values put in place of any value: each JSON type, numbers at and past the schemas' bounds,
// a float that is whole, integers past int64_t, strings that are empty, hold a NUL first
// (valijson counts no characters then), spaces, capitals or multi-byte characters.
std::vector<Json> probes() {
    return {nullptr,
            true,
            0,
            -1,
            1,
            20,
            21,
            1989,
            1990,
            2100,
            2101,
            2.5,
            5.0,
            -0.5,
            1e300,
            std::int64_t{9223372036854775807},
            std::uint64_t{18446744073709551615ULL},
            "",
            "x",
            "X y",
            "\xC3\x98",
            std::string("\0abc", 4),
            "helse-vest",
            "https://example.org/",
            "2023-05",
            Json::array(),
            Json::array({1}),
            Json::object(),
            Json::object({{"nb", "x"}})};
}

// The variations of one value that touch what the schemas check about values of its type.
std::vector<Json> variations(const Json& value) {
    std::vector<Json> out;
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        std::string upper = text;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        out = {text + " ", " " + text,  upper,      text + "-",
               "-" + text, text + "x",  text + ".", text.substr(0, text.size() / 2),
               text + "/", text + "@x", text + "\n"};
        if (enum_strings().count(text) != 0) {
            out.insert(out.end(), enum_strings().begin(), enum_strings().end());
        }
    } else if (value.is_number()) {
        const double number = value.get<double>();
        out = {number + 1, number - 1, -number, number + 0.5, number};  // the last: a float
        if (value.is_number_integer() && number > -1e15 && number < 1e15) {
            out.push_back(value.get<std::int64_t>() + 1);
            out.push_back(value.get<std::int64_t>() - 1);
        }
    } else if (value.is_array() && !value.empty()) {
        Json twice = value;
        twice.push_back(value.front());
        Json rest = value;
        rest.erase(rest.begin());
        Json more = value;
        more.push_back(value.back());
        more.back() = value.back().is_object() ? Json::object() : Json(nullptr);
        out = {twice, rest, more};
    }
    return out;
}

// JSON text, with any invalid UTF-8 (half of a character, cut off) replaced.
std::string text_of(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

struct Mutation {
    std::string what;
    Json value;
};

void collect(const Json& value, const Json::json_pointer& at,
             std::vector<Json::json_pointer>& out) {
    out.push_back(at);
    if (value.is_object()) {
        for (auto member = value.begin(); member != value.end(); ++member) {
            collect(member.value(), at / member.key(), out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            collect(value[i], at / i, out);
        }
    }
}

std::vector<Json::json_pointer> places(const Json& doc) {
    std::vector<Json::json_pointer> out;
    collect(doc, Json::json_pointer(), out);
    return out;
}

// One change to a document, made only when it is tried.
struct Edit {
    enum class Kind { set, remove, add } kind = Kind::set;
    Json::json_pointer at;
    Json value;       // set, add
    std::string key;  // add

    Mutation apply(const Mutation& to) const {
        Mutation out = to;
        std::string what;
        if (kind == Kind::set) {
            out.value[at] = value;
            what = "set " + at.to_string() + " = " + text_of(value);
        } else if (kind == Kind::add) {
            out.value[at][key] = value;
            what = "add " + at.to_string() + "/" + key;
        } else {
            Json& parent = out.value[at.parent_pointer()];
            if (parent.is_object()) {
                parent.erase(at.back());
            } else {
                parent.erase(parent.begin() + static_cast<std::ptrdiff_t>(std::stoul(at.back())));
            }
            what = "remove " + at.to_string();
        }
        out.what += (out.what.empty() ? "" : " & ") + what;
        return out;
    }
};

// The single changes of `doc` at `at`: the value replaced by each probe and variation,
// removed, or (an object) given members of unknown names, a region id, a bad name, ...
void edits_at(const Json& doc, const Json::json_pointer& at, std::vector<Edit>& out) {
    const Json& value = doc.at(at);
    std::vector<Json> replacements = probes();
    const auto more = variations(value);
    replacements.insert(replacements.end(), more.begin(), more.end());
    for (Json& replacement : replacements) {
        if (replacement != value || replacement.type() != value.type()) {
            out.push_back({Edit::Kind::set, at, std::move(replacement), {}});
        }
    }
    if (!at.empty()) {
        out.push_back({Edit::Kind::remove, at, nullptr, {}});
    }
    if (value.is_object()) {
        for (const char* key : {"extra", "helse-vest", "Bad Key", "ui.new_text", "nb", "kind"}) {
            if (!value.contains(key)) {
                out.push_back({Edit::Kind::add, at, value.empty() ? Json(1) : *value.begin(), key});
            }
        }
    }
}

std::vector<Edit> edits(const Json& doc) {
    std::vector<Edit> out;
    for (const auto& at : places(doc)) {
        edits_at(doc, at, out);
    }
    return out;
}

// Two or three changes at once, at random places.
Mutation compound(const Json& doc, std::mt19937& random) {
    Mutation mixed{"", doc};
    for (int k = 0, n = 2 + static_cast<int>(random() % 2); k < n; ++k) {
        const auto at = places(mixed.value);
        std::vector<Edit> next;
        edits_at(mixed.value, at[random() % at.size()], next);
        if (!next.empty()) {
            mixed = next[random() % next.size()].apply(mixed);
        }
    }
    return mixed;
}

bool same_problems(const std::vector<SchemaProblem>& a, const std::vector<SchemaProblem>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].pointer != b[i].pointer || a[i].code != b[i].code || a[i].args != b[i].args) {
            return false;
        }
    }
    return true;
}

struct Tally {
    int documents = 0;
    int valid = 0;
    int invalid = 0;
    int disagree = 0;  // the check's answer is not valijson's
    int differ = 0;    // validate() reports otherwise than valijson alone
    std::vector<std::string> failures;
};

void compare(const SchemaValidator& validator, const Sample& sample, const Mutation& mutation,
             Tally& tally) {
    const auto quick = validator.quick_check(sample.schema, mutation.value);
    const auto thorough = validator.validate_with_valijson(sample.schema, mutation.value);
    const auto fast = validator.validate(sample.schema, mutation.value);
    ++tally.documents;
    ++(thorough.empty() ? tally.valid : tally.invalid);
    const auto fail = [&](const char* what) {
        if (tally.failures.size() < 20) {
            tally.failures.push_back(std::string(what) + ": " + sample.file + ": " + mutation.what);
        }
    };
    if (!quick || *quick != thorough.empty()) {
        ++tally.disagree;
        fail(quick ? (*quick ? "check says valid" : "check says invalid") : "no check");
    }
    if (!same_problems(fast, thorough)) {
        ++tally.differ;
        fail("validate() differs");
    }
}

// The tally of a run, then what every run demands of it: the check and validate() agree with
// valijson on every document, and the documents reach both answers (at least `valid` and
// `invalid` of each).
void check_agreement(const Tally& tally, const char* documents, int valid, int invalid) {
    MESSAGE(tally.documents << " " << documents << ": " << tally.valid << " valid, "
                            << tally.invalid << " invalid; " << tally.disagree << " answers and "
                            << tally.differ << " reports differ");
    for (const auto& failure : tally.failures) {
        MESSAGE(failure);
    }
    CHECK(tally.disagree == 0);
    CHECK(tally.differ == 0);
    CHECK(tally.valid > valid);
    CHECK(tally.invalid > invalid);
}

}  // namespace

TEST_CASE("schema check: every schema is compiled, and documents as they are pass") {
    const SchemaValidator validator;
    for (const auto& entry : fs::directory_iterator(fs::path(RV_SOURCE_DIR) / "schemas")) {
        CAPTURE(entry.path());
        CHECK(validator.quick_check(entry.path().filename().string(), Json::object()).has_value());
    }
    for (const auto& sample : corpus()) {
        CAPTURE(sample.file);
        const auto thorough = validator.validate_with_valijson(sample.schema, sample.value);
        CHECK(validator.quick_check(sample.schema, sample.value) == thorough.empty());
        CHECK(same_problems(validator.validate(sample.schema, sample.value), thorough));
    }
}

TEST_CASE("schema check: mutated documents get valijson's answer and diagnostics") {
    const SchemaValidator validator;
    std::size_t budget = 600;
    if (const char* text = std::getenv("RV_SCHEMA_CHECK_BUDGET")) {
        budget = std::stoul(text);
    }
    std::mt19937 random(20240611);
    Tally tally;
    std::set<std::string> seen;  // the same mutated document once, as its schema and text
    for (const auto& sample : corpus()) {
        auto single = edits(sample.value);
        std::shuffle(single.begin(), single.end(), random);
        single.resize(std::min(single.size(), budget));
        std::vector<Mutation> all;
        for (const auto& edit : single) {
            all.push_back(edit.apply({"", sample.value}));
        }
        for (std::size_t i = 0; i < budget / 5; ++i) {
            all.push_back(compound(sample.value, random));
        }
        for (const auto& mutation : all) {
            if (seen.insert(sample.schema + text_of(mutation.value)).second) {
                compare(validator, sample, mutation, tally);
            }
        }
    }
    check_agreement(tally, "mutated documents", 1000, 10000);
}

TEST_CASE("schema check: every rule kind (if/then) and every duplicate (uniqueItems)") {
    const SchemaValidator validator;
    Tally tally;
    for (const auto& sample : corpus()) {
        for (const auto& at : places(sample.value)) {
            const Json& value = sample.value.at(at);
            std::vector<Edit> chosen;
            if (value.is_array()) {  // a duplicate, one fewer, one more
                for (auto& variation : variations(value)) {
                    chosen.push_back({Edit::Kind::set, at, std::move(variation), {}});
                }
            }
            if (!at.empty() && at.back() == "kind" && value.is_string()) {
                for (const auto& kind : enum_strings()) {
                    chosen.push_back({Edit::Kind::set, at, kind, {}});
                }
            }
            for (const auto& edit : chosen) {
                compare(validator, sample, edit.apply({"", sample.value}), tally);
            }
        }
    }
    check_agreement(tally, "documents", 100, 100);
}

namespace {

void patterns_of(const Json& schema, std::set<std::string>& out) {
    if (schema.is_object()) {
        for (auto member = schema.begin(); member != schema.end(); ++member) {
            if (member.key() == "pattern" && member->is_string()) {
                out.insert(member->get<std::string>());
            } else if (member.key() == "patternProperties" && member->is_object()) {
                for (auto name = member->begin(); name != member->end(); ++name) {
                    out.insert(name.key());
                }
            }
            patterns_of(*member, out);
        }
    } else if (schema.is_array()) {
        for (const Json& item : schema) {
            patterns_of(item, out);
        }
    }
}

}  // namespace

TEST_CASE("schema check: pattern DFAs find what std::regex_search finds") {
    std::set<std::string> schema_patterns;
    for (const auto& entry : fs::directory_iterator(fs::path(RV_SOURCE_DIR) / "schemas")) {
        std::ifstream in(entry.path());
        patterns_of(Json::parse(in), schema_patterns);
    }
    REQUIRE(schema_patterns.size() >= 5);
    // Beyond the schemas': what the parser takes, unanchored and partly anchored ones.
    std::vector<std::string> patterns(schema_patterns.begin(), schema_patterns.end());
    for (const char* more : {"a",           "ab|c",     "(a|b)+c",   "^(?:ab|a)*$", "a{2,3}",
                             "\\d+\\.\\d*", "x\\w{2}y", "[^a-c]",    "^$",          "",
                             "b$",          "^a",       "(a|)b",     "[-a]",        "[a-]x",
                             "a\\$",        "\\^",      "[\\s\\d]+", "(ab){0,2}c$", "^[A-Z-]+$",
                             "q(r(s|t)?)?u"}) {
        patterns.emplace_back(more);
    }
    const std::string alphabet = std::string("aAbBcCqrstuxyzXZ019-_./:@ +()$^\\|hpsw\t\n") +
                                 std::string(1, '\0') + "\x80\xC3\xA5\xFF\x85\xA0";
    const std::vector<std::string> seeds = {
        "2023-05-17",    "C41.2-C42",       "ab@cd.no",    "https://x.no/", "ui.page_title",
        "helse-sor-ost", "+47 22 00 00 00", "staff.count", "abc",           "x12y"};
    std::mt19937 random(7);
    int mismatches = 0;
    for (const auto& pattern : patterns) {
        CAPTURE(pattern);
        const auto dfa = rv::load::SchemaRegex::compile(pattern);
        REQUIRE(dfa);
        const std::regex regex(pattern);
        for (int n = 0; n < 20000; ++n) {
            std::string text;
            for (int i = 0, length = static_cast<int>(random() % 14); i < length; ++i) {
                text += alphabet[random() % alphabet.size()];
            }
            if (n % 2 == 0) {  // near misses of plausible values
                std::string seed = seeds[random() % seeds.size()];
                seed.insert(random() % (seed.size() + 1), text.substr(0, random() % 3));
                if (random() % 2 != 0) {
                    seed.erase(random() % seed.size(), 1);
                }
                text = seed;
            }
            if (dfa->search(text) != std::regex_search(text, regex) && mismatches++ == 0) {
                MESSAGE("first mismatch: " << pattern << " on " << text_of(text));
            }
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("schema check: patterns beyond the subset are left to std::regex") {
    for (const char* pattern :
         {"a.b", "(?=a)", "\\bword", "(a)\\1", "a*?", "[[:alpha:]]", "\\S+", "a|^b", "^a|b", "x$y",
          "[a-z-0]", "(a*)*", "\\x41", "[]a]", "a{,3}", "a{3,2}", "\xC3\xA5"}) {
        CAPTURE(pattern);
        CHECK_FALSE(rv::load::SchemaRegex::compile(pattern));
    }
}

TEST_CASE("schema check: schemas it does not follow get no check") {
    using rv::load::SchemaCheck;
    const auto check = [](const char* a, const char* b = "{}") {
        SchemaCheck::Documents documents;
        documents["a.json"] = Json::parse(a);
        documents["b.json"] = Json::parse(b);
        return SchemaCheck::compile(documents, "a.json") != nullptr;
    };
    CHECK(check(R"({"type": "object", "properties": {"x": {"$ref": "b.json#/definitions/d"}}})",
                R"({"definitions": {"d": {"type": "string", "minLength": 2}}})"));
    CHECK_FALSE(check(R"({"type": "string", "format": "date"})"));
    CHECK_FALSE(check(R"({"items": [{"type": "string"}]})"));
    CHECK_FALSE(check(R"({"multipleOf": 2})"));
    CHECK_FALSE(check(R"({"type": ["string", "nonsense"]})"));
    CHECK_FALSE(check(R"({"$ref": "b.json"})"));
    // valijson's cache keys "#/definitions/d" of a.json and "b.json#/definitions/d" alike
    // by their bare pointer, so it checks y against a.json's definition: not followed.
    CHECK_FALSE(check(R"({"properties": {"x": {"$ref": "#/definitions/d"},
                                         "y": {"$ref": "b.json#/definitions/d"}},
                          "definitions": {"d": {"type": "string"}}})",
                      R"({"definitions": {"d": {"type": "integer"}}})"));
}
