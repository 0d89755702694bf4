// The probe table: each probe reads one part of the machine through a ProbeContext and appends
// data or notes to the report. Probes never throw, print or hang.
#pragma once

#include <span>
#include <string_view>

#include "hw/hardware.h"
#include "hw/probe_context.h"

namespace canrun::hw {

using ProbeFn = void (*)(const ProbeContext&, HardwareReport&);

struct Probe {
    std::string_view name;  // used in notes: "cpu", "gpu-pci", "nvml", ...
    std::string_view what;  // one line for docs and --verbose
    ProbeFn run;
};

/// The probes of the OS canrun was built for (one definition per OS; CMake picks the file).
std::span<const Probe> platform_probes();

/// Vendor enrichers, run after the platform probes; they fill fields matched by PCI address.
std::span<const Probe> vendor_probes();

/// Runs every probe, then sorts devices and derives what follows from them (bandwidth, budgets).
HardwareReport detect_hardware(const ProbeContext& ctx);

}  // namespace canrun::hw
