// Turns a catalog device (--hw NAME) into the estimate::Machine the estimates run on: N discrete
// GPUs with a host, a unified-memory GPU with its usual budget, or a CPU-only machine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/hardware_catalog.h"
#include "estimate/machine.h"
#include "util/result.h"

namespace canrun::catalog {

struct ProfileRequest {
    int gpus = 1;                          // --gpus N (discrete GPUs only)
    std::optional<double> memory_gb;       // a size sold for a unified device ("... 64GB")
    std::optional<double> ram_gib;         // --ram: host RAM, or the unified size
};

/// What the profile had to assume; the report shows these (keys are stable, values in the
/// unit the key names).
struct ProfileAssumption {
    std::string key;  // "host_ram_gib", "host_bandwidth_gbps", "memory_gib", "gpu_budget_fraction",
                      // "backend_approximated"
    double value = 0;
};

struct HardwareProfile {
    estimate::Machine machine;
    std::vector<ProfileAssumption> assumptions;
};

/// Fails (exit 2) on a request the device cannot meet: --gpus on a unified device, a memory
/// size it is not sold with, N outside 1..64.
[[nodiscard]] Result<HardwareProfile> build_hardware_profile(const HardwareSpec& spec,
                                                             const ProfileRequest& request);

/// The share of unified memory a GPU may use by default: Metal's recommendedMaxWorkingSetSize
/// is about 2/3 of RAM up to 36 GiB and 3/4 above (docs/estimates.md); 3/4 elsewhere.
double unified_gpu_budget_fraction(const HardwareSpec& spec, double memory_gib);

}  // namespace canrun::catalog
