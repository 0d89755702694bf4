// Load time: the file read from the disk (or from the page cache when it is warm), the GPU's
// share copied over PCIe, and a fixed start-up cost.
#include <algorithm>

#include "estimate/speed_parts.h"

namespace canrun::estimate {

namespace {

double upload_seconds(const SpeedInputs& in) {
    double seconds = 0;
    for (const auto& d : in.split.devices) {
        if (d.gpu < 0) {
            continue;
        }
        const GpuDevice& gpu = in.machine.gpus.at(static_cast<std::size_t>(d.gpu));
        if (gpu.unified) {
            continue;  // the GPU maps the same memory
        }
        const double link = gpu.pcie_gbps > 0 ? gpu.pcie_gbps : in.tuning.default_pcie_gbps;
        const double bytes = static_cast<double>(d.dense_weight_bytes + d.expert_weight_bytes);
        seconds += bytes / (link * 1e9 * in.tuning.pcie_efficiency);
    }
    return seconds;
}

double file_bytes(const SpeedInputs& in) {
    if (in.model.file_bytes > 0) {
        return static_cast<double>(in.model.file_bytes);
    }
    return static_cast<double>(in.model.weight_bytes());
}

}  // namespace

Range load_seconds(const SpeedInputs& in, SpeedTrace& trace) {
    const SpeedTuning& t = in.tuning;
    const double bytes = file_bytes(in);
    const double fixed = t.load_fixed_s + upload_seconds(in);
    const double warm = bytes / (t.page_cache_gbps * 1e9) + fixed;
    trace.term("load.file_bytes", bytes, "B");
    trace.term("load.upload_and_init_seconds", fixed, "s");
    if (in.query.page_cache_warm.value_or(false)) {
        return Range{warm * t.load.low, warm, warm * t.load.high};
    }
    const bool known = in.machine.disk_read_gbps > 0;
    const double disk = known ? in.machine.disk_read_gbps : t.disk_unknown_gbps;
    const double cold = bytes / (disk * 1e9) + fixed;
    trace.term("load.disk_gbps", disk, "GB/s");
    if (!known) {
        trace.note("speed.disk_unknown");
    }
    const double worst = known ? cold * t.load.high : bytes / (t.disk_slow_gbps * 1e9) + fixed;
    double best = known ? cold * t.load.low : bytes / (t.disk_fast_gbps * 1e9) + fixed;
    if (!in.query.page_cache_warm.has_value()) {
        best = std::min(best, warm);  // a second start reads from the page cache
    }
    return Range{best, cold, std::max(worst, cold)};
}

}  // namespace canrun::estimate
