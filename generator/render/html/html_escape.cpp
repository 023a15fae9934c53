#include "render/html/html_escape.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace rv::render {

namespace {

// Sixteen bytes of text, compared at once (a GCC and Clang vector extension: SSE2 on x86-64).
using Block = unsigned char __attribute__((vector_size(16)));

// Whether a block may hold a byte that `table` replaces or leaves out: a control character
// (but tab, line feed and a kept carriage return), DEL, or markup where the table escapes it.
// A table may change fewer of them (the XML ones keep control characters): the caller
// decides byte by byte.
bool block_may_change(const Block& block, const EscapeTable& table) {
    auto changed = (block < 0x20) & (block != '\t') & (block != '\n');
    if (table.keeps_carriage_return) {
        changed &= block != '\r';
    }
    changed |= block == 0x7F;
    if (table.markup) {
        changed |=
            (block == '&') | (block == '<') | (block == '>') | (block == '"') | (block == '\'');
    }
    std::uint64_t halves[2];
    std::memcpy(halves, &changed, sizeof halves);
    return (halves[0] | halves[1]) != 0;
}

// The index of the first byte at or after `at` that `table` replaces or leaves out
// (text.size() if none), sixteen bytes at a time: a section's HTML or a chart's SVG is most
// of a page and rarely holds such a byte, and tab, line feed and (where kept) carriage
// return do not stop the scan.
std::size_t next_special(std::string_view text, std::size_t at, const EscapeTable& table) {
    const auto replaced = [&table](char c) {
        return table.replacement[static_cast<unsigned char>(c)] != nullptr;
    };
    while (at + sizeof(Block) <= text.size()) {
        Block block;
        std::memcpy(&block, text.data() + at, sizeof block);
        if (block_may_change(block, table)) {
            for (const std::size_t end = at + sizeof(Block); at < end; ++at) {
                if (replaced(text[at])) {
                    return at;
                }
            }
            continue;  // only control characters the table keeps
        }
        at += sizeof(Block);
    }
    while (at < text.size() && !replaced(text[at])) {
        ++at;
    }
    return at;
}

struct Choices {
    bool drop_controls;         // below 0x20, but tab and line feed
    bool keep_carriage_return;  // of those
    bool drop_del;              // 0x7F
    const char* apostrophe;     // the entity for ', or nullptr: no markup escaped
    bool quotes;                // " and ' escaped too, not only & < >
};

constexpr EscapeTable make(Choices choices) {
    EscapeTable table;
    if (choices.drop_controls) {
        for (int c = 0; c < 0x20; ++c) {
            if (c != '\t' && c != '\n' && !(c == '\r' && choices.keep_carriage_return)) {
                table.replacement[static_cast<std::size_t>(c)] = "";
            }
        }
    }
    if (choices.drop_del) {
        table.replacement[0x7F] = "";
    }
    table.markup = choices.apostrophe != nullptr;
    table.keeps_carriage_return = !choices.drop_controls || choices.keep_carriage_return;
    if (table.markup) {
        table.replacement['&'] = "&amp;";
        table.replacement['<'] = "&lt;";
        table.replacement['>'] = "&gt;";
        if (choices.quotes) {
            table.replacement['"'] = "&quot;";
            table.replacement['\''] = choices.apostrophe;
        }
    }
    return table;
}

}  // namespace

const EscapeTable page_text = make({true, false, false, "&#39;", true});
const EscapeTable template_value = make({true, true, true, "&apos;", true});
const EscapeTable template_raw = make({true, true, true, nullptr, false});
const EscapeTable xml_attribute = make({false, false, false, "&apos;", true});
const EscapeTable xml_text = make({false, false, false, "&apos;", false});

void append_escaped(std::string& out, std::string_view text, const EscapeTable& table) {
    std::size_t run = 0;
    for (std::size_t i = next_special(text, 0, table); i < text.size();
         i = next_special(text, i + 1, table)) {
        const char* replacement = table.replacement[static_cast<unsigned char>(text[i])];
        out.append(text, run, i - run);
        out += replacement;
        run = i + 1;
    }
    out.append(text, run, text.size() - run);
}

}  // namespace rv::render
