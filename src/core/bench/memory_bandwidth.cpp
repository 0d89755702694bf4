#include "bench/memory_bandwidth.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <new>
#include <thread>
#include <vector>

namespace canrun::bench {

namespace {

using Clock = std::chrono::steady_clock;

// Sum of a slice with eight independent accumulators, so the loads, not the adds, set the pace.
std::uint64_t read_slice(const std::uint64_t* p, std::size_t n) {
    std::uint64_t acc[8] = {};
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; ++j) {
            acc[j] += p[i + j];
        }
    }
    std::uint64_t s = 0;
    for (auto v : acc) {
        s += v;
    }
    return s;
}

struct Slice {
    const std::uint64_t* begin = nullptr;
    std::size_t words = 0;
    std::uint64_t bytes_read = 0;
    double seconds = 0;
    std::uint64_t sink = 0;
};

void run_slice(Slice& s, std::atomic<bool>& go, double min_seconds) {
    while (!go.load(std::memory_order_acquire)) {
        std::this_thread::yield();
    }
    const auto start = Clock::now();
    do {
        s.sink += read_slice(s.begin, s.words);
        s.bytes_read += s.words * sizeof(std::uint64_t);
        s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (s.seconds < min_seconds);
}

}  // namespace

BandwidthResult measure_read_bandwidth(unsigned threads, std::uint64_t buffer_bytes,
                                       double min_seconds) {
    BandwidthResult out;
    out.threads = std::max(1U, threads);
    const std::size_t words = static_cast<std::size_t>(buffer_bytes / 4096 * 4096 / 8);
    std::unique_ptr<std::uint64_t[]> buf(new (std::nothrow) std::uint64_t[words]);
    if (!buf || words < 8ULL * out.threads) {
        return out;
    }
    out.buffer_bytes = words * 8;
    std::vector<Slice> slices(out.threads);
    const std::size_t per = words / out.threads / 8 * 8;
    for (unsigned t = 0; t < out.threads; ++t) {
        slices[t].begin = buf.get() + t * per;
        slices[t].words = per;
        std::fill(buf.get() + t * per, buf.get() + (t + 1) * per, t + 1);  // touch every page
    }
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < out.threads; ++t) {
        pool.emplace_back(run_slice, std::ref(slices[t]), std::ref(go), min_seconds);
    }
    go.store(true, std::memory_order_release);
    for (auto& th : pool) {
        th.join();
    }
    double bytes = 0;
    double seconds = 0;
    volatile std::uint64_t keep = 0;  // the sums are used, so the reads cannot be dropped
    for (const auto& s : slices) {
        keep = keep + s.sink;
        bytes += static_cast<double>(s.bytes_read);
        seconds = std::max(seconds, s.seconds);
    }
    out.gbps = seconds > 0 ? bytes / seconds / 1e9 : 0;
    return out;
}

}  // namespace canrun::bench
