// The bench's dot kernels over the blocks of quant_blocks.h.
#pragma once

#include <cstddef>

#include "bench/quant_blocks.h"

namespace canrun::bench {

// Sum of the dots of rows first .. first+count-1 (wrapping around ops.rows) with the activation.
// Uses the AVX2 kernels where the CPU has them, else the portable ones.
double dot_rows(const DotOperands& ops, std::size_t first, std::size_t count);

// The portable kernels only (tests compare both paths with the reference).
double dot_rows_generic(const DotOperands& ops, std::size_t first, std::size_t count);

}  // namespace canrun::bench
