// Weight and activation blocks in the layouts of the main ggml quant families (these layouts are
// facts of the GGUF format: ggml-common.h), and dot kernels over them written for `canrun bench`.
// The kernels are our own plain C++, compiled for the best vector ISA present at run time; they
// measure how fast this CPU dequantises and multiplies each family, not llama.cpp's exact speed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace canrun::bench {

inline constexpr std::size_t kQ8Block = 32;   // elements per q8_0 / q4_0 block
inline constexpr std::size_t kKBlock = 256;   // elements per K-quant super-block

struct BlockQ8_0 {  // 34 bytes
    std::uint16_t d;  // f16 scale
    std::int8_t qs[32];
};

struct BlockQ4_0 {  // 18 bytes
    std::uint16_t d;
    std::uint8_t qs[16];  // element j in the low nibble of qs[j], element j+16 in the high one
};

struct BlockQ4_K {  // 144 bytes
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[12];  // 8 six-bit scales and 8 six-bit mins, packed
    std::uint8_t qs[128];
};

struct BlockQ6_K {  // 210 bytes
    std::uint8_t ql[128];
    std::uint8_t qh[64];
    std::int8_t scales[16];
    std::uint16_t d;
};

struct BlockQ8_K {  // activations for the K-quants
    float d;
    std::int8_t qs[256];
    std::int16_t bsums[16];  // sums of each 16 quants
};

enum class QuantFamily { Q4_0, Q8_0, Q4_K, Q6_K, F16 };

struct FamilyInfo {
    QuantFamily family;
    std::string_view id;          // as in data/speed.json: "q4_0", ...
    std::size_t block_elems;
    std::size_t block_bytes;
};

std::span<const FamilyInfo> quant_families();

float f16_to_f32(std::uint16_t h);
std::uint16_t f32_to_f16(float f);

// One weight row of `n` elements in `family`, and the activation it is dotted with, as raw bytes.
// Filled with deterministic pseudo-random values (seed).
struct DotOperands {
    QuantFamily family = QuantFamily::Q4_0;
    std::size_t n = 0;                 // elements per row (a multiple of 256)
    std::vector<std::uint8_t> weights; // rows x row bytes
    std::vector<std::uint8_t> activation;
    std::size_t rows = 0;
};

DotOperands make_operands(QuantFamily family, std::size_t n, std::size_t rows, std::uint32_t seed);

// The kernel under test (quant_kernels.cpp): dot of row `r` with the activation.
float dot_row(const DotOperands& ops, std::size_t r);

// The same dot through plain dequantisation to floats (reference for tests).
float dot_row_reference(const DotOperands& ops, std::size_t r);

// Bytes of one weight row.
std::size_t row_bytes(QuantFamily family, std::size_t n);

}  // namespace canrun::bench
