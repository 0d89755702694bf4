// SMBIOS type 17 (Memory Device) records: memory type, width and speed, hence peak bandwidth.
// Layout from DMTF DSP0134 (SMBIOS 3.x), section 7.18.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace canrun::hw {

struct MemoryDevice {
    std::uint64_t size_bytes = 0;       // 0: slot empty
    std::uint32_t data_width_bits = 0;  // 0: unknown
    std::uint32_t speed_mts = 0;        // configured speed if given, else rated; 0: unknown
    std::string type;                   // "DDR5", "LPDDR5", ...; empty when unknown
};

/// Decodes one raw type-17 structure (/sys/firmware/dmi/entries/17-N/raw); nullopt if short.
std::optional<MemoryDevice> parse_dmi_memory_device(std::string_view raw);

/// The SMBIOS memory type code as a name (0x1A -> "DDR4"); empty for other/unknown codes.
std::string dmi_memory_type_name(std::uint8_t code);

struct MemoryBandwidth {
    double gbps = 0;
    std::uint32_t channels = 0;
    std::uint32_t modules = 0;
    std::uint32_t speed_mts = 0;
    std::string type;
};

/// Peak bandwidth of the populated devices: speed x bus width x channels. Channels are the
/// populated 64-bit-equivalent devices, capped at `max_channels` (2 on desktops and laptops,
/// where more DIMMs share the two channels). nullopt when speed or width is unknown.
std::optional<MemoryBandwidth> memory_bandwidth(const std::vector<MemoryDevice>& devices,
                                                std::uint32_t max_channels);

}  // namespace canrun::hw
