// AVX2 versions of the bench's dot kernels (x86-64 only; quant_kernels.cpp picks them at run time).
#pragma once

#include <cstddef>

#include "bench/quant_blocks.h"

namespace canrun::bench {

// True when this CPU runs the AVX2 + FMA + F16C kernels.
bool x86_kernels_available();

// Dot of one row with the activation; only call when x86_kernels_available().
float dot_row_avx2(QuantFamily family, const std::uint8_t* row, const std::uint8_t* act,
                   std::size_t n);

}  // namespace canrun::bench
