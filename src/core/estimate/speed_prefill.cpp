// Prefill: the prompt is processed in batches, so it is bound by compute: about 2 FLOPs per
// active parameter per token, plus attention over the context so far. With partial offload,
// llama.cpp runs big batches on the GPU and streams the CPU-held weights over PCIe.
#include <algorithm>
#include <cmath>

#include "estimate/speed_lookup.h"
#include "estimate/speed_parts.h"

namespace canrun::estimate {

namespace {

// Attention FLOPs per prompt token per KV layer, at the average depth of the prompt.
double attention_flops_per_layer(const SpeedInputs& in) {
    double sum = 0;
    std::uint32_t kv_layers = 0;
    for (const auto& l : in.model.layers) {
        if (l.memory == LayerMemory::Kv) {
            sum += 2.0 * l.n_head * (l.head_dim_k + l.head_dim_v);
            ++kv_layers;
        }
    }
    if (kv_layers == 0) {
        return 0;
    }
    const double depth = in.query.context_depth + in.query.prompt_tokens / 2.0;
    return sum / kv_layers * depth;
}

double device_flops(const SpeedInputs& in, const DeviceLoad& d, double attn_per_layer) {
    return 2.0 * active_params(in.model, d) + attn_per_layer * d.layers;
}

double gpu_flops_rate(const SpeedInputs& in, int gpu_index) {
    const GpuDevice& gpu = in.machine.gpus.at(static_cast<std::size_t>(gpu_index));
    const BackendTuning b = backend_tuning(in.tuning, gpu.backend);
    const QuantTuning q = quant_tuning(in.tuning, quant_family(in.query.quant));
    return gpu.fp16_tflops * 1e12 * b.prefill_efficiency * q.gpu_prefill_factor;
}

// CPU prefill: the decode kernels with the weights reused across the batch.
double cpu_prefill(const SpeedInputs& in, const DeviceLoad& d, double attn, SpeedTrace& trace) {
    const auto& cpu = in.machine.cpu;
    const double k = in.tuning.cpu_prefill_per_decode_kernel;
    const std::string family = quant_family(in.query.quant);
    // Matrix kernels (AMX tiles) speed up the weight matmuls; attention reads the F16 KV cache,
    // which stays in the plain CPU buffer.
    const double isa = prefill_isa_factor(in.tuning, cpu, family);
    const double weight_rate = cpu_kernel_rate(in.tuning, cpu, in.query, family) * k * isa;
    const double flop_rate = cpu_kernel_rate(in.tuning, cpu, in.query, "f16") * k;  // 1 FLOP/B
    const double per_token = active_weight_bytes(in.model, d) / weight_rate +
                             attn * d.layers / flop_rate;
    if (isa != 1.0) {
        trace.term("prefill.cpu.isa_factor", isa, "x");
    }
    trace.term("prefill.cpu.weight_rate", weight_rate / 1e9, "GB/s");
    return per_token * in.query.prompt_tokens;
}

int first_gpu(const SpeedSplit& split) {
    for (const auto& d : split.devices) {
        if (d.gpu >= 0) {
            return d.gpu;
        }
    }
    return -1;
}

double pcie_rate(const SpeedInputs& in, int gpu_index) {
    const GpuDevice& gpu = in.machine.gpus.at(static_cast<std::size_t>(gpu_index));
    const double link = gpu.pcie_gbps > 0 ? gpu.pcie_gbps : in.tuning.default_pcie_gbps;
    return link * 1e9 * in.tuning.pcie_efficiency;
}

double device_prefill(const SpeedInputs& in, const DeviceLoad& d, double attn,
                      SpeedTrace& trace) {
    const int gpu = d.gpu >= 0 ? d.gpu : (in.split.gpu_does_prefill ? first_gpu(in.split) : -1);
    if (gpu < 0) {
        return cpu_prefill(in, d, attn, trace);
    }
    const double rate = gpu_flops_rate(in, gpu);
    if (rate <= 0) {
        trace.note("speed.gpu_compute_unknown");
        return 0;
    }
    const double flops = device_flops(in, d, attn) * in.query.prompt_tokens;
    double seconds = flops / rate;
    if (d.gpu < 0) {  // CPU-held weights go to the GPU once per ubatch
        const double batches =
            std::ceil(static_cast<double>(in.query.prompt_tokens) / std::max(1U, in.query.ubatch));
        const double bytes = static_cast<double>(d.dense_weight_bytes + d.expert_weight_bytes);
        const double stream = batches * bytes / pcie_rate(in, gpu);
        trace.term("prefill.pcie_stream_seconds", stream, "s");
        seconds += stream;
    }
    trace.term("prefill." + device_key(d) + ".seconds", seconds, "s");
    return seconds;
}

double tensor_parallel_prefill(const SpeedInputs& in, double attn, SpeedTrace& trace) {
    double flops = 0;
    double rate = 0;
    for (const auto& d : in.split.devices) {
        flops += device_flops(in, d, attn) * in.query.prompt_tokens;
        rate += d.gpu >= 0 ? gpu_flops_rate(in, d.gpu) : 0;
    }
    if (rate <= 0) {
        trace.note("speed.gpu_compute_unknown");
        return 0;
    }
    const double batches =
        std::ceil(static_cast<double>(in.query.prompt_tokens) / std::max(1U, in.query.ubatch));
    const double per_reduce = in.split.nvlink ? in.tuning.allreduce_nvlink_s
                                              : in.tuning.allreduce_pcie_s;
    const double comm = batches * 2.0 * in.model.n_layer() * per_reduce;
    trace.term("prefill.tensor_parallel.comm_seconds", comm, "s");
    return flops / (rate * in.tuning.tp_efficiency) + comm;
}

}  // namespace

double prefill_seconds(const SpeedInputs& in, SpeedTrace& trace) {
    if (in.split.devices.empty() || in.query.prompt_tokens == 0) {
        return 0;
    }
    const double attn = attention_flops_per_layer(in);
    double total_flops = 0;
    for (const auto& d : in.split.devices) {
        total_flops += device_flops(in, d, attn);
    }
    trace.term("prefill.flops_per_token", total_flops, "FLOP");
    if (in.split.mode == SplitMode::Tensor) {
        return tensor_parallel_prefill(in, attn, trace);
    }
    double sum = 0;
    for (const auto& d : in.split.devices) {
        const double s = device_prefill(in, d, attn, trace);
        if (s <= 0) {
            return 0;
        }
        sum += s;
    }
    return sum;
}

}  // namespace canrun::estimate
