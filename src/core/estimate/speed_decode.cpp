// Decode: one token reads every active weight once and the KV cache up to the current depth.
#include <algorithm>
#include <cmath>

#include "estimate/speed_lookup.h"
#include "estimate/speed_parts.h"

namespace canrun::estimate {

namespace {

// Time of a step bound by two resources at once, smoothly near the larger of the two.
double soft_max(double a, double b, double sharpness) {
    if (a <= 0 || b <= 0) {
        return std::max(a, b);
    }
    return std::pow(std::pow(a, sharpness) + std::pow(b, sharpness), 1.0 / sharpness);
}

double kv_read_bytes(const DeviceLoad& d, const SpeedQuery& q) {
    return static_cast<double>(d.kv_bytes_per_token) * q.context_depth;
}

double gpu_decode(const SpeedInputs& in, const DeviceLoad& d, SpeedTrace& trace) {
    const GpuDevice& gpu = in.machine.gpus.at(static_cast<std::size_t>(d.gpu));
    if (gpu.bandwidth_gbps <= 0) {
        trace.note("speed.gpu_bandwidth_unknown");
        return 0;
    }
    const BackendTuning b = backend_tuning(in.tuning, gpu.backend);
    const QuantTuning q = quant_tuning(in.tuning, quant_family(in.query.quant));
    const double bytes = active_weight_bytes(in.model, d) + kv_read_bytes(d, in.query);
    const double bw = gpu.bandwidth_gbps * 1e9 * b.decode_bw_efficiency * q.gpu_decode_factor;
    const std::string k = "decode." + device_key(d);
    double body = bytes / bw;
    if (b.decode_bytes_per_flop > 0 && gpu.fp16_tflops > 0) {
        const double rate = gpu.fp16_tflops * 1e12 * b.decode_bytes_per_flop * q.gpu_decode_factor;
        trace.term(k + ".compute_seconds", bytes / rate, "s");
        body = soft_max(body, bytes / rate, in.tuning.bound_sharpness);
    }
    const double seconds = body + d.layers * b.layer_floor_s;
    trace.term(k + ".bytes", bytes, "B");
    trace.term(k + ".effective_bandwidth", bw / 1e9, "GB/s");
    trace.term(k + ".seconds", seconds, "s");
    return seconds;
}

double cpu_decode(const SpeedInputs& in, const DeviceLoad& d, SpeedTrace& trace) {
    const CpuDevice& cpu = in.machine.cpu;
    const std::string family = quant_family(in.query.quant);
    const double weights = active_weight_bytes(in.model, d);
    const double kv = kv_read_bytes(d, in.query);
    const double compute = weights / cpu_kernel_rate(in.tuning, cpu, in.query, family) +
                           kv / cpu_kernel_rate(in.tuning, cpu, in.query, "f16");
    double memory = 0;
    if (cpu.bandwidth_gbps > 0) {
        const double eff = in.machine.calibrated ? in.tuning.cpu_measured_bw_efficiency
                                                 : in.tuning.cpu_bw_efficiency;
        memory = (weights + kv) / (cpu.bandwidth_gbps * 1e9 * eff);
        trace.term("decode.cpu.effective_bandwidth", cpu.bandwidth_gbps * eff, "GB/s");
    } else {
        trace.note("speed.cpu_bandwidth_unknown");
    }
    // Every graph node ends at a barrier all threads spin on: a cost per layer that grows with
    // the thread count (dominant on many-core servers with small models).
    const double sync = d.layers * cpu_threads(cpu, in.query) * in.tuning.cpu_sync_s;
    const double seconds = soft_max(memory, compute, in.tuning.bound_sharpness) + sync;
    trace.term("decode.cpu.sync_seconds", sync, "s");
    if (compute > memory) {
        trace.note("speed.cpu_compute_bound");
    }
    trace.term("decode.cpu.bytes", weights + kv, "B");
    trace.term("decode.cpu.memory_seconds", memory, "s");
    trace.term("decode.cpu.compute_seconds", compute, "s");
    trace.term("decode.cpu.seconds", seconds, "s");
    return seconds;
}

double device_decode(const SpeedInputs& in, const DeviceLoad& d, SpeedTrace& trace) {
    return d.gpu < 0 ? cpu_decode(in, d, trace) : gpu_decode(in, d, trace);
}

double token_floor(const SpeedInputs& in) {
    double floor = 0;
    for (const auto& d : in.split.devices) {
        const double f = d.gpu < 0
            ? in.tuning.cpu_token_floor_s
            : backend_tuning(in.tuning,
                             in.machine.gpus.at(static_cast<std::size_t>(d.gpu)).backend)
                  .token_floor_s;
        floor = std::max(floor, f);
    }
    return floor;
}

double tensor_parallel_decode(const SpeedInputs& in, SpeedTrace& trace) {
    double slowest = 0;
    for (const auto& d : in.split.devices) {
        const double s = device_decode(in, d, trace);
        if (s <= 0) {
            return 0;
        }
        slowest = std::max(slowest, s);
    }
    const double per_reduce = in.split.nvlink ? in.tuning.allreduce_nvlink_s
                                              : in.tuning.allreduce_pcie_s;
    const double comm = 2.0 * in.model.n_layer() * per_reduce;  // after attention and after FFN
    trace.term("decode.tensor_parallel.comm_seconds", comm, "s");
    return slowest / in.tuning.tp_efficiency + comm;
}

double layer_split_decode(const SpeedInputs& in, SpeedTrace& trace) {
    double sum = 0;
    for (const auto& d : in.split.devices) {
        const double s = device_decode(in, d, trace);
        if (s <= 0) {
            return 0;
        }
        sum += s;
    }
    const auto boundaries = in.split.devices.empty() ? 0 : in.split.devices.size() - 1;
    const double handoff = static_cast<double>(boundaries) * in.tuning.handoff_s;
    if (boundaries > 0) {
        trace.term("decode.handoff_seconds", handoff, "s");
    }
    return sum + handoff;
}

}  // namespace

double decode_seconds(const SpeedInputs& in, SpeedTrace& trace) {
    if (in.split.devices.empty()) {
        return 0;
    }
    const double body = in.split.mode == SplitMode::Tensor ? tensor_parallel_decode(in, trace)
                                                           : layer_split_decode(in, trace);
    if (body <= 0) {
        return 0;
    }
    const double floor = token_floor(in);
    trace.term("decode.floor_seconds", floor, "s");
    return body + floor;
}

}  // namespace canrun::estimate
