#include "bench/quant_blocks.h"

#include <array>
#include <cassert>
#include <cstring>

namespace canrun::bench {

namespace {

constexpr std::array<FamilyInfo, 5> kFamilies{{
    {QuantFamily::Q4_0, "q4_0", kQ8Block, sizeof(BlockQ4_0)},
    {QuantFamily::Q8_0, "q8_0", kQ8Block, sizeof(BlockQ8_0)},
    {QuantFamily::Q4_K, "q4_k", kKBlock, sizeof(BlockQ4_K)},
    {QuantFamily::Q6_K, "q6_k", kKBlock, sizeof(BlockQ6_K)},
    {QuantFamily::F16, "f16", 1, 2},
}};

static_assert(sizeof(BlockQ8_0) == 34 && sizeof(BlockQ4_0) == 18);
static_assert(sizeof(BlockQ4_K) == 144 && sizeof(BlockQ6_K) == 210);

// xorshift32: deterministic filler.
struct Rng {
    std::uint32_t s;
    std::uint32_t next() {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        return s;
    }
    float unit() { return static_cast<float>(next() & 0xFFFF) / 65536.0f - 0.5f; }
};

const FamilyInfo& info(QuantFamily f) {
    for (const auto& i : kFamilies) {
        if (i.family == f) {
            return i;
        }
    }
    assert(false && "unknown family");
    return kFamilies[0];
}

// Random bytes everywhere, then sane scales so the dot stays finite.
void fix_scales(QuantFamily f, std::uint8_t* row, std::size_t n, Rng& rng) {
    const std::size_t blocks = n / info(f).block_elems;
    for (std::size_t b = 0; b < blocks; ++b) {
        std::uint8_t* p = row + b * info(f).block_bytes;
        const std::uint16_t d = f32_to_f16(0.01f + 0.01f * rng.unit());
        if (f == QuantFamily::Q6_K) {
            std::memcpy(p + 208, &d, 2);
        } else if (f != QuantFamily::F16) {
            std::memcpy(p, &d, 2);
        }
        if (f == QuantFamily::Q4_K) {
            std::memcpy(p + 2, &d, 2);  // dmin
        }
    }
    if (f == QuantFamily::F16) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint16_t h = f32_to_f16(rng.unit());
            std::memcpy(row + 2 * i, &h, 2);
        }
    }
}

std::vector<std::uint8_t> make_activation(QuantFamily f, std::size_t n, Rng& rng) {
    if (f == QuantFamily::F16) {
        std::vector<std::uint8_t> out(2 * n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint16_t h = f32_to_f16(rng.unit());
            std::memcpy(out.data() + 2 * i, &h, 2);
        }
        return out;
    }
    const bool k = f == QuantFamily::Q4_K || f == QuantFamily::Q6_K;
    const std::size_t bytes = k ? n / kKBlock * sizeof(BlockQ8_K) : n / kQ8Block * sizeof(BlockQ8_0);
    std::vector<std::uint8_t> out(bytes);
    for (auto& b : out) {
        b = static_cast<std::uint8_t>(rng.next());
        b = b == 0x80 ? 0x81 : b;  // quantisers emit -127..127, never -128
    }
    for (std::size_t b = 0; k && b < n / kKBlock; ++b) {
        BlockQ8_K blk;
        std::memcpy(&blk, out.data() + b * sizeof(BlockQ8_K), sizeof(blk));
        blk.d = 0.01f;
        for (int g = 0; g < 16; ++g) {
            int s = 0;
            for (int j = 0; j < 16; ++j) {
                s += blk.qs[g * 16 + j];
            }
            blk.bsums[g] = static_cast<std::int16_t>(s);
        }
        std::memcpy(out.data() + b * sizeof(BlockQ8_K), &blk, sizeof(blk));
    }
    for (std::size_t b = 0; !k && b < n / kQ8Block; ++b) {
        const std::uint16_t d = f32_to_f16(0.01f);
        std::memcpy(out.data() + b * sizeof(BlockQ8_0), &d, 2);
    }
    return out;
}

}  // namespace

std::span<const FamilyInfo> quant_families() { return kFamilies; }

float f16_to_f32(std::uint16_t h) {
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000U) << 16;
    const std::uint32_t exp = (h >> 10) & 0x1FU;
    const std::uint32_t mant = h & 0x3FFU;
    std::uint32_t bits = 0;
    if (exp == 0) {
        const float v = static_cast<float>(mant) * (1.0f / 16777216.0f);  // subnormal: m * 2^-24
        std::memcpy(&bits, &v, 4);
        bits |= sign;
    } else if (exp == 31) {
        bits = sign | 0x7F800000U | (mant << 13);
    } else {
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    }
    float out;
    std::memcpy(&out, &bits, 4);
    return out;
}

std::uint16_t f32_to_f16(float f) {
    std::uint32_t bits;
    std::memcpy(&bits, &f, 4);
    const auto sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000U);
    const int exp = static_cast<int>((bits >> 23) & 0xFF) - 127 + 15;
    if (exp <= 0) {
        return sign;  // flush tiny values to zero: enough for bench data
    }
    if (exp >= 31) {
        return static_cast<std::uint16_t>(sign | 0x7C00U);
    }
    return static_cast<std::uint16_t>(sign | (exp << 10) | ((bits >> 13) & 0x3FFU));
}

std::size_t row_bytes(QuantFamily family, std::size_t n) {
    const FamilyInfo& i = info(family);
    return n / i.block_elems * i.block_bytes;
}

DotOperands make_operands(QuantFamily family, std::size_t n, std::size_t rows, std::uint32_t seed) {
    assert(n % kKBlock == 0 && rows > 0);
    Rng rng{seed | 1U};
    DotOperands ops;
    ops.family = family;
    ops.n = n;
    ops.rows = rows;
    ops.weights.resize(row_bytes(family, n) * rows);
    for (auto& b : ops.weights) {
        b = static_cast<std::uint8_t>(rng.next());
        b = b == 0x80 ? 0x81 : b;  // as in real q8_0 weights (-127..127)
    }
    for (std::size_t r = 0; r < rows; ++r) {
        fix_scales(family, ops.weights.data() + r * row_bytes(family, n), n, rng);
    }
    ops.activation = make_activation(family, n, rng);
    return ops;
}

}  // namespace canrun::bench
