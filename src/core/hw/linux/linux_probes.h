// The Linux probes; each reads /proc and /sys through the probe context (hw/probe.h).
#pragma once

#include "hw/hardware.h"
#include "hw/probe_context.h"

namespace canrun::hw {

void probe_system_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_cpu_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_memory_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_gpu_pci_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_gpu_amd_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_gpu_intel_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_board_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_npu_linux(const ProbeContext& ctx, HardwareReport& r);
void probe_disk_linux(const ProbeContext& ctx, HardwareReport& r);

}  // namespace canrun::hw
