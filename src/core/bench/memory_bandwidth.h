// Memory read bandwidth: threads stream through a buffer much larger than the caches.
#pragma once

#include <cstdint>

namespace canrun::bench {

struct BandwidthResult {
    double gbps = 0;           // GB/s (10^9 bytes per second)
    unsigned threads = 0;
    std::uint64_t buffer_bytes = 0;
};

// Reads `buffer_bytes` (rounded down to 4 KiB) with `threads` threads, again and again, for at
// least `min_seconds`. Returns gbps = 0 if the buffer could not be allocated.
BandwidthResult measure_read_bandwidth(unsigned threads, std::uint64_t buffer_bytes,
                                       double min_seconds);

}  // namespace canrun::bench
