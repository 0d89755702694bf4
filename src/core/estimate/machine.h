// Machine: the hardware as the estimates see it. Built by the caller from hw/ (this machine),
// from data/hardware.json (--hw NAME) or from flags (--vram, --ram, ...). Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace canrun::estimate {

enum class Backend { Cpu, Cuda, Metal, Rocm, Vulkan, Sycl };

struct GpuDevice {
    std::string name;
    Backend backend = Backend::Cuda;
    bool unified = false;              // shares system memory (Apple, APUs, iGPUs, Jetson, GB10)
    std::uint64_t memory_total_bytes = 0;
    std::uint64_t memory_free_bytes = 0;  // what a new process can use (total - held by others)
    double bandwidth_gbps = 0;            // peak memory bandwidth, GB/s (0 = unknown)
    double fp16_tflops = 0;               // dense FP16/BF16 tensor TFLOPS (0 = unknown)
    double pcie_gbps = 0;                 // host link, GB/s (0 = unknown)
};

struct CpuDevice {
    std::string name;
    std::uint32_t physical_cores = 0;
    std::uint32_t logical_cores = 0;
    std::vector<std::string> features;    // "avx2", "avx512f", "neon", ...
    std::uint64_t ram_total_bytes = 0;
    std::uint64_t ram_available_bytes = 0;
    double bandwidth_gbps = 0;            // system memory bandwidth, GB/s (0 = unknown)
};

struct Machine {
    std::string name;  // e.g. "this machine", or the --hw profile name
    CpuDevice cpu;
    std::vector<GpuDevice> gpus;
    double disk_read_gbps = 0;  // sequential read of the disk holding the models (0 = unknown)
    bool calibrated = false;    // bandwidths were measured by `canrun bench`
};

}  // namespace canrun::estimate
