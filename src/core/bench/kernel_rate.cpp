#include "bench/kernel_rate.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "bench/quant_kernels.h"

namespace canrun::bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kRowElems = 4096;               // a typical hidden size
constexpr std::size_t kWorkingSetBytes = 256 * 1024;  // per thread, in L2 on most CPUs

struct Worker {
    DotOperands ops;
    std::uint64_t rows_done = 0;
    double seconds = 0;
    double sink = 0;
};

void run_worker(Worker& w, std::atomic<bool>& go, double min_seconds) {
    while (!go.load(std::memory_order_acquire)) {
        std::this_thread::yield();
    }
    const auto start = Clock::now();
    std::size_t next = 0;
    do {
        w.sink += dot_rows(w.ops, next, w.ops.rows);
        next += w.ops.rows;
        w.rows_done += w.ops.rows;
        w.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (w.seconds < min_seconds);
}

std::string family_id(QuantFamily f) {
    for (const auto& i : quant_families()) {
        if (i.family == f) {
            return std::string(i.id);
        }
    }
    return {};
}

}  // namespace

KernelRate measure_kernel_rate(QuantFamily family, unsigned threads, double min_seconds) {
    KernelRate out;
    out.family = family_id(family);
    out.threads = std::max(1U, threads);
    const std::size_t rb = row_bytes(family, kRowElems);
    const std::size_t rows = std::max<std::size_t>(1, kWorkingSetBytes / rb);
    std::vector<Worker> workers(out.threads);
    for (unsigned t = 0; t < out.threads; ++t) {
        workers[t].ops = make_operands(family, kRowElems, rows, 1234U + t);
    }
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (auto& w : workers) {
        pool.emplace_back(run_worker, std::ref(w), std::ref(go), min_seconds);
    }
    go.store(true, std::memory_order_release);
    for (auto& th : pool) {
        th.join();
    }
    double bytes = 0;
    double seconds = 0;
    volatile double keep = 0;
    for (const auto& w : workers) {
        keep = keep + w.sink;
        bytes += static_cast<double>(w.rows_done) * static_cast<double>(rb);
        seconds = std::max(seconds, w.seconds);
    }
    out.gbps = seconds > 0 ? bytes / seconds / 1e9 : 0;
    return out;
}

}  // namespace canrun::bench
