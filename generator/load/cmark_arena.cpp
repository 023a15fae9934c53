#include "load/cmark_arena.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace rv::load {

namespace {

constexpr std::size_t alignment = 16;
constexpr std::size_t header = 16;               // each allocation's size sits before it
constexpr std::size_t first_block = 1 << 20;     // enough for a long section
constexpr std::size_t largest_kept = 32u << 20;  // a larger block is given back at reset

std::size_t rounded(std::size_t size) {
    return (size + alignment - 1) / alignment * alignment;
}

[[noreturn]] void out_of_memory() {
    std::fputs("[cmark] out of memory, aborting\n", stderr);  // as cmark's own allocator does
    std::abort();
}

class Arena {
  public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena() {
        for (const Block& block : blocks_) {
            std::free(block.memory);
        }
    }

    void* allocate(std::size_t size) {
        if (size > SIZE_MAX / 2) {
            out_of_memory();
        }
        const std::size_t need = header + rounded(size);
        if (blocks_.empty() || used_ + need > blocks_.back().size) {
            grow(need);
        }
        std::byte* base = blocks_.back().memory + used_;
        used_ += need;
        std::memcpy(base, &size, sizeof size);
        last_ = base + header;
        return last_;
    }

    void* reallocate(void* pointer, std::size_t size) {
        if (pointer == nullptr) {
            return allocate(size);
        }
        auto* at = static_cast<std::byte*>(pointer);
        std::size_t old = 0;
        std::memcpy(&old, at - header, sizeof old);
        if (at == last_) {  // the newest allocation grows in place when its block has room
            const auto start = static_cast<std::size_t>(at - blocks_.back().memory);
            if (size <= SIZE_MAX / 2 && start + rounded(size) <= blocks_.back().size) {
                used_ = start + rounded(size);
                std::memcpy(at - header, &size, sizeof size);
                return pointer;
            }
        }
        void* moved = allocate(size);
        std::memcpy(moved, pointer, std::min(old, size));
        return moved;
    }

    void reset() {
        // Keep the newest block (the largest) for the next parse, unless it is huge.
        while (blocks_.size() > 1 || (!blocks_.empty() && blocks_.back().size > largest_kept)) {
            const auto drop = blocks_.size() > 1 ? blocks_.begin() : blocks_.end() - 1;
            std::free(drop->memory);
            blocks_.erase(drop);
        }
        used_ = 0;
        last_ = nullptr;
    }

  private:
    struct Block {
        std::byte* memory;
        std::size_t size;
    };
    std::vector<Block> blocks_;
    std::size_t used_ = 0;
    std::byte* last_ = nullptr;

    void grow(std::size_t need) {
        const std::size_t size =
            std::max(need, blocks_.empty() ? first_block : blocks_.back().size * 2);
        auto* memory = static_cast<std::byte*>(std::malloc(size));
        if (memory == nullptr) {
            out_of_memory();
        }
        blocks_.push_back({memory, size});
        used_ = 0;
    }
};

thread_local Arena arena;

void* arena_calloc(std::size_t count, std::size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) {
        out_of_memory();
    }
    void* memory = arena.allocate(count * size);
    std::memset(memory, 0, count * size);
    return memory;
}

void* arena_realloc(void* pointer, std::size_t size) {
    return arena.reallocate(pointer, size);
}

void arena_free(void*) {}  // all at once, in reset_parse_arena

cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

}  // namespace

cmark_mem* parse_arena() {
    return &allocator;
}

void reset_parse_arena() {
    arena.reset();
}

}  // namespace rv::load
