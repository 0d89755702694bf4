// Vendor enrichers (hw/probe.h vendor_probes()): fill GPU fields matched by PCI address.
#pragma once

#include <optional>
#include <string>

#include "hw/hardware.h"
#include "hw/probe_context.h"

namespace canrun::hw {

/// NVML through dlopen: names, memory, bandwidth, compute capability, PCIe link, driver.
void probe_nvml(const ProbeContext& ctx, HardwareReport& r);

/// One live NVML query in the text form of nvml_reading.h (never nullopt on this path).
std::optional<std::string> query_nvml_live(const ProbeContext& ctx);

/// ROCm SMI through dlopen: AMD VRAM / visible VRAM / GTT totals and use, by PCI address.
void probe_rocm_smi(const ProbeContext& ctx, HardwareReport& r);

/// One live ROCm SMI query in the text form of rocm_smi_reading.h (never nullopt on this path).
std::optional<std::string> query_rocm_smi_live(const ProbeContext& ctx);

}  // namespace canrun::hw
