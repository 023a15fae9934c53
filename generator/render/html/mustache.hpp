#pragma once
// Mustache templates compiled once and rendered straight from nlohmann::json, without
// converting the page data: the theme's pages are rendered thousands of times per build.
//
// The dialect is the one the default theme and users' themes were written against
// (kainjow::mustache 4): {{name}} escaped, {{{name}}} and {{& name}} raw, {{#section}},
// {{^inverted}}, {{! comment}}, {{> partial}}, {{=<% %>=}}, dotted names and {{.}}.
// - A name is looked up from the innermost context outwards; a dotted name must resolve
//   completely within one context, else the next one outwards is tried.
// - Falsy: null, false, "", []. A non-empty list repeats its section for each item; any
//   other truthy value renders its section once with the value as the innermost context.
// - Strings are written without control characters (but tab and line ends); escaping
//   covers & < > " '. Integers print as digits, other numbers with one decimal (1,5).
// - A line that held a section tag that was rendered, and is left with nothing but
//   spaces and tabs, is dropped with its line end.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace rv::render {

class MustacheTemplate {
  public:
    // Compiles `text`. A syntax error leaves the template invalid with error() saying
    // what and on which line.
    explicit MustacheTemplate(std::string_view text);

    bool valid() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    using Partials = std::map<std::string, MustacheTemplate, std::less<>>;

    // Appends the page to `out`. `contexts` is the context stack, outermost first; a
    // partial not in `partials` renders nothing. Throws std::runtime_error if the
    // template is invalid or partials nest more than 32 deep.
    void render(std::span<const nlohmann::json* const> contexts, const Partials& partials,
                std::string& out) const;

    enum class Kind : unsigned char {
        text,
        newline,
        variable,
        raw_variable,
        section,
        inverted,
        partial
    };
    struct Node {
        Kind kind = Kind::text;
        std::string text;               // the text, the line end, or a partial's name
        std::vector<std::string> path;  // a name split at its dots; empty for {{.}}
        std::size_t end = 0;            // a section: the index just past its last node
    };

  private:
    std::vector<Node> nodes_;
    std::string error_;

    friend class MustacheRenderer;
};

}  // namespace rv::render
