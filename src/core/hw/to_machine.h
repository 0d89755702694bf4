// The detected hardware as the estimates see it (estimate::Machine).
#pragma once

#include "estimate/machine.h"
#include "hw/hardware.h"

namespace canrun::hw {

/// GPUs whose memory size is unknown are left out (the report's notes say so), and so are
/// integrated GPUs when a discrete one is present. A GPU's free
/// memory is what NVML or the driver reports free, else its total minus what others hold.
estimate::Machine to_machine(const HardwareReport& r);

/// Host link bandwidth per direction, GB/s, for a PCIe generation and lane count; 0 if unknown.
double pcie_gbps(const PciLink& link);

}  // namespace canrun::hw
