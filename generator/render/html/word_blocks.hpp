#pragma once
// Text read for its words a block of 32 bytes at a time (search_words.cpp): which bytes are
// ASCII letters and digits, which are Latin-1 letters (æ ø å é ü …), which are other bytes
// from 0x80 up, and the bytes lower-cased. A block is a few SSE2 instructions where there is
// SSE2 (every x86-64), else 8 bytes at a time in a 64-bit number; either is much less than
// a byte at a time, and a word's bytes can then be looked up as numbers.
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace rv::render::word_blocks {

inline constexpr int block_size = 32;
inline constexpr std::uint64_t block_bits = (std::uint64_t{1} << block_size) - 1;

struct Block {
    std::uint64_t word;    // bit i: byte i is an ASCII letter or digit
    std::uint64_t other;   // bit i: byte i is from 0x80 up (UTF-8, which is decoded)
    std::uint64_t latin1;  // bit i: byte i is C3, which starts æ ø å é ü … (U+00C0 to U+00FF)
};

// Masks of the lowest `n` (0 to 8) bytes of a number.
inline constexpr std::array<std::uint64_t, 9> low_bytes = [] {
    std::array<std::uint64_t, 9> masks{};
    for (std::size_t n = 1; n < masks.size(); ++n) {
        masks[n] = (masks[n - 1] << 8) | 0xFF;
    }
    return masks;
}();

// The lowest bit set of `bits`, which is not 0 (std::countr_zero would check).
inline std::size_t lowest_bit(std::uint64_t bits) {
    return static_cast<unsigned>(__builtin_ctzll(bits));
}

// Numbers are read from text with the first byte lowest, on any machine.
inline std::uint64_t load8(const char* bytes) {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes, 8);
    if constexpr (std::endian::native == std::endian::big) {
        value = __builtin_bswap64(value);
    }
    return value;
}

inline void store8(char* bytes, std::uint64_t value) {
    if constexpr (std::endian::native == std::endian::big) {
        value = __builtin_bswap64(value);
    }
    std::memcpy(bytes, &value, 8);
}

// The first `size` (1 to 8) bytes at `bytes`, the rest zero; the 8 bytes must be readable.
inline std::uint64_t first_bytes(const char* bytes, std::size_t size) {
    return load8(bytes) & low_bytes[std::min<std::size_t>(size, 8)];
}

// The first `size` bytes at `bytes` classified, their lowered bytes written to `lowered`: bit 5
// set in every byte, which lower-cases A to Z and leaves digits and a to z as they are. Other
// bytes change too, but only the bytes of words are read from `lowered`, and add_latin1 puts
// back those of Latin-1 letters.
#if defined(__SSE2__)
// 16 bytes at a time (SSE2, which every x86-64 has). A signed compare finds the bytes in a
// range: shifted by 0x80 - lo, the bytes from lo to hi are the lowest of -128..127, and no
// byte from 0x80 up is.
template <int size>
[[gnu::always_inline]] inline Block classify(const char* bytes, char* lowered) {
    Block block{0, 0, 0};
#pragma GCC unroll 4
    for (int part = 0; part < size; part += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + part));
        const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered + part), folded);
        const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(0x80 - 'a')),
                                              _mm_set1_epi8(-128 + 26));
        const __m128i digit =
            _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - '0')), _mm_set1_epi8(-128 + 10));
        const __m128i c3 = _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC3)));
        const auto mask = [part](__m128i bytes_set) {
            return std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(bytes_set))} << part;
        };
        block.word |= mask(_mm_or_si128(letter, digit));
        block.other |= mask(x);
        block.latin1 |= mask(c3);
    }
    return block;
}
#else
inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t highs = 0x8080808080808080ULL;

// The high bits of the 8 bytes in `high` (nothing else set) as 8 bits, the first byte's
// lowest: each lands in the top byte of the product, and no two products overlap.
inline std::uint64_t gather(std::uint64_t high) {
    return ((high >> 7) * 0x0102040810204080ULL) >> 56;
}

// Elsewhere 8 bytes at a time in a number (SWAR); as above, but the bytes are kept below 0x80
// so that none carries into the next, and those from 0x80 up are left out after.
template <int size>
[[gnu::always_inline]] inline Block classify(const char* bytes, char* lowered) {
    const auto in_range = [](std::uint64_t y, unsigned lo, unsigned hi) {
        return (y + ones * (0x80 - lo)) & ~(y + ones * (0x7F - hi));
    };
    Block block{0, 0, 0};
#pragma GCC unroll 4
    for (int part = 0; part < size; part += 8) {
        const std::uint64_t x = load8(bytes + part);
        const std::uint64_t low = x & ~highs;
        const std::uint64_t ascii = ~x & highs;
        const std::uint64_t folded = low | ones * 0x20;
        store8(lowered + part, x | ones * 0x20);
        const std::uint64_t letter = in_range(folded, 'a', 'z') & ascii;
        const std::uint64_t digit = in_range(low, '0', '9') & ascii;
        const std::uint64_t c3 = x ^ (ones * 0xC3);  // zero where C3
        block.word |= gather(letter | digit) << part;
        block.other |= gather(x & highs) << part;
        block.latin1 |= gather(~(((c3 & ~highs) + ~highs) | c3) & highs) << part;
    }
    return block;
}
#endif

// The last `size` bytes or fewer of the text [begin, stop), from `at`: the bytes after the
// text read as a separator, as its end is.
template <int size>
Block last_bytes(const char* at, const char* begin, const char* stop, char* lowered) {
    const auto left = static_cast<int>(stop - at);
    if (stop - begin >= size) {
        // The text's last `size` bytes, lowered into place from `lowered` - (size - left),
        // which is room kept for it; the bytes after the text are then no word.
        const int shift = size - left;
        const Block block = classify<size>(stop - size, lowered - shift);
        return {block.word >> shift, block.other >> shift, block.latin1 >> shift};
    }
    std::array<char, size> bytes{};
    std::memcpy(bytes.data(), at, static_cast<std::size_t>(left));
    return classify<size>(bytes.data(), lowered);
}

// The block of fewer than block_size bytes left at `at`, classified as few bytes at a time as
// hold it.
[[gnu::noinline]] inline Block last_block(const char* at, const char* begin, const char* stop,
                                          char* lowered) {
    return stop - at <= 16 ? last_bytes<16>(at, begin, stop, lowered)
                           : last_bytes<block_size>(at, begin, stop, lowered);
}

// Latin-1 letters (C3 then 80 to BF, but × C3 97 and ÷ C3 B7) in the block at `at` of a text
// that ends at `stop` made letters, as model::next_code_point decodes them: both their bytes
// are, lowered (classify set bit 5 of the second byte: capitals have it clear, but ß, 9F, is
// no capital). Most Norwegian words with æ, ø or å are then read as fast as ASCII. A letter
// that runs on past the block stays other bytes.
[[gnu::always_inline]] inline void add_latin1(Block& block, const char* at, const char* stop,
                                              char* lowered) {
    const auto size = static_cast<int>(std::min<std::ptrdiff_t>(stop - at, block_size));
    const std::uint64_t whole = (std::uint64_t{1} << (size - 1)) - 1;  // leads with a next byte
    for (std::uint64_t leads = block.latin1 & whole; leads != 0; leads &= leads - 1) {
        const std::size_t i = lowest_bit(leads);
        const auto next = static_cast<unsigned char>(at[i + 1]);
        if ((next & 0xC0) != 0x80 || (next & 0xDF) == 0x97) {
            continue;
        }
        block.word |= std::uint64_t{3} << i;
        lowered[i] = static_cast<char>(0xC3);
        if (next == 0x9F) {
            lowered[i + 1] = static_cast<char>(next);
        }
    }
    block.other &= ~block.word;
}

// The block at `at` of the text [begin, stop), its lowered bytes written to `lowered`, which
// has room for block_size bytes before it (for last_block) as well as after it.
[[gnu::always_inline]] inline Block load_block(const char* at, const char* begin, const char* stop,
                                               char* lowered) {
    Block block{};
    if (stop - at >= block_size) [[likely]] {
        block = classify<block_size>(at, lowered);
    } else {
        block = last_block(at, begin, stop, lowered);
    }
    if (block.latin1 != 0) {
        add_latin1(block, at, stop, lowered);
    }
    return block;
}

}  // namespace rv::render::word_blocks
