#include "render/html/mustache.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "messages/formatting.hpp"
#include "render/html/html_escape.hpp"

namespace rv::render {

namespace {

using nlohmann::json;
using Kind = MustacheTemplate::Kind;
using Node = MustacheTemplate::Node;

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

int line_of(std::string_view text, std::size_t position) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + position, '\n'));
}

// "a.b.c" → a, b, c; "." → nothing (the current context). As std::getline splits: an empty
// part between dots is kept, one at the end is not.
std::vector<std::string> split_name(std::string_view name) {
    std::vector<std::string> parts;
    if (name == ".") {
        return parts;
    }
    std::size_t start = 0;
    while (true) {
        const auto dot = name.find('.', start);
        if (dot == std::string_view::npos) {
            if (start < name.size() || parts.empty()) {
                parts.emplace_back(name.substr(start));
            }
            return parts;
        }
        parts.emplace_back(name.substr(start, dot - start));
        start = dot + 1;
    }
}

// {{=<% %>=}}: the new opening and closing delimiters, or false if the tag is malformed.
bool parse_delimiters(std::string_view tag, std::string& open, std::string& close) {
    if (tag.size() < 5 || tag.back() != '=') {
        return false;
    }
    const std::string_view inner = trim(tag.substr(1, tag.size() - 2));
    const auto space = inner.find(' ');
    if (space == std::string_view::npos) {
        return false;
    }
    const auto second = inner.find_first_not_of(' ', space + 1);
    const std::string_view first_part = inner.substr(0, space);
    const std::string_view second_part = inner.substr(second);
    for (const std::string_view part : {first_part, second_part}) {
        for (const char c : part) {
            if (c == '=' || std::isspace(static_cast<unsigned char>(c)) != 0) {
                return false;
            }
        }
    }
    open = first_part;
    close = second_part;
    return true;
}

}  // namespace

MustacheTemplate::MustacheTemplate(std::string_view input) {
    std::string open = "{{";
    std::string close = "}}";
    bool braces = true;
    std::vector<std::size_t> sections;  // the sections still open: node index, tag position
    std::vector<std::size_t> section_tags;
    std::string text;
    const auto flush_text = [&] {
        if (!text.empty()) {
            nodes_.push_back({Kind::text, std::move(text), {}, 0});
            text.clear();
        }
    };
    const auto fail = [&](const std::string& what, std::size_t at) {
        error_ = what + " (line " + std::to_string(line_of(input, at)) + ")";
        nodes_.clear();
    };
    for (std::size_t pos = 0; pos < input.size();) {
        if (input.compare(pos, open.size(), open) != 0) {
            const char c = input[pos];
            if (c == '\n' || c == '\r') {
                flush_text();
                const std::size_t length = c == '\r' && input.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
                nodes_.push_back({Kind::newline, std::string(input.substr(pos, length)), {}, 0});
                pos += length;
            } else {
                text += c;
                ++pos;
            }
            continue;
        }
        flush_text();
        const std::size_t tag_start = pos;
        std::size_t contents = pos + open.size();
        const bool triple =
            braces && tag_start + 2 != input.size() && input[contents] == open.front();
        const std::string_view closing = triple ? std::string_view("}}}") : close;
        if (triple) {
            ++contents;
        }
        const std::size_t tag_end = input.find(closing, contents);
        if (tag_end == std::string_view::npos) {
            fail("unclosed tag " + std::string(input.substr(tag_start, 20)), tag_start);
            return;
        }
        const std::string_view tag = trim(input.substr(contents, tag_end - contents));
        pos = tag_end + closing.size();
        if (!tag.empty() && tag.front() == '=') {
            if (!parse_delimiters(tag, open, close)) {
                fail("malformed delimiter tag {{" + std::string(tag) + "}}", tag_start);
                return;
            }
            braces = open == "{{" && close == "}}";
            continue;
        }
        Kind kind = Kind::variable;
        std::string_view name = tag;
        if (triple) {
            kind = Kind::raw_variable;
        } else if (!tag.empty()) {
            const char sigil = tag.front();
            if (sigil == '!') {
                continue;  // a comment
            }
            if (sigil == '/') {
                name = trim(tag.substr(1));
                if (sections.empty()) {
                    fail("{{/" + std::string(name) + "}} closes no section", tag_start);
                    return;
                }
                Node& section = nodes_[sections.back()];
                if (section.text != name) {
                    fail("section \"" + section.text + "\" is closed by {{/" + std::string(name) +
                             "}}",
                         tag_start);
                    return;
                }
                section.end = nodes_.size();
                sections.pop_back();
                section_tags.pop_back();
                continue;
            }
            const std::string_view sigils = "#^>&";
            if (sigils.find(sigil) != std::string_view::npos) {
                kind = sigil == '#'   ? Kind::section
                       : sigil == '^' ? Kind::inverted
                       : sigil == '>' ? Kind::partial
                                      : Kind::raw_variable;
                name = trim(tag.substr(1));
            }
        }
        if (kind == Kind::section || kind == Kind::inverted) {
            sections.push_back(nodes_.size());
            section_tags.push_back(tag_start);
        }
        nodes_.push_back({kind, std::string(name),
                          kind == Kind::partial ? std::vector<std::string>{} : split_name(name),
                          0});
    }
    flush_text();
    if (!sections.empty()) {
        const std::string name = nodes_[sections.back()].text;
        fail("section \"" + name + "\" is never closed", section_tags.back());
    }
}

// Renders nodes against a stack of contexts, keeping the line being written in `out` from
// `line_start`, so that a line left blank by section tags can be dropped.
class MustacheRenderer {
  public:
    MustacheRenderer(std::span<const json* const> contexts,
                     const MustacheTemplate::Partials& partials, std::string& out)
        : stack_(contexts.begin(), contexts.end()),
          partials_(partials),
          out_(out),
          line_start_(out.size()) {}

    void render(const std::vector<Node>& nodes, std::size_t from, std::size_t to, int depth) {
        for (std::size_t i = from; i < to; ++i) {
            const Node& node = nodes[i];
            switch (node.kind) {
                case Kind::text:
                    out_ += node.text;
                    break;
                case Kind::newline:
                    end_line(&node.text);
                    break;
                case Kind::variable:
                case Kind::raw_variable:
                    if (const json* value = lookup(node)) {
                        write(*value, node.kind == Kind::variable);
                    }
                    break;
                case Kind::section:
                case Kind::inverted: {
                    const json* value = lookup(node);
                    const bool truthy = value != nullptr && !falsy(*value);
                    if ((node.kind == Kind::section) == truthy) {
                        section(nodes, i + 1, node.end, value, depth);
                    }
                    i = node.end - 1;
                    break;
                }
                case Kind::partial:
                    if (const auto found = partials_.find(node.text); found != partials_.end()) {
                        if (depth >= 32) {
                            throw std::runtime_error("partials nest more than 32 deep at {{> " +
                                                     node.text + "}}");
                        }
                        const MustacheTemplate& partial = found->second;
                        if (!partial.valid()) {
                            throw std::runtime_error("partial " + node.text + ": " +
                                                     partial.error());
                        }
                        render(partial.nodes_, 0, partial.nodes_.size(), depth + 1);
                    }
                    break;
            }
        }
    }

    // The last line, with no line end after it.
    void finish() { end_line(nullptr); }

  private:
    std::vector<const json*> stack_;
    const MustacheTemplate::Partials& partials_;
    std::string& out_;
    std::size_t line_start_;
    bool line_had_section_ = false;

    static bool falsy(const json& value) {
        return value.is_null() || (value.is_boolean() && !value.get<bool>()) ||
               (value.is_string() && value.get_ref<const std::string&>().empty()) ||
               (value.is_array() && value.empty());
    }

    void end_line(const std::string* line_end) {
        const bool blank = std::all_of(out_.begin() + static_cast<std::ptrdiff_t>(line_start_),
                                       out_.end(), [](char c) { return c == ' ' || c == '\t'; });
        if (line_had_section_ && blank) {
            out_.resize(line_start_);
        } else if (line_end != nullptr) {
            out_ += *line_end;
        }
        line_start_ = out_.size();
        line_had_section_ = false;
    }

    const json* lookup(const Node& node) const {
        if (node.path.empty()) {
            return stack_.back();
        }
        for (auto context = stack_.rbegin(); context != stack_.rend(); ++context) {
            const json* value = *context;
            for (const auto& part : node.path) {
                if (!value->is_object()) {
                    value = nullptr;
                    break;
                }
                const auto found = value->find(part);
                if (found == value->end()) {
                    value = nullptr;
                    break;
                }
                value = &*found;
            }
            if (value != nullptr) {
                return value;
            }
        }
        return nullptr;
    }

    void section(const std::vector<Node>& nodes, std::size_t from, std::size_t to,
                 const json* value, int depth) {
        if (value != nullptr && value->is_array() && !value->empty()) {
            for (const auto& item : *value) {
                line_had_section_ = true;
                stack_.push_back(&item);
                render(nodes, from, to, depth);
                stack_.pop_back();
                line_had_section_ = true;
            }
            return;
        }
        line_had_section_ = true;
        if (value != nullptr) {
            stack_.push_back(value);
        }
        render(nodes, from, to, depth);
        if (value != nullptr) {
            stack_.pop_back();
        }
        line_had_section_ = true;
    }

    void write(const json& value, bool escape) {
        switch (value.type()) {
            case json::value_t::string:
                append(value.get_ref<const std::string&>(), escape);
                break;
            case json::value_t::number_integer:
            case json::value_t::number_unsigned:
                out_ += std::to_string(value.get<long long>());
                break;
            case json::value_t::number_float:
                append(messages::format_decimal(value.get<double>(), 1), escape);
                break;
            default:
                break;  // true, objects and lists print nothing
        }
    }

    // Appends `text` without control characters (HTML allows none but tab and line ends),
    // escaping & < > " ' when asked.
    void append(std::string_view text, bool escape) {
        append_escaped(out_, text, escape ? template_value : template_raw);
    }
};

void MustacheTemplate::render(std::span<const json* const> contexts, const Partials& partials,
                              std::string& out) const {
    if (!valid()) {
        throw std::runtime_error(error_);
    }
    if (contexts.empty()) {
        throw std::runtime_error("no data to render");
    }
    MustacheRenderer renderer(contexts, partials, out);
    renderer.render(nodes_, 0, nodes_.size(), 0);
    renderer.finish();
}

}  // namespace rv::render
