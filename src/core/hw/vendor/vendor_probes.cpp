#include <array>

#include "hw/probe.h"
#include "hw/vendor/vendor_probes.h"

namespace canrun::hw {

namespace {

constexpr std::array kVendorProbes = {
    Probe{"nvml", "NVIDIA GPUs through libnvidia-ml (dlopen)", probe_nvml},
    Probe{"rocm-smi", "AMD GPUs through librocm_smi64 (dlopen)", probe_rocm_smi},
};

}  // namespace

std::span<const Probe> vendor_probes() { return kVendorProbes; }

}  // namespace canrun::hw
