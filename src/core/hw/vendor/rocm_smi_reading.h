// What ROCm SMI told us, as plain data with a line-based text form (what a snapshot records),
// like nvml_reading.h: a machine's ROCm answers replay without AMD's library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hw/hardware.h"

namespace canrun::hw {

struct RocmSmiGpu {
    std::string pci;  // "0000:03:00.0"
    std::string name;
    std::optional<std::uint64_t> vram_total;
    std::optional<std::uint64_t> vram_used;
    std::optional<std::uint64_t> vis_vram_total;
    std::optional<std::uint64_t> gtt_total;
    std::optional<std::uint64_t> gtt_used;
};

struct RocmSmiReading {
    std::string error;   // non-empty: ROCm SMI could not be used at all (and why)
    std::string absent;  // non-empty: the library is not installed (the loader's words)
    std::vector<RocmSmiGpu> gpus;
    std::vector<std::string> notes;  // partial failures
};

std::string format_rocm_smi_reading(const RocmSmiReading& r);
RocmSmiReading parse_rocm_smi_reading(std::string_view text);

/// ROCm SMI's BDFID (domain << 32 | bus << 8 | device << 3 | function; partition bits 31:28
/// ignored) -> "0000:03:00.0".
std::string rocm_bdfid_to_pci(std::uint64_t bdfid);

/// Merges a reading into the report: memory of AMD GPUs matched by PCI address (with the
/// APU rules of amd_memory.h); GPUs not seen on PCI are added; notes for what failed. A
/// library that is not installed is noted only when some AMD GPU's memory is still unknown
/// (ROCm is optional: amdgpu sysfs says the same).
void apply_rocm_smi_reading(const RocmSmiReading& reading, HardwareReport& r);

}  // namespace canrun::hw
