#pragma once
// A bump allocator for cmark-gfm, one per thread: a parse allocates thousands of nodes and
// string buffers that all die together once the tree is copied into the model. cmark-gfm
// takes an allocator per parser (cmark_parser_new_with_mem); freeing is a no-op, and
// reset_parse_arena() takes everything back at once.
#include <cmark-gfm.h>

namespace rv::load {

// The calling thread's arena, for cmark_parser_new_with_mem.
cmark_mem* parse_arena();

// Takes back everything the calling thread's parses allocated. Nothing cmark returned since
// the last reset may be used after it.
void reset_parse_arena();

}  // namespace rv::load
