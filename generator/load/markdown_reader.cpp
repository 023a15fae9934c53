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

// The cleaned text split into lines the way cmark splits them (LF, CRLF or CR).
class SourceLines {
  public:
    explicit SourceLines(std::string_view text) {
        const bool has_cr = text.find('\r') != std::string_view::npos;
        std::size_t start = 0;
        while (true) {
            const std::size_t end =
                has_cr ? text.find_first_of("\r\n", start) : text.find('\n', start);
            if (end == std::string_view::npos) {
                break;
            }
            add(text.substr(start, end - start));
            start = end + 1;
            if (text[end] == '\r' && start < text.size() && text[start] == '\n') {
                ++start;
            }
        }
        add(text.substr(start));
    }

    std::string_view line(int number) const {
        const auto index = static_cast<std::size_t>(number - 1);
        return number >= 1 && index < lines_.size() ? lines_[index] : std::string_view{};
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
    int char_column(int number, int byte_column) const {
        const std::string_view s = line(number);
        const auto end = std::min(static_cast<std::size_t>(std::max(byte_column - 1, 0)), s.size());
        if (number >= 1 && static_cast<std::size_t>(number - 1) < ascii_.size() &&
            ascii_[static_cast<std::size_t>(number - 1)]) {
            return static_cast<int>(end) + 1;  // one byte per character: no need to count
        }
        // The nodes of a line come left to right: count on from the last answer on it.
        std::size_t i = 0;
        int column = 1;
        if (number == last_line_ && last_byte_ <= end) {
            i = last_byte_;
            column = last_column_;
        }
        for (; i < end; ++i) {
            column += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 ? 1 : 0;
        }
        last_line_ = number;
        last_byte_ = end;
        last_column_ = column;
        return column;
    }

  private:
    void add(std::string_view line) {
        lines_.push_back(line);
        ascii_.push_back(skip_ascii(line, 0) == line.size());
    }

    std::vector<std::string_view> lines_;
    std::vector<bool> ascii_;    // of each line: only one-byte characters
    mutable int last_line_ = 0;  // the last char_column answer, to count on from
    mutable std::size_t last_byte_ = 0;
    mutable int last_column_ = 1;
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

bool is_inline(cmark_node* node) {
    return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
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
    explicit Converter(const SourceLines& source) : source_(source) {}

    // Fills `out` (a node just made in its parent's children) from `node` and its subtree.
    void convert(cmark_node* node, const Context& parent, MarkdownNode& out) {
        Context ctx = parent;
        ctx.depth = parent.depth + 1;
        const bool inline_node = is_inline(node);
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
        fill(node, out, ctx);
        std::size_t count = 0;
        for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
             child = cmark_node_next(child)) {
            ++count;
        }
        out.children.reserve(count);
        for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
             child = cmark_node_next(child)) {
            convert(child, ctx, out.children.emplace_back());
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
    void fill(cmark_node* node, MarkdownNode& out, Context& ctx) {
        out.kind = kind_of(node);
        out.text = safe_string(cmark_node_get_literal(node));  // null unless literal-bearing
        switch (cmark_node_get_type(node)) {
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
                out.header = out.kind == MarkdownKind::table_row &&
                             std::string_view(cmark_node_get_type_string(node)) == "table_header";
                break;
        }
    }

    // Core node types are numbered 1..11 within blocks and within inlines (cmark-gfm.h).
    // Extension nodes have no public type constants: they go by their type string.
    // Custom and unknown nodes keep their children as a paragraph or text.
    static MarkdownKind kind_of(cmark_node* node) {
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
        const auto type = cmark_node_get_type(node);
        const auto index = static_cast<std::size_t>(type & CMARK_NODE_VALUE_MASK) - 1;
        if (index < std::size(kBlocks)) {  // index is huge for value 0
            return is_inline(node) ? kInlines[index] : kBlocks[index];
        }
        for (const auto& [name, kind] : kExtensions) {
            if (name == cmark_node_get_type_string(node)) {
                return kind;
            }
        }
        return is_inline(node) ? K::text : K::paragraph;
    }

    const SourceLines& source_;
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
    const SourceLines source(clean);
    model::MarkdownNode out;
    Converter(source).convert(document, Context{}, out);
    return out;
}

}  // namespace rv::load
