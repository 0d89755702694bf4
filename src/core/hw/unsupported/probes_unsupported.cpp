// Operating systems without probes: detection says so instead of guessing.
#include <array>

#include "hw/probe.h"

namespace canrun::hw {

namespace {

void probe_unsupported(const ProbeContext& /*ctx*/, HardwareReport& r) {
    r.warn("system", "system.unsupported_os");
}

constexpr std::array kProbes = {
    Probe{"system", "nothing: this OS has no probes", probe_unsupported},
};

}  // namespace

std::span<const Probe> platform_probes() { return kProbes; }

}  // namespace canrun::hw
