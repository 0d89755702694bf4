// Device memory bandwidth and host-to-device copy speed of NVIDIA GPUs, measured through the CUDA
// driver library opened with dlopen (never linked).
#pragma once

#include <string>
#include <vector>

namespace canrun::bench {

struct GpuBench {
    int index = 0;
    std::string name;
    double bandwidth_gbps = 0;  // device-to-device copy: (read + write) bytes / s, GB/s
    double pcie_gbps = 0;       // pinned host-to-device copy, GB/s
};

struct CudaBench {
    std::vector<GpuBench> gpus;
    std::string note;  // "cuda.no_driver", "cuda.init_failed", "cuda.no_devices", "cuda.failed"
};

// `library` is normally "libcuda.so.1"; tests pass a fake.
CudaBench measure_cuda(const std::string& library, double seconds_per_gpu);

}  // namespace canrun::bench
