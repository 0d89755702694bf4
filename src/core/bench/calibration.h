// Applying a bench record to the machine the estimates see.
#pragma once

#include <string>
#include <vector>

#include "bench/bench_record.h"
#include "estimate/machine.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"
#include "util/result.h"

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

// For commands that estimate for this machine: reads the record at `path` (see
// bench_store.h: bench_record_path) and applies it. No record: an empty Calibration, no error.
// A broken record: the error (name the file, say to run `canrun bench` again).
// Usage in a command: auto c = calibrate_from_file(path, tuning, machine);
//                     if (c) request.speed.cpu_rates = c->rates;
Result<Calibration> calibrate_from_file(const std::string& path,
                                        const estimate::SpeedTuning& tuning,
                                        estimate::Machine& machine);

}  // namespace canrun::bench
