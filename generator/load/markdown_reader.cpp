// Reads Markdown with cmark-gfm and copies the parsed tree into rv::model::MarkdownNode:
// cleans the input (BOM, NUL, invalid UTF-8), blanks dangerous link URLs, keeps raw HTML as
// html nodes, and turns cmark's byte positions into 1-based character columns.
#include "load/markdown_reader.hpp"

#include "load/cmark_arena.hpp"
#include "load/cmark_threads.hpp"
#include "load/utf8.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rv::load {

namespace {

using model::MarkdownKind;
using model::MarkdownNode;

// Deeper structure ("> > > …", "- - - …") is flattened to text, so that no recursive
// walk over the model (including its destructor) can exhaust the stack.
constexpr int kMaxDepth = 100;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at s[i] (RFC 3629: no overlongs, surrogates or values
// above U+10FFFF); 0 if invalid, with `bad` = the bytes one U+FFFD replaces.
std::size_t utf8_length(std::string_view s, std::size_t i, std::size_t& bad) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80                 ? 1
                          : c >= 0xC2 && c <= 0xDF ? 2
                          : c >= 0xE0 && c <= 0xEF ? 3
                          : c >= 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    bad = 1;
    for (std::size_t k = 1; k < n; ++k, lo = 0x80, hi = 0xBF) {
        const auto b = i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
        if (b < lo || b > hi) {
            bad = k;
            return 0;
        }
    }
    return n;
}

// Whether `text` is what cmark may read as it is: no BOM, no NUL, valid UTF-8 (nearly always).
bool is_clean(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF") || text.find('\0') != std::string_view::npos) {
        return false;
    }
    for (std::size_t i = skip_ascii(text, 0); i < text.size(); i = skip_ascii(text, i)) {
        std::size_t bad = 1;
        const std::size_t n = utf8_length(text, i, bad);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

// Drops a leading BOM and replaces NUL bytes and invalid UTF-8 with U+FFFD. cmark would
// replace NUL itself but count the three replacement bytes in its columns; doing it here
// keeps the text cmark sees identical to the text the columns are computed from.
std::string clean_input(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t bad = 1;
        const std::size_t n = text[i] == '\0' ? 0 : utf8_length(text, i, bad);
        if (n == 0) {
            out += kReplacement;
            i += bad;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

// Number of UTF-8 lead bytes (characters) in s[begin, end): eight bytes at a time, since a
// continuation byte is the bit pattern 10xxxxxx.
std::size_t count_chars(std::string_view s, std::size_t begin, std::size_t end) {
    std::size_t continuation = 0;
    std::size_t i = begin;
    for (; i + 8 <= end; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, s.data() + i, sizeof word);
        // Bit 7 of each byte: set for 10xxxxxx only (bit 7 set, bit 6 clear).
        const std::uint64_t marks = word & ~(word << 1) & 0x8080808080808080ULL;
        continuation += static_cast<std::size_t>(((marks >> 7) * 0x0101010101010101ULL) >> 56);
    }
    for (; i < end; ++i) {
        continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 ? 1 : 0;
    }
    return end - begin - continuation;
}

// The cleaned text split into lines the way cmark splits them (LF, CRLF or CR).
class SourceLines {
  public:
    explicit SourceLines(std::string_view text) : text_(text) {
        const bool has_cr = text.find('\r') != std::string_view::npos;
        std::size_t start = 0;
        while (true) {
            const std::size_t end =
                has_cr ? text.find_first_of("\r\n", start) : text.find('\n', start);
            if (end == std::string_view::npos) {
                break;
            }
            add(start, end - start);
            start = end + 1;
            if (text[end] == '\r' && start < text.size() && text[start] == '\n') {
                ++start;
            }
        }
        add(start, text.size() - start);
    }

    std::string_view line(int number) const {
        const auto index = static_cast<std::size_t>(number - 1);
        return number >= 1 && index < lines_.size()
                   ? text_.substr(lines_[index].start, lines_[index].size)
                   : std::string_view{};
    }

    // Byte offset where paragraph text starts on a continuation line: after the indent and
    // up to `quotes` block quote markers. cmark strips these and then counts columns on
    // that line as if the text started where the paragraph's first line did.
    int content_start(int number, int quotes) const {
        const std::string_view s = line(number);
        std::size_t i = 0;
        const auto skip_blanks = [&] {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
                ++i;
            }
        };
        skip_blanks();
        for (; quotes > 0 && i < s.size() && s[i] == '>'; --quotes) {
            ++i;
            skip_blanks();
        }
        return static_cast<int>(i);
    }

    // 1-based byte column → 1-based character column (count of UTF-8 lead bytes before it).
    int char_column(int number, int byte_column) {
        const auto index = static_cast<std::size_t>(number - 1);
        if (number < 1 || index >= lines_.size()) {
            return 1;  // no such line: as the empty line it would be
        }
        Line& l = lines_[index];
        const auto end = std::min(static_cast<std::size_t>(std::max(byte_column - 1, 0)), l.size);
        if (l.ascii_prefix == kUnknown) {  // found on first use: many lines are never asked
            const std::string_view s = text_.substr(l.start, l.size);
            l.ascii_prefix = skip_ascii(s, 0);
            l.count_byte = l.ascii_prefix;
            l.count_column = static_cast<int>(l.ascii_prefix) + 1;
        }
        if (end <= l.ascii_prefix) {
            return static_cast<int>(end) + 1;  // one byte per character up to here
        }
        // The nodes of a line mostly come left to right: count on from the last answer.
        if (l.count_byte > end) {
            l.count_byte = l.ascii_prefix;
            l.count_column = static_cast<int>(l.ascii_prefix) + 1;
        }
        const std::string_view s = text_.substr(l.start, l.size);
        l.count_column += static_cast<int>(count_chars(s, l.count_byte, end));
        l.count_byte = end;
        return l.count_column;
    }

  private:
    static constexpr std::size_t kUnknown = SIZE_MAX;

    struct Line {
        std::size_t start = 0;  // byte offset in the text
        std::size_t size = 0;
        std::size_t ascii_prefix = kUnknown;  // bytes before the first non-ASCII one
        std::size_t count_byte = 0;           // the last answer past the prefix, to count on
        int count_column = 1;
    };

    void add(std::size_t start, std::size_t size) { lines_.push_back({start, size}); }

    std::string_view text_;
    std::vector<Line> lines_;
};

// The schemes cmark's own HTML renderer blanks (javascript:, vbscript:, file:, data: other
// than PNG/GIF/JPEG/WebP images). cmark leaves them in the tree, so the reader blanks them.
// Leading blanks/controls and embedded tab/CR/LF are ignored, as browsers ignore them.
bool is_dangerous_url(std::string_view url) {
    std::string s;  // the start of the URL, lower case
    for (std::size_t i = 0; i < url.size() && s.size() < 16; ++i) {
        const char c = url[i];
        if ((s.empty() && static_cast<unsigned char>(c) <= 0x20) || c == '\t' || c == '\n' ||
            c == '\r') {
            continue;
        }
        s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (s.starts_with("data:image/")) {
        const std::string_view type = std::string_view(s).substr(11);
        return !(type.starts_with("png") || type.starts_with("gif") || type.starts_with("jpeg") ||
                 type.starts_with("webp"));
    }
    return s.starts_with("javascript:") || s.starts_with("vbscript:") || s.starts_with("file:") ||
           s.starts_with("data:");
}

std::string safe_string(const char* s) {
    return s != nullptr ? std::string(s) : std::string();
}

bool is_inline(cmark_node_type type) {
    return (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}

// The types cmark_node_get_literal answers for (node.c); for all others it returns null, so
// the reader does not ask, nor copy an empty string.
bool has_literal(cmark_node_type type) {
    switch (type) {
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return true;
        default:
            return false;
    }
}

// The literal text of a subtree, walked iteratively (used beyond kMaxDepth).
std::string flat_text(cmark_node* root) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(root);
    for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
        cmark_node* node = cmark_iter_get_node(iter);
        const auto type = cmark_node_get_type(node);
        if (ev != CMARK_EVENT_ENTER) {
            continue;
        } else if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            out += safe_string(cmark_node_get_literal(node));
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            out += ' ';
        }
    }
    cmark_iter_free(iter);
    return out;
}

// Where the walk is: the parent's position (bytes) and the enclosing block, for the
// continuation-line correction of inline columns.
struct Context {
    int line = 1;
    int byte_column = 1;
    int block_line = 0;
    int block_offset = 0;
    int quotes = 0;
    int depth = 0;
};

class Converter {
  public:
    explicit Converter(SourceLines& source) : source_(source) {}

    // Fills `out` (a node just made in its parent's children) from `node` and its subtree.
    void convert(cmark_node* node, const Context& parent, MarkdownNode& out) {
        Context ctx = parent;
        ctx.depth = parent.depth + 1;
        const cmark_node_type type = cmark_node_get_type(node);
        const bool inline_node = is_inline(type);
        const int line = cmark_node_get_start_line(node);
        const int column = cmark_node_get_start_column(node);
        if (line > 0 && column > 0) {  // 0:0 (soft breaks, bare URLs) keeps the parent's
            ctx.line = line;
            ctx.byte_column = column;
            if (inline_node && parent.block_line > 0 && line != parent.block_line) {
                ctx.byte_column = std::max(
                    1, column - parent.block_offset + source_.content_start(line, parent.quotes));
            }
        }
        if (!inline_node) {
            ctx.block_line = ctx.line;
            ctx.block_offset = ctx.byte_column - 1;
        }

        out.line = ctx.line;
        out.column = source_.char_column(ctx.line, ctx.byte_column);
        if (ctx.depth > kMaxDepth) {
            out.kind = MarkdownKind::text;
            out.text = flat_text(node);
            if (!inline_node) {
                out.children.push_back(out);
                out.kind = MarkdownKind::paragraph;
                out.text.clear();
            }
            return;
        }
        fill(node, type, out, ctx);
        cmark_node* const first = cmark_node_first_child(node);
        if (first == nullptr) {
            return;  // most nodes are text: no children to count
        }
        // The children are counted first so that the vector never moves grown nodes; the
        // first few are remembered so that the common case walks cmark's list only once.
        constexpr std::size_t kRemembered = 16;
        cmark_node* remembered[kRemembered];
        std::size_t count = 0;
        for (cmark_node* child = first; child != nullptr; child = cmark_node_next(child)) {
            if (count < kRemembered) {
                remembered[count] = child;
            }
            ++count;
        }
        out.children.reserve(count);
        if (count <= kRemembered) {
            for (std::size_t i = 0; i < count; ++i) {
                convert(remembered[i], ctx, out.children.emplace_back());
            }
        } else {
            for (cmark_node* child = first; child != nullptr; child = cmark_node_next(child)) {
                convert(child, ctx, out.children.emplace_back());
            }
        }
        if (out.kind == MarkdownKind::table) {
            const auto columns = cmark_gfm_extensions_get_table_columns(node);
            const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node);
            for (auto& row : out.children) {
                for (std::size_t i = 0; aligns != nullptr && i < row.children.size() && i < columns;
                     ++i) {
                    row.children[i].align = static_cast<char>(aligns[i]);
                }
            }
        }
    }

  private:
    void fill(cmark_node* node, cmark_node_type type, MarkdownNode& out, Context& ctx) {
        out.kind = kind_of(node, type, out.header);
        if (has_literal(type)) {
            if (const char* literal = cmark_node_get_literal(node)) {
                out.text.assign(literal);
            }
        }
        switch (type) {
            case CMARK_NODE_BLOCK_QUOTE:
                ++ctx.quotes;
                break;
            case CMARK_NODE_LIST:
                out.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
                out.start = cmark_node_get_list_start(node);
                out.tight = cmark_node_get_list_tight(node) != 0;
                break;
            case CMARK_NODE_ITEM:  // task items are items whose type string is "tasklist"
                if (std::string_view(cmark_node_get_type_string(node)) == "tasklist") {
                    out.task = cmark_gfm_extensions_get_tasklist_item_checked(node) ? 1 : 0;
                }
                break;
            case CMARK_NODE_CODE_BLOCK:
                out.info = safe_string(cmark_node_get_fence_info(node));
                break;
            case CMARK_NODE_HEADING:
                out.level = cmark_node_get_heading_level(node);
                break;
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                // cmark exposes no label; it numbers definitions in order of first reference,
                // moves them to the end in that order, and gives references that number.
                out.text = std::to_string(++footnotes_);
                break;
            case CMARK_NODE_LINK:
            case CMARK_NODE_IMAGE:
                out.url = safe_string(cmark_node_get_url(node));
                out.title = safe_string(cmark_node_get_title(node));
                if (is_dangerous_url(out.url)) {
                    out.url.clear();
                }
                break;
            default:
                break;
        }
    }

    // Core node types are numbered 1..11 within blocks and within inlines (cmark-gfm.h).
    // Extension nodes have no public type constants: they go by their type string, asked
    // once (a table row's says whether it is the header row).
    // Custom and unknown nodes keep their children as a paragraph or text.
    static MarkdownKind kind_of(cmark_node* node, cmark_node_type type, bool& header) {
        using K = MarkdownKind;
        static_assert(CMARK_NODE_FOOTNOTE_DEFINITION == (CMARK_NODE_TYPE_BLOCK | 11) &&
                      CMARK_NODE_FOOTNOTE_REFERENCE == (CMARK_NODE_TYPE_INLINE | 11));
        static constexpr K kBlocks[] = {K::document,       K::block_quote,        K::list,
                                        K::item,           K::code_block,         K::html_block,
                                        K::paragraph,      K::paragraph,          K::heading,
                                        K::thematic_break, K::footnote_definition};
        static constexpr K kInlines[] = {
            K::text,     K::soft_break, K::line_break, K::code,  K::html_inline,       K::text,
            K::emphasis, K::strong,     K::link,       K::image, K::footnote_reference};
        static constexpr std::pair<std::string_view, K> kExtensions[] = {
            {"table", K::table},
            {"table_header", K::table_row},
            {"table_row", K::table_row},
            {"table_cell", K::table_cell},
            {"strikethrough", K::strikethrough}};
        const auto index = static_cast<std::size_t>(type & CMARK_NODE_VALUE_MASK) - 1;
        if (index < std::size(kBlocks)) {  // index is huge for value 0
            return is_inline(type) ? kInlines[index] : kBlocks[index];
        }
        const std::string_view type_string = cmark_node_get_type_string(node);
        for (const auto& [name, kind] : kExtensions) {
            if (name == type_string) {
                header = name == "table_header";
                return kind;
            }
        }
        return is_inline(type) ? K::text : K::paragraph;
    }

    SourceLines& source_;
    int footnotes_ = 0;
};

}  // namespace

model::MarkdownNode read_markdown(std::string_view text) {
    static std::mutex parse_mutex;  // only where parses may not overlap (cmark_threads.hpp)
    const ParseLock serialize = parse_lock();

    std::string cleaned;
    std::string_view clean = text;
    if (!is_clean(text)) {
        cleaned = clean_input(text);
        clean = cleaned;
    }
    // cmark allocates from this thread's arena; all of it goes back once the tree is copied.
    struct ArenaReset {
        ~ArenaReset() { reset_parse_arena(); }
    } arena_reset;
    cmark_node* document = nullptr;
    {
        std::unique_lock lock(parse_mutex, std::defer_lock);
        if (serialize == ParseLock::whole_parse) {
            lock.lock();
        }
        // SOURCEPOS only adds positions: with it cmark also advances lines past code spans and
        // inline HTML that span lines. Never CMARK_OPT_UNSAFE.
        std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
            cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS,
                                      parse_arena()),
            &cmark_parser_free);
        for (const char* name : markdown_extensions) {
            if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
                cmark_parser_attach_syntax_extension(parser.get(), extension);
            }
        }
        cmark_parser_feed(parser.get(), clean.data(), clean.size());
        if (serialize == ParseLock::inlines) {
            lock.lock();
        }
        document = cmark_parser_finish(parser.get());
    }
    SourceLines source(clean);
    model::MarkdownNode out;
    Converter(source).convert(document, Context{}, out);
    return out;
}

}  // namespace rv::load
