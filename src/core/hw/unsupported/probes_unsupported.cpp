// Operating systems without probes: detection says so instead of guessing.
#include <array>

#include "hw/probe.h"

namespace canrun::hw {

namespace {

void probe_unsupported(const ProbeContext& /*ctx*/, HardwareReport& r) {
    r.note("system", "hardware detection is not supported on this OS; use --hw, --vram and --ram",
           NoteSeverity::Warning);
}

constexpr std::array kProbes = {
    Probe{"system", "nothing: this OS has no probes", probe_unsupported},
};

}  // namespace

std::span<const Probe> platform_probes() { return kProbes; }

}  // namespace canrun::hw
