#include "render/html/search_words.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "model/markdown.hpp"
#include "model/utf8.hpp"

namespace rv::render {

namespace {

// Letters and digits of the scripts Norwegian reports use: ASCII, Latin-1 and Latin
// Extended letters (æ ø å é ü …), Greek. Punctuation, symbols and spaces separate words.
bool is_word_character(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (c >= 0xC0 && c <= 0x24F) {
        return c != 0xD7 && c != 0xF7;
    }
    return c >= 0x370 && c <= 0x3FF;
}

char32_t to_lower(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return c + 0x20;
    }
    if (c >= 0x100 && c <= 0x17F && c % 2 == 0) {
        return c + 1;  // Latin Extended-A pairs: Ā ā, Č č …
    }
    return c;
}

// A block whose text is one run (paragraph, heading, table cell, code block): the words of
// neighbouring blocks, items and cells never run together.
bool is_text_block(model::MarkdownKind kind) {
    using Kind = model::MarkdownKind;
    return kind == Kind::paragraph || kind == Kind::heading || kind == Kind::table_cell ||
           kind == Kind::code_block;
}

// The text of a Markdown tree with a line end after every text block.
void block_text(const model::MarkdownNode& node, std::string& out) {
    if (is_text_block(node.kind)) {
        model::append_plain_text(node, out);
        out += '\n';
        return;
    }
    for (const auto& child : node.children) {
        block_text(child, out);
    }
}

std::string text_of(const model::MarkdownNode& document) {
    std::string out;
    block_text(document, out);
    return out;
}

// The plain-language summary of a report, cut at a word boundary, for the result list.
std::string summary_of(const model::Report& report, std::size_t limit) {
    const model::Section* section = report.find_section("kort-fortalt");
    if (section == nullptr) {
        section = report.find_section("sammendrag");
    }
    if (section == nullptr || !section->has_content) {
        return {};
    }
    std::string text = text_of(section->document);
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    for (char& c : text) {
        if (c == '\n' || c == '\t' || c == '\r') {
            c = ' ';
        }
    }
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos) {
        cut = limit;
    }
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;  // never split a character
    }
    return text.substr(0, cut) + " …";
}

}  // namespace

namespace {

// The byte that a byte adds to a word, lower-cased: 0 for an ASCII byte that separates words
// and for the bytes of other characters (which are decoded).
constexpr std::array<char, 256> word_bytes = [] {
    std::array<char, 256> table{};
    for (int c = '0'; c <= '9'; ++c) {
        table[c] = static_cast<char>(c);
    }
    for (int c = 'a'; c <= 'z'; ++c) {
        table[c] = static_cast<char>(c);
        table[c - 0x20] = static_cast<char>(c);
    }
    return table;
}();

// The first `size` (1 to 8) bytes at `bytes` as a number, the rest zero; the 8 bytes must be
// readable.
std::uint64_t first_bytes(const char* bytes, std::size_t size) {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes, 8);
    if (size == 8) {
        return value;
    }
    if constexpr (std::endian::native == std::endian::little) {
        return value & ((std::uint64_t{1} << (8 * size)) - 1);
    } else {
        return value >> (8 * (8 - size));
    }
}

// The distinct words of runs of text, lower-cased, in order of first appearance, written
// straight into the result ("w1 w2 …"): a word is written where it is read and kept only when
// it is new, so the buffer holds the distinct words and no more; no allocation per word.
// Words never run on from one run of text into the next.
class WordCollector {
  public:
    WordCollector() : slots_(64, 0) {}

    // A run of text: letters and digits form words; everything else, and the run's end,
    // separates them. Other than ASCII, characters are decoded, lower-cased and encoded again.
    void add(const std::string& text) {
        // A word is never longer than the text it is read from, and gets one space; `slack`
        // lets words be read 8 bytes at a time.
        if (out_.size() < used_ + text.size() + 1 + slack) {
            out_.resize(std::max(out_.size() * 2, used_ + text.size() + 1 + slack));
        }
        char* written = out_.data() + used_;  // the end of what is written
        const char* const begin = text.c_str();
        const char* const stop = begin + text.size();  // at the '\0' that ends every word
        for (const char* at = begin; at != stop;) {
            char lowered = word_bytes[static_cast<unsigned char>(*at)];
            if (lowered == 0 && static_cast<unsigned char>(*at) < 0x80) {
                ++at;  // between words
                continue;
            }
            char* const start = written;
            while (true) {
                if (stop - at >= 8) {  // ASCII letters and digits, 8 bytes at a time
                    const std::size_t n = ascii_word_prefix(at, written);
                    written += n;
                    at += n;
                    if (n == 8) {
                        continue;
                    }
                } else {
                    lowered = word_bytes[static_cast<unsigned char>(*at)];
                    while (lowered != 0) {  // the same, a byte at a time ('\0' ends the text)
                        *written++ = lowered;
                        lowered = word_bytes[static_cast<unsigned char>(*++at)];
                    }
                }
                if (static_cast<unsigned char>(*at) < 0x80) {
                    break;  // an ASCII separator (skipped above) or the end
                }
                const auto lead = static_cast<std::size_t>(at - begin);
                std::size_t i = lead;
                const char32_t code = model::next_code_point(text, i);
                at = begin + i;
                if (lead + sequence_length(static_cast<unsigned char>(text[lead])) > text.size()) {
                    cut_ = true;
                }
                if (!is_word_character(code)) {
                    break;
                }
                written = encode(to_lower(code), written);
            }
            if (written != start) {
                written = finish(start, written);
            }
        }
        used_ = static_cast<std::size_t>(written - out_.data());
    }

    // Whether a run of text ended within a character's bytes (only text that is not UTF-8):
    // its words may then differ from those of the runs read as one text with a line end
    // after each run.
    bool cut() const { return cut_; }

    // The words, space-separated.
    std::string take() {
        out_.resize(used_ == 0 ? 0 : used_ - 1);  // without the last word's space
        used_ = 0;
        words_.clear();
        slots_.assign(64, 0);
        return std::move(out_);
    }

  private:
    static constexpr std::size_t slack = 8;

    // The bytes of the UTF-8 sequence that `lead` starts, as model::next_code_point reads it.
    static std::size_t sequence_length(unsigned char lead) {
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        if ((lead & 0xF0) == 0xE0) {
            return 3;
        }
        return (lead & 0xF8) == 0xF0 ? 4 : 1;
    }

    // How many of the 8 bytes at `text` are ASCII letters and digits before any other byte;
    // writes the 8 bytes to `out`, those lower-cased (the rest is written over later).
    static std::size_t ascii_word_prefix(const char* text, char* out) {
        if constexpr (std::endian::native != std::endian::little) {
            std::size_t n = 0;
            for (; n < 8 && word_bytes[static_cast<unsigned char>(text[n])] != 0; ++n) {
                out[n] = word_bytes[static_cast<unsigned char>(text[n])];
            }
            return n;
        }
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t high = 0x8080808080808080ULL;
        // The high bit of each byte of `x` that lies in [lo, hi], for bytes below 0x80 (a
        // byte from 0x80 up can carry into the next one, which is after it in the text).
        const auto in_range = [](std::uint64_t x, unsigned lo, unsigned hi) {
            return (x + ones * (0x80 - lo)) & ~(x + ones * (0x7F - hi)) & high;
        };
        std::uint64_t x = 0;
        std::memcpy(&x, text, 8);
        const std::uint64_t ascii = ~x & high;
        const std::uint64_t letter = in_range(x | ones * 0x20, 'a', 'z') & ascii;
        const std::uint64_t upper = letter & ~(x << 2);  // 0x20 clear: A to Z
        const std::uint64_t word = (in_range(x, '0', '9') & ascii) | letter;
        const std::uint64_t lowered = x + (upper >> 2);  // + 0x20 for A to Z
        std::memcpy(out, &lowered, 8);
        const std::uint64_t other = ~word & high;
        return other == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(other)) / 8;
    }

    // As model::append_utf8 writes `c` (never more bytes than it was read from).
    static char* encode(char32_t c, char* out) {
        if (c < 0x80) {
            *out++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *out++ = static_cast<char>(0xC0 | (c >> 6));
            *out++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *out++ = static_cast<char>(0xE0 | (c >> 12));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *out++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            *out++ = static_cast<char>(0xF0 | (c >> 18));
            *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *out++ = static_cast<char>(0x80 | (c & 0x3F));
        }
        return out;
    }

    // A hash of the word at `word` whose first 8 bytes (or fewer) are `head`, read 8 bytes at
    // a time.
    static std::uint64_t hash_of(std::uint64_t head, const char* word, std::size_t size) {
        constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
        std::uint64_t hash = (head ^ (size * multiplier)) * multiplier;
        hash ^= hash >> 32;
        for (std::size_t at = 8; at < size; at += 8) {
            hash =
                (hash ^ first_bytes(word + at, std::min<std::size_t>(size - at, 8))) * multiplier;
            hash ^= hash >> 32;
        }
        return hash;
    }

    // Whether the `size` bytes at `a` and `b` are the same, read 8 bytes at a time.
    static bool same(const char* a, const char* b, std::size_t size) {
        for (; size > 8; size -= 8, a += 8, b += 8) {
            if (first_bytes(a, 8) != first_bytes(b, 8)) {
                return false;
            }
        }
        return first_bytes(a, size) == first_bytes(b, size);
    }

    // The word written at [start, end): kept, with a space after it, when it is new (the new
    // end is returned), else taken back (start is returned).
    char* finish(char* start, char* end) {
        const char* const out = out_.data();
        const auto size = static_cast<std::uint32_t>(end - start);
        const std::uint64_t head = first_bytes(start, std::min<std::size_t>(size, 8));
        const std::uint64_t hash = hash_of(head, start, size);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            if (slots_[slot] == 0) {
                words_.push_back({static_cast<std::uint32_t>(start - out), size, head, hash});
                slots_[slot] = static_cast<std::uint32_t>(words_.size());
                *end = ' ';
                if (words_.size() * 2 > slots_.size()) {
                    grow();
                }
                return end + 1;
            }
            const Word& seen = words_[slots_[slot] - 1];
            if (seen.head == head && seen.size == size &&
                (size <= 8 || same(out + seen.start + 8, start + 8, size - 8))) {
                return start;
            }
        }
    }

    // Twice the slots, the words seen put in again.
    void grow() {
        slots_.assign(slots_.size() * 2, 0);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t w = 0; w < words_.size(); ++w) {
            std::size_t slot = words_[w].hash & mask;
            while (slots_[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots_[slot] = static_cast<std::uint32_t>(w + 1);
        }
    }

    struct Word {
        std::uint32_t start;  // in out_
        std::uint32_t size;
        std::uint64_t head;  // its first 8 bytes (or fewer), as first_bytes reads them
        std::uint64_t hash;
    };
    std::string out_;  // the distinct words, each with a space after it, then room
    std::size_t used_ = 0;
    bool cut_ = false;
    std::vector<Word> words_;           // in order of first appearance
    std::vector<std::uint32_t> slots_;  // open addressing: 0 empty, else index into words_ + 1
};

// The words of a Markdown tree: each text block (as block_text divides the text) is one run
// of text, so that words of neighbouring paragraphs, items and cells never run
// together, while words split by emphasis or a link within a paragraph do ("fo**o**bar").
// `scratch` holds a block's text (kept between blocks: no allocation per paragraph).
void add_words(const model::MarkdownNode& node, WordCollector& words, std::string& scratch) {
    if (!is_text_block(node.kind)) {
        for (const auto& child : node.children) {
            add_words(child, words, scratch);
        }
    } else if (node.children.size() == 1 &&
               node.children.front().kind == model::MarkdownKind::text) {
        words.add(node.children.front().text);  // most paragraphs: one text
    } else {
        scratch.clear();
        model::append_plain_text(node, scratch);
        words.add(scratch);
    }
}

}  // namespace

std::vector<std::string> distinct_words(const std::string& text) {
    WordCollector collector;
    collector.add(text);
    const std::string all = collector.take();
    std::vector<std::string> words;
    for (std::size_t at = 0; at < all.size();) {
        const std::size_t end = std::min(all.find(' ', at), all.size());
        words.push_back(all.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

ReportSearchText report_search_text(const model::Report& report) {
    WordCollector words;
    std::string scratch;
    for (const auto& section : report.sections) {
        if (section.has_content) {
            add_words(section.document, words, scratch);
        }
    }
    if (words.cut()) {
        // Text that is not UTF-8 (the loader lets none through): read as one text, as the
        // blocks' text with a line end after each, where a cut character may take the bytes
        // after it.
        std::string body;
        for (const auto& section : report.sections) {
            if (section.has_content) {
                body += text_of(section.document);
            }
        }
        words = WordCollector();
        words.add(body);
    }
    return {summary_of(report, 280), words.take()};
}

}  // namespace rv::render
