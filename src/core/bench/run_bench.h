// `canrun bench`: every measurement in a few seconds, with progress reported to the caller.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "bench/bench_record.h"

namespace canrun::bench {

struct BenchOptions {
    std::string cpu_model;        // recorded, to match the record with this CPU later
    unsigned threads = 1;         // physical cores
    std::string disk_dir;         // where the models live; "" = skip the disk
    std::string cuda_library = "libcuda.so.1";  // "" = skip CUDA
    double seconds_scale = 1.0;   // < 1 for tests: shorter runs
};

// Called before each step: a stable step id ("memory", "memory_single", "kernel.q4_0", ...,
// "disk", "cuda"), the step's number from 1 and the number of steps.
using BenchProgress = std::function<void(std::string_view step, int index, int total)>;

BenchRecord run_bench(const BenchOptions& options, const BenchProgress& progress);

}  // namespace canrun::bench
