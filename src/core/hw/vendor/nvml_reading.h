// What NVML told us, as plain data with a line-based text form: the form is what a snapshot
// records, so a machine's NVML answers replay without NVIDIA's library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hw/hardware.h"

namespace canrun::hw {

struct NvmlGpu {
    std::string pci;  // "0000:01:00.0", lower case, 4-digit domain
    std::string name;
    std::optional<std::uint64_t> total_bytes;
    std::optional<std::uint64_t> free_bytes;
    std::optional<std::uint64_t> used_bytes;  // held by other processes and the driver
    std::optional<std::uint32_t> bus_width_bits;
    std::optional<std::uint32_t> max_mem_clock_mhz;
    std::string compute_capability;  // "8.9"
    std::optional<std::uint32_t> pcie_generation;
    std::optional<std::uint32_t> pcie_width;
};

struct NvmlReading {
    std::string error;  // non-empty: NVML could not be used at all (and why)
    std::string driver_version;
    std::vector<NvmlGpu> gpus;
    std::vector<std::string> notes;  // partial failures: a missing symbol, a failed call
};

std::string format_nvml_reading(const NvmlReading& r);
NvmlReading parse_nvml_reading(std::string_view text);

/// "00000000:01:00.0" -> "0000:01:00.0".
std::string normalize_nvml_bus_id(std::string_view bus_id);

/// Peak bandwidth from NVML's bus width and maximum memory clock: clock x 2 (double data rate,
/// as NVML reports GDDR6X and HBM clocks) x width / 8. RTX 4090: 10501 MHz, 384 bit -> 1008 GB/s.
std::optional<double> nvml_bandwidth_gbps(const NvmlGpu& g);

/// Merges a reading into the report: fields of GPUs matched by PCI address; unmatched NVML GPUs
/// are added (no PCI enumeration, e.g. WSL); notes for what failed.
void apply_nvml_reading(const NvmlReading& reading, HardwareReport& r);

}  // namespace canrun::hw
