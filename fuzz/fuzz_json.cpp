// Fuzz target: the strict JSON reader with source positions (load/json_reader).
// Besides the sanitizers, it checks what the reader promises: a document it accepts has a
// position for its root, every recorded position is a real place in the text, and writing
// the value out and reading it again gives the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "load/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rv::load::JsonDocument doc = rv::load::read_json(text);
    if (!doc.ok) {
        if (doc.error.rfind("json.", 0) != 0 || doc.error_line < 1 || doc.error_column < 1) {
            std::abort();  // every failure names a catalogue key and a place
        }
        return 0;
    }
    long lines = 1;
    for (char c : text) {
        lines += c == '\n' ? 1 : 0;
    }
    if (doc.positions.find("") == doc.positions.end()) {
        std::abort();
    }
    for (const auto& [pointer, at] : doc.positions) {
        if (at.line < 1 || at.line > lines || at.column < 1 ||
            static_cast<std::size_t>(at.column) > size + 1) {
            std::abort();
        }
    }
    const rv::load::JsonDocument again = rv::load::read_json(doc.value.dump());
    if (!again.ok || again.value != doc.value) {
        std::abort();
    }
    return 0;
}
