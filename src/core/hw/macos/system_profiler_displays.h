// macOS `system_profiler SPDisplaysDataType -json`: the GPUs, with Apple's GPU core count or an
// Intel Mac's discrete VRAM. Portable: unit-tested on recorded output.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "hw/hardware.h"

namespace canrun::hw {

struct MacGpu {
    std::string name;                 // "Apple M2 Max", "AMD Radeon Pro 5500M"
    GpuVendor vendor = GpuVendor::Other;
    std::optional<std::uint32_t> cores;    // sppci_cores (Apple)
    std::optional<std::uint64_t> vram_bytes;  // spdisplays_vram (discrete)
};

/// nullopt when the text is not the JSON system_profiler writes.
std::optional<std::vector<MacGpu>> parse_system_profiler_displays(std::string_view json_text);

/// The whole macOS report from what sysctl and system_profiler said (portable; the OS layer only
/// gathers the two texts).
HardwareReport macos_report(std::string_view sysctl_text, std::string_view profiler_json);

}  // namespace canrun::hw
