// Device names from the PCI ID database (pci.ids, read at run time through the probe context)
// with our own table as the fallback.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hw/probe_context.h"

namespace canrun::hw {

/// The device line of `vendor_id:device_id` in pci.ids text, e.g. "AD102 [GeForce RTX 4090]".
std::optional<std::string> find_pci_ids_name(std::string_view pci_ids_text,
                                             std::uint16_t vendor_id, std::uint16_t device_id);

/// A name people recognise: the bracketed marketing name with the vendor in front
/// ("NVIDIA GeForce RTX 4090"), else the whole device line.
std::string marketing_name(std::string_view vendor, std::string_view pci_ids_line);

/// Name for a PCI device: our table, then pci.ids (/usr/share/misc/pci.ids or
/// /usr/share/hwdata/pci.ids under the sysroot), then "NVIDIA device 10de:2684".
std::string pci_device_name(const ProbeContext& ctx, std::uint16_t vendor_id,
                            std::uint16_t device_id, std::optional<std::uint8_t> revision);

}  // namespace canrun::hw
