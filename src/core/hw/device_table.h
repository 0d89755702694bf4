// Our own small table of PCI devices that matter for LLMs: a clean name, and the facts a driver
// does not report (memory size when it has one size, peak bandwidth, APU or not). Names from the
// PCI IDs alone when pci.ids is absent; pci.ids covers the rest.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "hw/hardware.h"

namespace canrun::hw {

struct KnownDevice {
    std::uint16_t vendor_id;
    std::uint16_t device_id;
    std::optional<std::uint8_t> revision;  // when one ID covers several products
    std::string_view name;
    GpuKind kind;
    std::uint64_t memory_bytes;  // 0: varies or shared
    double bandwidth_gbps;       // 0: unknown or system memory
    std::string_view gfx_target;
    std::string_view source;  // where the numbers come from
};

/// The table row for a device, matching the revision when the row names one.
const KnownDevice* find_known_device(std::uint16_t vendor_id, std::uint16_t device_id,
                                     std::optional<std::uint8_t> revision);

/// "NVIDIA", "AMD", ...; the short vendor name for a PCI vendor ID.
std::string_view vendor_short_name(std::uint16_t vendor_id);
GpuVendor gpu_vendor_from_pci(std::uint16_t vendor_id);

}  // namespace canrun::hw
