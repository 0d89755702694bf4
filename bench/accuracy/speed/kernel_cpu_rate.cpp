// canrun bench's dot kernels, one thread, timed in CPU seconds of that thread rather than wall
// time, so the rate holds on a loaded machine (build_machine.mjs compares it with llama.cpp's
// decode per CPU second). Same rows and working set as bench/kernel_rate.cpp.
//   kernel_cpu_rate [CPU_SECONDS]   -> one JSON line: {"q4_0": GB per CPU second, ...}
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/quant_blocks.h"
#include "bench/quant_kernels.h"

namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

constexpr std::size_t kRowElems = 4096;
constexpr std::size_t kWorkingSetBytes = 256 * 1024;

double rate(canrun::bench::QuantFamily family, double cpu_seconds) {
    using namespace canrun::bench;
    const std::size_t rb = row_bytes(family, kRowElems);
    const std::size_t rows = kWorkingSetBytes / rb > 0 ? kWorkingSetBytes / rb : 1;
    const DotOperands ops = make_operands(family, kRowElems, rows, 1234U);
    volatile double sink = dot_rows(ops, 0, rows);  // warm the cache
    double done = 0;
    const double start = thread_cpu_seconds();
    double spent = 0;
    do {
        sink = sink + dot_rows(ops, 0, rows);
        done += static_cast<double>(rows) * static_cast<double>(rb);
        spent = thread_cpu_seconds() - start;
    } while (spent < cpu_seconds);
    return done / spent / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    std::string out = "{";
    for (const auto& f : canrun::bench::quant_families()) {
        char cell[96];
        std::snprintf(cell, sizeof cell, "%s\"%.*s\": %.3f", out.size() > 1 ? ", " : "",
                      static_cast<int>(f.id.size()), f.id.data(), rate(f.family, seconds));
        out += cell;
    }
    std::printf("%s}\n", out.c_str());
    return 0;
}
