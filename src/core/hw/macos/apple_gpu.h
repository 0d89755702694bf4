// Apple Silicon: the GPU shares all of RAM, but Metal caps what one process may wire (the
// "recommended max working set"); `sudo sysctl iogpu.wired_limit_mb=N` raises the cap.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace canrun::hw {

/// The GPU's usable budget: iogpu.wired_limit_mb when set (non-zero), else Metal's default
/// working-set limit, which is about 2/3 of RAM up to 36 GiB and 3/4 above.
std::uint64_t apple_gpu_budget_bytes(std::uint64_t ram_bytes, std::optional<std::uint64_t> wired_limit_mb);

/// Peak unified-memory bandwidth of an Apple chip, GB/s, from Apple's published specs; the GPU
/// core count separates binned M3 Max / M4 Max parts. nullopt when unknown.
std::optional<double> apple_chip_bandwidth_gbps(std::string_view chip, std::optional<std::uint32_t> gpu_cores);

}  // namespace canrun::hw
