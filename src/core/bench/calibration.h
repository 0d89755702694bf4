// Applying a bench record to the machine the estimates see.
#pragma once

#include <vector>

#include "bench/bench_record.h"
#include "estimate/machine.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"

namespace canrun::bench {

struct Calibration {
    bool cpu = false;                              // the record is this CPU's: bandwidth replaced
    int gpus = 0;                                  // GPUs whose bandwidth was replaced
    std::vector<estimate::CpuKernelRate> rates;    // llama.cpp-equivalent kernel rates
};

// When record.cpu_model equals machine.cpu.name: CPU bandwidth = measured, kernel rates scaled by
// each family's bench_scale (families the bench does not run are derived from the nearest
// measured one through the per-core table), machine.calibrated = true. GPUs are matched by name:
// bandwidth = copy speed / cuda_copy_share, pcie = measured.
Calibration apply_bench_record(const BenchRecord& record, const estimate::SpeedTuning& tuning,
                               estimate::Machine& machine);

}  // namespace canrun::bench
