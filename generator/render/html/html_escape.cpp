#include "render/html/html_escape.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace rv::render {

namespace {

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

// The high bit of each byte of `word` that equals `c`.
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char c) {
    const std::uint64_t x = word ^ (ones * c);
    return (x - ones) & ~x & highs;
}

// The index of the first byte at or after `at` that `table` replaces or leaves out
// (text.size() if none). Eight bytes are looked at together; tab, line feed and (where kept)
// carriage return do not stop the scan, so page HTML with a line break every few dozen
// bytes goes at the same pace as text without any.
std::size_t next_special(std::string_view text, std::size_t at, const EscapeTable& table) {
    const auto replaced = [&table](char c) {
        return table.replacement[static_cast<unsigned char>(c)] != nullptr;
    };
    while (at + 8 <= text.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + at, sizeof word);
        // Bytes below 0x20 (a byte above one may be flagged too: the byte loop below decides),
        // less the control characters that are kept.
        std::uint64_t kept = bytes_equal(word, '\t') | bytes_equal(word, '\n');
        if (table.keeps_carriage_return) {
            kept |= bytes_equal(word, '\r');
        }
        std::uint64_t special =
            (((word - ones * 0x20) & ~word & highs) & ~kept) | bytes_equal(word, 0x7F);
        if (table.markup) {
            special |= bytes_equal(word, '&') | bytes_equal(word, '<') | bytes_equal(word, '>') |
                       bytes_equal(word, '"') | bytes_equal(word, '\'');
        }
        if (special != 0) {
            for (std::size_t end = at + 8; at < end; ++at) {
                if (replaced(text[at])) {
                    return at;
                }
            }
            continue;  // only bytes flagged by a borrow: none is replaced
        }
        at += 8;
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
