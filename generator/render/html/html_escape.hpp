#pragma once
// Escaping text for HTML, SVG and XML output: one loop for every writer, each with its table
// of what becomes of a byte (kept, left out, or written as an entity). Ordinary bytes are
// skipped eight at a time: most text has nothing to escape for dozens of bytes.
#include <array>
#include <string>
#include <string_view>

namespace rv::render {

struct EscapeTable {
    // By byte: nullptr keeps it, "" leaves it out, else the entity written instead.
    std::array<const char*, 256> replacement{};
    // Whether & < > " ' may be replaced; if not, only control characters are looked at.
    bool markup = true;
    // Whether carriage return is kept (tab and line feed always are).
    bool keeps_carriage_return = false;
};

// Markdown text on a page: & < > " ' (&#39;) escaped, control characters but tab and line
// feed left out.
extern const EscapeTable page_text;
// A Mustache value in {{…}}: & < > " ' (&apos;) escaped, control characters but tab, line
// feed and carriage return left out, and DEL.
extern const EscapeTable template_value;
// A Mustache value in {{{…}}}: only those control characters left out.
extern const EscapeTable template_raw;
// An XML attribute value (SVG): & < > " ' (&apos;) escaped. An XML text: & < > escaped.
extern const EscapeTable xml_attribute;
extern const EscapeTable xml_text;

// Appends `text` to `out` as `table` says.
void append_escaped(std::string& out, std::string_view text, const EscapeTable& table);

}  // namespace rv::render
