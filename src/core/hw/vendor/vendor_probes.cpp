#include <array>

#include "hw/probe.h"
#include "hw/vendor/vendor_probes.h"

namespace canrun::hw {

namespace {

constexpr std::array kVendorProbes = {
    Probe{"nvml", "NVIDIA GPUs through libnvidia-ml (dlopen)", probe_nvml},
};

}  // namespace

std::span<const Probe> vendor_probes() { return kVendorProbes; }

}  // namespace canrun::hw
