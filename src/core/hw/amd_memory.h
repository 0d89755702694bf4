// AMD GPU memory as the driver states it (amdgpu sysfs mem_info_* or ROCm SMI), and how it
// becomes a GPU's budget: discrete cards get their VRAM; APUs (780M, Strix Halo) a unified
// budget of their VRAM carve-out plus the GTT system memory they map.
#pragma once

#include <cstdint>
#include <optional>

#include "hw/hardware.h"

namespace canrun::hw {

struct AmdMemory {
    std::uint64_t vram_total = 0;
    std::optional<std::uint64_t> vram_used;
    std::optional<std::uint64_t> vis_vram_total;
    std::optional<std::uint64_t> gtt_total;
    std::optional<std::uint64_t> gtt_used;
};

/// Fills the GPU's memory fields from `m`, adds `source` to its sources and, for an APU,
/// notes how its budget was made.
void apply_amd_memory(const AmdMemory& m, std::string_view source, GpuInfo& g, HardwareReport& r);

}  // namespace canrun::hw
