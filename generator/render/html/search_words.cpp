#include "render/html/search_words.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

#include "model/markdown.hpp"
#include "model/utf8.hpp"
#include "render/html/word_blocks.hpp"

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
    // Line ends become spaces in what is kept and in the byte after it, which is all that
    // rfind below reads.
    const auto kept = static_cast<std::ptrdiff_t>(std::min(text.size(), limit + 1));
    std::replace_if(
        text.begin(), text.begin() + kept,
        [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
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

using word_blocks::Block;
using word_blocks::block_bits;
using word_blocks::block_size;
using word_blocks::first_bytes;
using word_blocks::load8;
using word_blocks::load_block;
using word_blocks::low_bytes;
using word_blocks::lowest_bit;
using word_blocks::store8;

// As model::append_utf8 writes `c` (never more bytes than it was read from).
char* encode(char32_t c, char* out) {
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

// The bytes of the UTF-8 sequence that `lead` starts, as model::next_code_point reads it.
std::size_t sequence_length(unsigned char lead) {
    if ((lead & 0xE0) == 0xC0) {
        return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
        return 3;
    }
    return (lead & 0xF8) == 0xF0 ? 4 : 1;
}

// Whether the `size` bytes at `a` and `b` are the same, read 8 bytes at a time.
bool same(const char* a, const char* b, std::size_t size) {
    for (; size > 8; size -= 8, a += 8, b += 8) {
        if (load8(a) != load8(b)) {
            return false;
        }
    }
    return first_bytes(a, size) == first_bytes(b, size);
}

// What a word is looked up by: its bytes if it has up to 8, else all its bytes mixed, 8 at a
// time.
std::uint64_t mix(std::uint64_t key, std::uint64_t next) {
    key = (key ^ next) * 0xFF51AFD7ED558CCDULL;
    return key ^ (key >> 32);
}

std::uint64_t key_of(const char* word, std::size_t size) {
    std::uint64_t key = first_bytes(word, size);
    for (std::size_t at = 8; at < size; at += 8) {
        key = mix(key, first_bytes(word + at, size - at));
    }
    return key;
}

// The distinct words of runs of text, lower-cased, in order of first appearance, written
// straight into the result ("w1 w2 …"), with no allocation per word. Text is read a block at
// a time (word_blocks.hpp); a word of up to 15 bytes of ASCII and Latin-1 letters is looked
// up in a hash table by the numbers that hold its bytes, and written only if new; a longer
// one, or one with other letters (decoded, lower-cased and encoded again as model/utf8 does),
// is written where it is read and taken back if seen before. Words never run on from one run
// of text into the next.
class WordCollector {
  public:
    WordCollector()
        : heads_(std::make_unique<std::uint64_t[]>(initial_slots)),
          places_(std::make_unique_for_overwrite<Place[]>(initial_slots)) {}

    // A run of text: letters and digits form words; everything else, and the run's end,
    // separates them. Other than ASCII, characters are decoded, lower-cased and encoded again.
    void add(const std::string& text) {
        // A word is never longer than the text it is read from, and gets one space; `slack`
        // lets words be written a block at a time.
        reserve(used_ + text.size() + 1 + slack);
        written_ = out_.get() + used_;
        text_ = text;
        const char* const stop = text.data() + text.size();
        for (const char* at = text.data(); at < stop;) {
            at = add_block(at);
        }
        used_ = static_cast<std::size_t>(written_ - out_.get());
    }

    // Whether a run of text ended within a character's bytes (only text that is not UTF-8):
    // its words may then differ from those of the runs read as one text with a line end
    // after each run.
    bool cut() const { return cut_; }

    // The words, space-separated; the collector is done with.
    std::string take() && {
        if (used_ == 0) {
            return {};
        }
        return {out_.get(), used_ - 1};  // without the last word's space
    }

  private:
    static constexpr std::size_t slack = block_size;
    static constexpr std::size_t initial_slots = 2048;  // a report has some hundreds of words
    static constexpr int initial_shift = 64 - 11;

    // A word seen is in the slot at the same index of heads_ and places_: its first 8 bytes
    // (or fewer, the rest zero), and where it is in out_. No word has a zero byte, so a head
    // is 0 only in an empty slot, and a word of up to 7 bytes is told by its head alone.
    struct Place {
        std::uint32_t start = 0;
        std::uint32_t size = 0;
    };

    // Room for `size` bytes in out_. New room is not set, as places_ is not: only what is
    // written is read (or, read 8 bytes at a time, masked off).
    void reserve(std::size_t size) {
        if (size <= capacity_) {
            return;
        }
        capacity_ = std::max(capacity_ * 2, size);
        auto room = std::make_unique_for_overwrite<char[]>(capacity_);
        if (used_ != 0) {
            std::memcpy(room.get(), out_.get(), used_);
        }
        out_ = std::move(room);
    }

    // The lowered bytes of the last block read, with room before them for last_block and
    // after them for reading a block's length from any of them.
    char* lowered() { return buffer_.data() + block_size; }

    // The words in the block at `at` that end in it; returns where to read on: the next block,
    // the start of a word that runs on past the block (read again from there, which most often
    // finds it whole), or, through read_word, the end of a word that fills the block.
    [[gnu::always_inline]] const char* add_block(const char* at) {
        const Block block = load_block(at, text_.data(), text_.data() + text_.size(), lowered());
        if (block.other != 0) [[unlikely]] {
            return add_mixed_block(at, block);
        }
        // A word starts at each bit of `starts` and ends at the same bit of `ends` (the
        // byte after it); a word that runs on past the block has no end here, and is left
        // in `starts`.
        const std::uint64_t after_word = block.word << 1;
        std::uint64_t starts = block.word & ~after_word;
        std::uint64_t ends = ~block.word & after_word & block_bits;
        while (ends != 0) {
            const std::size_t first = lowest_bit(starts);
            keep(lowered() + first, lowest_bit(ends) - first);
            starts &= starts - 1;
            ends &= ends - 1;
        }
        if (starts != 0) {
            const std::size_t first = lowest_bit(starts);
            return first == 0 ? read_word(at) : at + first;
        }
        return at + block_size;
    }

    // The same for a block with bytes from 0x80 up other than Latin-1 letters (– « » …, Greek,
    // Latin Extended): a word that starts or ends at one is read by read_word, which decodes.
    [[gnu::noinline]] const char* add_mixed_block(const char* at, const Block& block) {
        const std::uint64_t ends = ~block.word;  // the byte after the block ends words too
        const std::uint64_t unread = block.other | (std::uint64_t{1} << block_size);
        for (std::uint64_t starts = block.word | block.other; starts != 0;) {
            const std::size_t first = lowest_bit(starts);
            const std::size_t last = lowest_bit(ends & (~std::uint64_t{0} << first));
            if (((unread >> last) & 1) != 0) {
                return last == block_size && first != 0 ? at + first : read_word(at + first);
            }
            keep(lowered() + first, last - first);
            starts &= ~std::uint64_t{0} << last;
        }
        return at + block_size;
    }

    // The word of 1 to block_size - 1 bytes at `bytes`, lowered (in lowered()).
    [[gnu::always_inline]] void keep(const char* bytes, std::size_t size) {
        if (size < 8) {
            keep_short(load8(bytes) & low_bytes[size], size);
        } else if (size < 16) {
            keep_medium(load8(bytes), load8(bytes + 8) & low_bytes[size - 8], size);
        } else {
            std::memcpy(written_, bytes, block_size);
            keep_written(written_, written_ + size);
        }
    }

    std::size_t index_of(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
    }

    // A word of 1 to 7 bytes held in `head`.
    [[gnu::always_inline]] void keep_short(std::uint64_t head, std::size_t size) {
        for (std::size_t i = index_of(head);; i = (i + 1) & mask_) {
            const std::uint64_t seen = heads_[i];
            if (seen == head) {
                return;
            }
            if (seen == 0) {
                store8(written_, head);
                take_slot(i, head, size);
                return;
            }
        }
    }

    // A word of 8 to 15 bytes held in `head` and `tail`.
    [[gnu::always_inline]] void keep_medium(std::uint64_t head, std::uint64_t tail,
                                            std::size_t size) {
        for (std::size_t i = index_of(size == 8 ? head : mix(head, tail));; i = (i + 1) & mask_) {
            const std::uint64_t seen = heads_[i];
            if (seen == head && places_[i].size == size &&
                (size == 8 ||
                 (load8(out_.get() + places_[i].start + 8) & low_bytes[size - 8]) == tail)) {
                return;
            }
            if (seen == 0) {
                store8(written_, head);
                store8(written_ + 8, tail);
                take_slot(i, head, size);
                return;
            }
        }
    }

    // The word written at [start, end) (start is written_), of any size: kept if new, else
    // taken back.
    void keep_written(const char* start, const char* end) {
        const auto size = static_cast<std::size_t>(end - start);
        const std::uint64_t head = first_bytes(start, size);
        for (std::size_t i = index_of(size <= 8 ? head : key_of(start, size));;
             i = (i + 1) & mask_) {
            const std::uint64_t seen = heads_[i];
            if (seen == head && places_[i].size == size &&
                (size <= 8 || same(out_.get() + places_[i].start + 8, start + 8, size - 8))) {
                return;
            }
            if (seen == 0) {
                take_slot(i, head, size);
                return;
            }
        }
    }

    // The word of `size` bytes at written_ is new: it takes slot `i` and gets a space after it.
    void take_slot(std::size_t i, std::uint64_t head, std::size_t size) {
        heads_[i] = head;
        places_[i] = {static_cast<std::uint32_t>(written_ - out_.get()),
                      static_cast<std::uint32_t>(size)};
        written_ += size;
        *written_++ = ' ';
        if (++count_ * 2 > mask_) {
            grow();
        }
    }

    // Twice the slots, the words seen put in again.
    [[gnu::noinline]] void grow() {
        const std::size_t old_size = mask_ + 1;
        const auto old_heads =
            std::exchange(heads_, std::make_unique<std::uint64_t[]>(2 * old_size));
        const auto old_places =
            std::exchange(places_, std::make_unique_for_overwrite<Place[]>(2 * old_size));
        mask_ = 2 * old_size - 1;
        --shift_;
        for (std::size_t o = 0; o < old_size; ++o) {
            const std::uint64_t head = old_heads[o];
            if (head == 0) {
                continue;
            }
            const Place place = old_places[o];
            std::size_t i =
                index_of(place.size <= 8 ? head : key_of(out_.get() + place.start, place.size));
            while (heads_[i] != 0) {
                i = (i + 1) & mask_;
            }
            heads_[i] = head;
            places_[i] = place;
        }
    }

    // The word at `at` (a letter, a digit or a byte from 0x80 up), of any length and letters:
    // written lower-cased, and kept if new. Returns where it ends.
    [[gnu::noinline]] const char* read_word(const char* at) {
        const char* const begin = text_.data();
        const char* const stop = begin + text_.size();
        char* const start = written_;
        char* end = start;
        while (true) {
            const Block block = load_block(at, begin, stop, lowered());
            std::memcpy(end, lowered(), block_size);  // what follows the word is written over
            const std::size_t n = lowest_bit(~block.word);
            end += n;
            at += n;
            if (n == block_size) {
                continue;
            }
            if (at == stop || static_cast<unsigned char>(*at) < 0x80 || !read_letter(at, end)) {
                break;
            }
        }
        if (end != start) {
            keep_written(start, end);
        }
        return at;
    }

    // The character at `at` (a byte from 0x80 up), read past; if it is a letter, appended to
    // the word at `end` lower-cased. Whether it was a letter.
    bool read_letter(const char*& at, char*& end) {
        const char* const begin = text_.data();
        const auto lead = static_cast<std::size_t>(at - begin);
        if (lead + sequence_length(static_cast<unsigned char>(*at)) > text_.size()) {
            cut_ = true;
        }
        std::size_t i = lead;
        const char32_t code = model::next_code_point(text_, i);
        at = begin + i;
        if (!is_word_character(code)) {
            return false;
        }
        end = encode(to_lower(code), end);
        return true;
    }

    std::unique_ptr<char[]> out_;  // the distinct words, each with a space after it, then room
    std::size_t capacity_ = 0;
    std::size_t used_ = 0;
    char* written_ = nullptr;  // the end of the words in out_, while a text is added
    std::string_view text_;    // the text being added
    bool cut_ = false;
    // Open addressing: a power of two of slots, at most half used.
    std::unique_ptr<std::uint64_t[]> heads_;
    std::unique_ptr<Place[]> places_;
    std::size_t mask_ = initial_slots - 1;
    int shift_ = initial_shift;  // index_of takes the top bits of a product
    std::size_t count_ = 0;
    alignas(16) std::array<char, 3 * block_size> buffer_{};  // see lowered()
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
    const std::string all = std::move(collector).take();
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
    return {summary_of(report, 280), std::move(words).take()};
}

}  // namespace rv::render
