// SchemaRegex: pattern → syntax tree → NFA (Thompson) → DFA (subset construction). Anything
// outside the subset schema_regex.hpp names makes compile() return null; so does a pattern
// std::regex would refuse, where this parser can tell.
#include "load/schema_regex.hpp"

#include <algorithm>
#include <bitset>
#include <map>
#include <regex>
#include <string_view>
#include <utility>

namespace rv::load {

namespace {

using ByteSet = std::bitset<256>;

constexpr int max_repeat = 32;  // the largest n or m of {n,m} taken
constexpr int max_nfa_states = 4000;
constexpr int max_dfa_states = 1000;

struct Ast {
    enum class Kind { bytes, sequence, alternation, repeat } kind = Kind::sequence;
    int set = -1;  // bytes: index of its ByteSet
    std::vector<Ast> children;
    int min = 0;
    int max = -1;  // repeat: -1 for no upper bound

    bool nullable() const {
        switch (kind) {
            case Kind::bytes:
                return false;
            case Kind::sequence:
                for (const Ast& child : children) {
                    if (!child.nullable()) {
                        return false;
                    }
                }
                return true;
            case Kind::alternation:
                for (const Ast& child : children) {
                    if (child.nullable()) {
                        return true;
                    }
                }
                return false;
            case Kind::repeat:
                return min == 0 || children.front().nullable();
        }
        return false;
    }
};

// A class escape (\d, \s, \w) as std::regex reads it: regex_traits' isctype, byte by byte,
// in the global locale (which the program never changes), asked once.
const ByteSet& class_bytes(char name) {
    static const auto tables = [] {
        const std::regex_traits<char> traits;
        std::map<char, ByteSet> out;
        for (const char* each : {"d", "s", "w"}) {
            const auto mask = traits.lookup_classname(each, each + 1);
            for (int byte = 0; byte < 256; ++byte) {
                out[*each][static_cast<std::size_t>(byte)] =
                    traits.isctype(static_cast<char>(byte), mask);
            }
        }
        return out;
    }();
    return tables.at(name);
}

bool is_printable_ascii(char c) {
    return c >= 0x20 && c < 0x7f;
}

// Characters that are syntax outside brackets (libstdc++'s ECMAScript special characters).
bool is_special(char c) {
    return std::string_view("^$\\.*+?()[]{}|").find(c) != std::string_view::npos;
}

// Those, '-' and '/': escaped, they stand for themselves.
bool is_escapable(char c) {
    return is_special(c) || c == '-' || c == '/';
}

class Parser {
  public:
    Parser(const std::string& pattern, std::vector<ByteSet>& sets) : text_(pattern), sets_(sets) {}

    bool parse(Ast& out, bool& anchored_start, bool& anchored_end) {
        std::string_view body = text_;
        anchored_start = !body.empty() && body.front() == '^';
        if (anchored_start) {
            body.remove_prefix(1);
        }
        // A final '$' is an anchor unless escaped, i.e. preceded by an odd run of '\'.
        std::size_t slashes = 0;
        while (body.size() >= 2 + slashes && body[body.size() - 2 - slashes] == '\\') {
            ++slashes;
        }
        anchored_end = !body.empty() && body.back() == '$' && slashes % 2 == 0;
        if (anchored_end) {
            body.remove_suffix(1);
        }
        text_ = body;
        if (!alternation(out) || at_ < text_.size()) {
            return false;
        }
        // "^a|b$" anchors one branch each: not followed.
        return !(out.kind == Ast::Kind::alternation && (anchored_start || anchored_end));
    }

  private:
    std::string_view text_;
    std::size_t at_ = 0;
    std::vector<ByteSet>& sets_;

    bool more() const { return at_ < text_.size(); }
    char peek() const { return text_[at_]; }

    int add(const ByteSet& set) {
        sets_.push_back(set);
        return static_cast<int>(sets_.size()) - 1;
    }

    bool alternation(Ast& out) {
        Ast first;
        if (!sequence(first)) {
            return false;
        }
        if (!more() || peek() != '|') {
            out = std::move(first);
            return true;
        }
        out = Ast{Ast::Kind::alternation, -1, {}, 0, -1};
        out.children.push_back(std::move(first));
        while (more() && peek() == '|') {
            ++at_;
            Ast next;
            if (!sequence(next)) {
                return false;
            }
            out.children.push_back(std::move(next));
        }
        return true;
    }

    bool sequence(Ast& out) {
        out = Ast{Ast::Kind::sequence, -1, {}, 0, -1};
        while (more() && peek() != '|' && peek() != ')') {
            Ast item;
            if (!atom(item) || !quantifier(item)) {
                return false;
            }
            out.children.push_back(std::move(item));
        }
        return true;
    }

    bool atom(Ast& out) {
        const char c = peek();
        ++at_;
        if (c == '(') {
            if (more() && peek() == '?') {  // only "(?:", not look-ahead
                if (text_.substr(at_, 2) != "?:") {
                    return false;
                }
                at_ += 2;
            }
            if (!alternation(out) || !more() || peek() != ')') {
                return false;
            }
            ++at_;
            return true;
        }
        ByteSet set;
        if (c == '[') {
            if (!bracket(set)) {
                return false;
            }
        } else if (c == '\\') {
            if (!escape(set)) {
                return false;
            }
        } else if (is_printable_ascii(c) && !is_special(c)) {
            set[static_cast<unsigned char>(c)] = true;
        } else {
            return false;  // '.', a stray quantifier or bracket, '^' or '$' inside, non-ASCII
        }
        out = Ast{Ast::Kind::bytes, add(set), {}, 0, -1};
        return true;
    }

    // After a '\': a class escape or escaped punctuation (`literal` tells which it was).
    bool escape(ByteSet& out, bool* literal = nullptr) {
        if (!more()) {
            return false;
        }
        const char c = text_[at_++];
        if (c == 'd' || c == 's' || c == 'w') {
            out |= class_bytes(c);
            if (literal) {
                *literal = false;
            }
            return true;
        }
        if (!is_escapable(c)) {
            return false;  // \b, \n, \1, \x41, \S, ...: not followed
        }
        out[static_cast<unsigned char>(c)] = true;
        if (literal) {
            *literal = true;
        }
        return true;
    }

    // After a '[': ASCII characters, ranges of them, class escapes; '-' as the first or
    // last member, or between the two ends of a range.
    bool bracket(ByteSet& out) {
        const bool negated = more() && peek() == '^';
        if (negated) {
            ++at_;
        }
        if (more() && peek() == ']') {
            return false;  // "[]" and "[^]"
        }
        bool first = true;
        while (more() && peek() != ']') {
            char low = 0;
            if (peek() == '-') {
                ++at_;
                if (!first && !(more() && peek() == ']')) {
                    return false;
                }
                out['-'] = true;
                first = false;
                continue;
            }
            if (peek() == '\\') {
                ++at_;
                bool literal = false;
                ByteSet one;
                if (!escape(one, &literal)) {
                    return false;
                }
                out |= one;
                if (!literal) {
                    first = false;
                    if (more() && peek() == '-' &&
                        !(at_ + 1 < text_.size() && text_[at_ + 1] == ']')) {
                        return false;  // "\s-x"
                    }
                    continue;
                }
                low = text_[at_ - 1];
            } else {
                low = peek();
                ++at_;
                if (!is_printable_ascii(low) || low == '[') {
                    return false;
                }
                out[static_cast<unsigned char>(low)] = true;
            }
            first = false;
            if (more() && peek() == '-' && at_ + 1 < text_.size() && text_[at_ + 1] != ']') {
                at_ += 1;
                const char high = peek();
                ++at_;
                if (high == '\\' || high == '[' || high == '-' || !is_printable_ascii(high) ||
                    high < low) {
                    return false;
                }
                for (int byte = low; byte <= high; ++byte) {
                    out[static_cast<std::size_t>(byte)] = true;
                }
            }
        }
        if (!more()) {
            return false;
        }
        ++at_;  // ']'
        if (negated) {
            out.flip();
        }
        return true;
    }

    bool number(int& out) {
        const std::size_t from = at_;
        out = 0;
        while (more() && peek() >= '0' && peek() <= '9' && at_ - from < 3) {
            out = out * 10 + (peek() - '0');
            ++at_;
        }
        return at_ > from && !(more() && peek() >= '0' && peek() <= '9');
    }

    bool quantifier(Ast& item) {
        if (!more()) {
            return true;
        }
        int min = 0;
        int max = -1;
        const char c = peek();
        if (c == '*' || c == '+' || c == '?') {
            ++at_;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : -1;
        } else if (c == '{') {
            ++at_;
            if (!number(min)) {
                return false;
            }
            max = min;
            if (more() && peek() == ',') {
                ++at_;
                max = -1;
                if (more() && peek() != '}' && !number(max)) {
                    return false;
                }
            }
            if (!more() || peek() != '}' || (max != -1 && max < min) || min > max_repeat ||
                max > max_repeat) {
                return false;
            }
            ++at_;
        } else {
            return true;
        }
        // Lazy or doubled quantifiers, and repeats of what may match nothing: not followed.
        if ((more() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) ||
            item.nullable()) {
            return false;
        }
        Ast repeat{Ast::Kind::repeat, -1, {}, min, max};
        repeat.children.push_back(std::move(item));
        item = std::move(repeat);
        return true;
    }
};

// Thompson's construction: a state either consumes a byte of `set` and goes to `out`, or
// (set -1) moves on to `out` and `other` without consuming anything.
struct NfaState {
    int set = -1;
    int out = -1;
    int other = -1;
};

class Nfa {
  public:
    std::vector<NfaState> states;
    bool ok = true;

    // The fragment for `ast`: its first state and its last, which leads nowhere yet.
    std::pair<int, int> build(const Ast& ast) {
        if (states.size() > static_cast<std::size_t>(max_nfa_states)) {
            ok = false;
            const int end = add({});
            return {end, end};
        }
        switch (ast.kind) {
            case Ast::Kind::bytes: {
                const int end = add({});
                return {add({ast.set, end, -1}), end};
            }
            case Ast::Kind::sequence: {
                const int begin = add({});
                int end = begin;
                for (const Ast& child : ast.children) {
                    const auto [first, last] = build(child);
                    states[static_cast<std::size_t>(end)].out = first;
                    end = last;
                }
                return {begin, end};
            }
            case Ast::Kind::alternation: {
                const int end = add({});
                int begin = -1;
                for (auto child = ast.children.rbegin(); child != ast.children.rend(); ++child) {
                    const auto [first, last] = build(*child);
                    states[static_cast<std::size_t>(last)].out = end;
                    begin = begin < 0 ? first : add({-1, first, begin});
                }
                return {begin, end};
            }
            case Ast::Kind::repeat:
                return repeat(ast.children.front(), ast.min, ast.max);
        }
        return {-1, -1};
    }

  private:
    int add(NfaState state) {
        states.push_back(state);
        return static_cast<int>(states.size()) - 1;
    }

    std::pair<int, int> repeat(const Ast& child, int min, int max) {
        const int begin = add({});
        int end = begin;
        for (int i = 0; i < min; ++i) {
            const auto [first, last] = build(child);
            states[static_cast<std::size_t>(end)].out = first;
            end = last;
        }
        const int optional = max < 0 ? 1 : max - min;
        for (int i = 0; i < optional; ++i) {
            const auto [first, last] = build(child);
            const int after = add({});
            states[static_cast<std::size_t>(end)].out = first;
            states[static_cast<std::size_t>(end)].other = after;
            states[static_cast<std::size_t>(last)].out = max < 0 ? first : after;
            states[static_cast<std::size_t>(last)].other = max < 0 ? after : -1;
            end = after;
        }
        return {begin, end};
    }
};

}  // namespace

// Subset construction over the byte classes.
class RegexBuilder {
  public:
    static bool build(SchemaRegex& out, const Nfa& nfa, const std::vector<ByteSet>& sets, int start,
                      int accept, bool anchored_start) {
        // Bytes every set holds or lacks alike behave alike: one class each, found by
        // splitting the classes by each set in turn.
        int classes[256] = {};
        int count = 1;
        for (const ByteSet& set : sets) {
            int renamed[512];
            std::fill(std::begin(renamed), std::end(renamed), -1);
            int next = 0;
            for (int byte = 0; byte < 256; ++byte) {
                int& name =
                    renamed[classes[byte] * 2 + (set[static_cast<std::size_t>(byte)] ? 1 : 0)];
                if (name < 0) {
                    name = next++;
                }
                classes[byte] = name;
            }
            count = next;
        }
        std::vector<int> representative(static_cast<std::size_t>(count), -1);
        for (int byte = 0; byte < 256; ++byte) {
            out.byte_class_[byte] = static_cast<std::uint8_t>(classes[byte]);
            if (representative[static_cast<std::size_t>(classes[byte])] < 0) {
                representative[static_cast<std::size_t>(classes[byte])] = byte;
            }
        }
        out.classes_ = count;

        const auto closure = [&nfa](std::vector<int> seeds) {
            std::vector<bool> seen(nfa.states.size());
            std::vector<int> members;
            while (!seeds.empty()) {
                const int state = seeds.back();
                seeds.pop_back();
                if (state < 0 || seen[static_cast<std::size_t>(state)]) {
                    continue;
                }
                seen[static_cast<std::size_t>(state)] = true;
                members.push_back(state);
                const NfaState& s = nfa.states[static_cast<std::size_t>(state)];
                if (s.set < 0) {
                    seeds.push_back(s.out);
                    seeds.push_back(s.other);
                }
            }
            std::sort(members.begin(), members.end());
            return members;
        };
        std::map<std::vector<int>, int> ids;
        std::vector<std::vector<int>> pending;
        const auto intern = [&](std::vector<int> members) {
            const auto [found, fresh] = ids.emplace(members, static_cast<int>(ids.size()));
            if (fresh) {
                pending.push_back(std::move(members));
            }
            return found->second;
        };
        out.start_ = intern(closure({start}));
        for (std::size_t done = 0; done < pending.size(); ++done) {
            if (pending.size() > static_cast<std::size_t>(max_dfa_states)) {
                return false;
            }
            const std::vector<int> members = pending[done];
            out.accepting_.push_back(std::binary_search(members.begin(), members.end(), accept));
            for (const int byte : representative) {
                std::vector<int> moved;
                for (const int state : members) {
                    const NfaState& s = nfa.states[static_cast<std::size_t>(state)];
                    if (s.set >= 0 &&
                        sets[static_cast<std::size_t>(s.set)][static_cast<std::size_t>(byte)]) {
                        moved.push_back(s.out);
                    }
                }
                if (!anchored_start) {
                    moved.push_back(start);  // regex_search: a match may begin at any byte
                }
                std::vector<int> next = closure(std::move(moved));
                out.next_.push_back(next.empty() ? -1 : intern(std::move(next)));
            }
        }
        return true;
    }
};

std::unique_ptr<const SchemaRegex> SchemaRegex::compile(const std::string& pattern) {
    std::vector<ByteSet> sets;
    Ast ast;
    bool anchored_start = false;
    bool anchored_end = false;
    if (!Parser(pattern, sets).parse(ast, anchored_start, anchored_end)) {
        return nullptr;
    }
    Nfa nfa;
    const auto [start, accept] = nfa.build(ast);
    if (!nfa.ok) {
        return nullptr;
    }
    std::unique_ptr<SchemaRegex> regex(new SchemaRegex());
    regex->anchored_end_ = anchored_end;
    if (!RegexBuilder::build(*regex, nfa, sets, start, accept, anchored_start)) {
        return nullptr;
    }
    return regex;
}

bool SchemaRegex::search(const std::string& text) const {
    int state = start_;
    if (!anchored_end_ && accepting_[static_cast<std::size_t>(state)]) {
        return true;  // a match found need not reach the end
    }
    for (const char c : text) {
        state = next_[static_cast<std::size_t>(state * classes_ +
                                               byte_class_[static_cast<unsigned char>(c)])];
        if (state < 0) {
            return false;
        }
        if (!anchored_end_ && accepting_[static_cast<std::size_t>(state)]) {
            return true;
        }
    }
    return accepting_[static_cast<std::size_t>(state)];
}

}  // namespace rv::load
