// Finding a device in the hardware catalog: by the name a person types (--hw NAME), by PCI id
// with the memory size seen (hardware detection), with "did you mean" suggestions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/hardware_catalog.h"
#include "util/result.h"

namespace canrun::catalog {

struct HardwareMatch {
    const HardwareSpec* spec = nullptr;
    std::optional<double> memory_gb;  // a size named after the device: "Apple M4 Max 40-core 128GB"
};

/// Matches ids, names and aliases without regard to case, spaces, hyphens, underscores, dots or
/// a leading vendor word. A name may end with a memory size sold for it ("... 64GB"). Unknown
/// or ambiguous names fail (exit 2) with up to five suggestions.
[[nodiscard]] Result<HardwareMatch> find_hardware(const HardwareCatalog& catalog,
                                                  std::string_view name);

/// Up to `limit` devices whose names are closest to `name`: names that contain it first
/// ("4060" -> the RTX 4060 family), then by edit distance; ties by id.
std::vector<const HardwareSpec*> suggest_hardware(const HardwareCatalog& catalog,
                                                  std::string_view name, std::size_t limit = 5);

/// The device with PCI id "vendor:device" (any case, "0x" prefixes allowed). When the memory seen
/// is given, a variant sharing the id whose memory is closer wins (the 48 GB RTX 4090, the
/// RX 7900 XT beside the XTX). nullptr when the id is not in the catalog.
const HardwareSpec* find_hardware_by_pci(const HardwareCatalog& catalog, std::string_view pci_id,
                                         std::optional<std::uint64_t> memory_bytes = std::nullopt);

/// Devices whose text (id, name or alias) contains `text`, compared as match keys; all devices
/// when `text` is empty. In catalog order.
std::vector<const HardwareSpec*> search_hardware(const HardwareCatalog& catalog,
                                                 std::string_view text);

}  // namespace canrun::catalog
