// What `canrun bench` measured on this machine: saved as JSON, read back by later estimates.
#pragma once

#include <string>
#include <vector>

#include "bench/cuda_bandwidth.h"
#include "bench/disk_read.h"
#include "bench/kernel_rate.h"

namespace canrun::bench {

struct BenchRecord {
    int schema_version = 1;
    std::string cpu_model;          // to match the record with the CPU it ran on
    unsigned threads = 0;           // threads of the multi-threaded runs (physical cores)
    double memory_gbps = 0;         // read bandwidth, all threads, GB/s
    double memory_single_gbps = 0;  // read bandwidth, one thread, GB/s
    std::vector<KernelRate> kernels;         // all threads
    std::vector<KernelRate> kernels_single;  // one thread
    DiskReadResult disk;
    std::vector<GpuBench> gpus;
    std::vector<std::string> notes;  // stable ids: "cuda.no_driver", "disk.cache_not_bypassed" ...
};

}  // namespace canrun::bench
