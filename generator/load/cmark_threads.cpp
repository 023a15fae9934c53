#include "load/cmark_threads.hpp"

#include <dlfcn.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace rv::load {

namespace {

using ManageFunction = void (*)(cmark_parser*, int);

// The library's own function, which adds (or removes) the parser's extensions' characters.
ManageFunction library_manage() {
    static const ManageFunction function = [] {
        void* found = ::dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (found == nullptr) {  // the library is loaded and exports it: never happens
            std::fputs("rapportverk: cmark-gfm lacks cmark_manage_extensions_special_characters\n",
                       stderr);
            std::abort();
        }
        return reinterpret_cast<ManageFunction>(found);
    }();
    return function;
}

std::atomic<bool> keep_characters{false};  // add once and never remove
std::atomic<int> manage_calls{0};          // calls that reached this program's function
std::once_flag characters_added;

ParseLock find_parse_lock() {
    cmark_gfm_core_extensions_ensure_registered();
    if (cmark_version() != ((0 << 24) | (29 << 16) | (0 << 8) | 6)) {
        return ParseLock::whole_parse;
    }
    keep_characters = true;
    // One parse with every extension: its call adds their characters for good, and shows
    // whether the library's calls reach this program at all.
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
        cmark_parser_new(CMARK_OPT_DEFAULT), &cmark_parser_free);
    for (const char* name : markdown_extensions) {
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser.get(), extension);
        }
    }
    const char text[] = "~~a~~ www.example.no\n";
    cmark_parser_feed(parser.get(), text, sizeof text - 1);
    cmark_node_free(cmark_parser_finish(parser.get()));
    if (manage_calls.load() == 0) {  // the library calls its own: its table is shared
        keep_characters = false;
        return ParseLock::inlines;
    }
    return ParseLock::none;
}

}  // namespace

ParseLock parse_lock() {
    static const ParseLock lock = find_parse_lock();
    return lock;
}

}  // namespace rv::load

// Replaces the library's function of this name for the whole process (the library calls it
// through the dynamic linker). Until parse_lock() decides, and where it decides so, it does
// what the library's does.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
    using namespace rv::load;
    manage_calls.fetch_add(1, std::memory_order_relaxed);
    if (!keep_characters.load(std::memory_order_acquire)) {
        library_manage()(parser, add);
        return;
    }
    if (add != 0) {
        std::call_once(characters_added, [parser] { library_manage()(parser, 1); });
    }
}
