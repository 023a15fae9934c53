#pragma once
// Concurrent parses with cmark-gfm. The library keeps the characters that start an inline
// extension (`~` for strikethrough, `:` and `w` for autolinks) in one global table: every
// parse adds its extensions' characters before it parses inlines and removes them after, so a
// parse that ends in one thread silently takes strikethroughs and autolinks from a parse still
// running in another.

namespace rv::load {

// The extensions every parse attaches, in this order.
inline constexpr const char* markdown_extensions[] = {"table", "strikethrough", "autolink",
                                                      "tagfilter", "tasklist"};

enum class ParseLock {
    none,         // parses may overlap entirely
    inlines,      // only the inline pass (cmark_parser_finish) must be serialized
    whole_parse,  // feed and finish must be serialized
};

// What the parses of this process must serialize, found once (on first use). With cmark-gfm
// 0.29.0.gfm.6 (Debian 12) the block pass never touches the table (its table extension splits
// rows without parsing their inlines), and the library calls its exported
// cmark_manage_extensions_special_characters through the dynamic linker, where this program
// provides it: the characters of our extensions are then added once, for good, and never
// removed, so the table holds during every parse what a parse needs and is never written
// again: `none`. Should the library not call ours, `inlines`; any other version, `whole_parse`.
ParseLock parse_lock();

}  // namespace rv::load
