// How fast this CPU dequantises and dots each quant family, in weight bytes per second.
#pragma once

#include <string>

#include "bench/quant_blocks.h"

namespace canrun::bench {

struct KernelRate {
    std::string family;  // "q4_0", ...
    double gbps = 0;     // weight GB/s through the kernel, all threads together
    unsigned threads = 0;
};

// Every thread dots its own rows (about 256 KiB, so they stay in cache: this is the compute
// ceiling, not the memory one) against one activation vector for at least `min_seconds`.
KernelRate measure_kernel_rate(QuantFamily family, unsigned threads, double min_seconds);

}  // namespace canrun::bench
