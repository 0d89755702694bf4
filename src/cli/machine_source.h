// The machine an estimating command answers for: this one (detected, or a --sysroot tree, or a
// --snapshot), or a device from the data (--hw NAME), adjusted by --gpus, --vram, --ram,
// --cpu-only and --bandwidth (design.md §5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "advise/tiers.h"
#include "catalog/data_source.h"
#include "catalog/hardware_catalog.h"
#include "estimate/machine.h"
#include "hw/hardware.h"
#include "hw/snapshot.h"
#include "options.h"
#include "report/recommend_report.h"
#include "util/result.h"

namespace canrun::cli {

struct MachineView {
    std::optional<hw::HardwareReport> report;  // when the machine was detected
    estimate::Machine machine;
    advise::TierInput tier_input;
    bool profile = false;               // from --hw, not detected
    std::vector<report::Bilingual> notes;  // what was assumed or overridden, one line each
};

// Detects this machine (or the recorded one the options name). `record` receives what the
// probes read (for --save-snapshot) when non-null.
Result<hw::HardwareReport> detect_machine(const HardwareOverride& h, hw::Snapshot* record);

// Detection reads memory and bandwidth but not compute: each GPU the data knows gets its dense
// FP16 TFLOPS from data/hardware.json (prefill and time to first token need it), found by the
// PCI id the probes read (`report`, when given) and else by name ("NVIDIA H100 80GB HBM3" is
// not a name the data uses; 10de:2330 is). Unknown devices keep 0 (speed says compute is unknown).
void fill_gpu_compute(estimate::Machine& m, const catalog::HardwareCatalog& hardware,
                      const hw::HardwareReport* report = nullptr);

Result<MachineView> resolve_machine(const HardwareOverride& h,
                                    const catalog::DataSourceOptions& data);

// --data-dir and the environment as a DataSourceOptions.
catalog::DataSourceOptions data_options(const GlobalOptions& g);

}  // namespace canrun::cli
