#include "bench/calibration.h"

#include <string>

#include "bench/bench_store.h"

namespace canrun::bench {

namespace {

// The measured family a table family borrows its rate from (same kernel style).
std::string measured_sibling(const std::string& family) {
    if (family == "q5_0") {
        return "q4_0";
    }
    if (family == "f32") {
        return "f16";
    }
    if (family == "q5_k" || family == "q3_k" || family == "q2_k" || family.rfind("iq", 0) == 0 ||
        family == "mxfp4") {
        return "q4_k";
    }
    return family;
}

double measured_rate(const BenchRecord& r, const std::string& family) {
    for (const auto& k : r.kernels) {
        if (k.family == family) {
            return k.gbps;
        }
    }
    return 0;
}

std::vector<estimate::CpuKernelRate> kernel_rates(const BenchRecord& r,
                                                  const estimate::SpeedTuning& t) {
    std::vector<estimate::CpuKernelRate> out;
    for (const auto& q : t.quants) {
        const std::string sibling = measured_sibling(q.family);
        const double base = measured_rate(r, sibling);
        if (base <= 0) {
            continue;
        }
        double table_ratio = 1.0;
        for (const auto& s : t.quants) {
            if (s.family == sibling && s.cpu_core_gbps > 0) {
                table_ratio = q.cpu_core_gbps / s.cpu_core_gbps;
            }
        }
        double scale = q.bench_scale;
        for (const auto& s : t.quants) {
            if (s.family == sibling && sibling != q.family) {
                scale = s.bench_scale;
            }
        }
        out.push_back({q.family, base * scale * table_ratio, static_cast<double>(r.threads)});
    }
    return out;
}

}  // namespace

Calibration apply_bench_record(const BenchRecord& record, const estimate::SpeedTuning& tuning,
                               estimate::Machine& machine) {
    Calibration c;
    if (!record.cpu_model.empty() && record.cpu_model == machine.cpu.name && record.memory_gbps > 0) {
        machine.cpu.bandwidth_gbps = record.memory_gbps;
        machine.calibrated = true;
        c.cpu = true;
        c.rates = kernel_rates(record, tuning);
    }
    if (record.disk.gbps > 0 && c.cpu) {
        machine.disk_read_gbps = record.disk.gbps;
    }
    for (auto& gpu : machine.gpus) {
        for (const auto& g : record.gpus) {
            if (g.name == gpu.name && g.bandwidth_gbps > 0) {
                gpu.bandwidth_gbps = g.bandwidth_gbps / tuning.cuda_copy_share;
                gpu.pcie_gbps = g.pcie_gbps > 0 ? g.pcie_gbps : gpu.pcie_gbps;
                ++c.gpus;
                break;
            }
        }
    }
    return c;
}

Result<Calibration> calibrate_from_file(const std::string& path,
                                        const estimate::SpeedTuning& tuning,
                                        estimate::Machine& machine) {
    auto record = load_bench_record(path);
    if (!record) {
        return tl::unexpected(record.error());
    }
    if (!record->has_value()) {
        return Calibration{};
    }
    return apply_bench_record(**record, tuning, machine);
}

}  // namespace canrun::bench
