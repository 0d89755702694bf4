#include "advise/fit.h"

#include <algorithm>

#include "advise/checkpoint_format.h"
#include "estimate/placement_input.h"
#include "estimate/speed_split.h"
#include "util/units.h"

namespace canrun::advise {

namespace {

using estimate::Backend;
using estimate::PlacementMode;
using u64 = std::uint64_t;

Backend pick_backend(const estimate::Machine& m, bool cpu_only) {
    return cpu_only || m.gpus.empty() ? Backend::Cpu : m.gpus.front().backend;
}

std::uint32_t default_ctx(const estimate::ModelShape& model) {
    return model.n_ctx_train > 0 ? std::min(model.n_ctx_train, kDefaultCtx) : kDefaultCtx;
}

// RAM kept back when the machine's free RAM is not measured (a --hw profile): the OS and the
// programs a desktop runs. 1/8 of RAM, at most 2 GiB. A guess, documented in docs/estimates.md.
u64 ram_reserve(const estimate::Machine& m) {
    if (m.cpu.ram_available_bytes > 0) {
        return 0;
    }
    return std::min<u64>(2 * kGiB, m.cpu.ram_total_bytes / 8);
}

estimate::PlacementInput placement_input(const estimate::ModelShape& model,
                                         const estimate::Machine& m, const FitRequest& req,
                                         const estimate::MemoryEstimate& mem,
                                         const estimate::MemoryTuning& tuning) {
    auto in = estimate::placement_input(model, req.params, mem.backend, tuning);
    in.cpu_compute_bytes += estimate::runtime_overhead_bytes(Backend::Cpu, tuning);
    in.gpu_margin_bytes = req.gpu_margin_bytes;
    in.ram_reserve_bytes = ram_reserve(m);
    in.cpu_only = req.cpu_only;
    return in;
}

struct Attempt {
    estimate::MemoryEstimate memory;
    estimate::Placement placement;
};

Attempt attempt(const estimate::ModelShape& model, const estimate::Machine& m, FitRequest req,
                std::uint32_t ctx, Backend backend, const estimate::MemoryTuning& tuning) {
    req.params.n_ctx = ctx;
    Attempt a;
    a.memory = estimate::estimate_memory(model, req.params, backend, tuning);
    a.placement = estimate::place_model(placement_input(model, m, req, a.memory, tuning), m);
    return a;
}

int rank(PlacementMode mode) { return static_cast<int>(mode); }

// Largest context (a multiple of 256, at most the trained context) whose placement is `worst`
// or better. Memory grows with context, so the predicate is monotonic: bisect.
std::uint32_t max_context(const estimate::ModelShape& model, const estimate::Machine& m,
                          const FitRequest& req, Backend backend, PlacementMode worst,
                          const estimate::MemoryTuning& tuning) {
    const std::uint32_t limit = model.n_ctx_train > 0 ? model.n_ctx_train : 131072;
    std::uint32_t lo = 0;
    std::uint32_t hi = std::max<std::uint32_t>(1, limit / 256);
    auto ok = [&](std::uint32_t k) {
        const auto a = attempt(model, m, req, k * 256, backend, tuning);
        return rank(a.placement.mode) <= rank(worst);
    };
    if (ok(hi)) {
        return limit;
    }
    while (lo + 1 < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        (ok(mid) ? lo : hi) = mid;
    }
    return lo * 256;
}

}  // namespace

FitResult fit_model(const estimate::ModelShape& model, const estimate::Machine& machine,
                    const FitRequest& request, const estimate::MemoryTuning& memory_tuning,
                    const estimate::SpeedTuning& speed_tuning) {
    FitResult r;
    r.backend = pick_backend(machine, request.cpu_only);
    r.problem = estimate::check_context(model, request.params);
    const std::uint32_t asked = request.params.n_ctx > 0 ? request.params.n_ctx : default_ctx(model);
    if (request.params.n_ctx == 0) {
        r.notes.emplace_back("fit.ctx_default");
    }
    auto a = attempt(model, machine, request, asked, r.backend, memory_tuning);
    r.memory = a.memory;
    r.placement = a.placement;
    r.ctx = a.memory.context.n_ctx;
    if (request.find_max_ctx && r.placement.mode != PlacementMode::WontFit) {
        r.max_ctx = max_context(model, machine, request, r.backend, r.placement.mode, memory_tuning);
    }
    if (request.find_max_ctx && r.backend != Backend::Cpu) {
        r.max_ctx_full_gpu = max_context(model, machine, request, r.backend, PlacementMode::FullGpu,
                                         memory_tuning);
    }
    if (r.placement.mode != PlacementMode::WontFit) {
        const auto split = estimate::speed_split(model, r.placement, r.ctx);
        r.speed = estimate::estimate_speed(model, machine, split, request.speed, speed_tuning);
    }
    return r;
}

namespace {

bool all_heads_divisible(const estimate::ModelShape& model, std::uint32_t tp) {
    return std::all_of(model.layers.begin(), model.layers.end(), [&](const auto& l) {
        return l.n_head % tp == 0 && (l.n_head_kv == 0 || l.n_head_kv % tp == 0 ||
                                      tp % l.n_head_kv == 0);
    });
}

// vLLM fits when the checkpoint's weights, the KV cache at the context and about 1.5 GiB of
// activations and CUDA graphs per GPU fit in --gpu-memory-utilization of the tensor-parallel
// GPUs (attention heads divisible by the TP size).
std::uint32_t vllm_tp(const estimate::ModelShape& model, const estimate::Machine& m,
                      const FitResult& fit, const CheckpointFormat& checkpoint,
                      double utilization) {
    if (m.gpus.empty() || m.gpus.front().unified ||
        (m.gpus.front().backend != Backend::Cuda && m.gpus.front().backend != Backend::Rocm)) {
        return 0;
    }
    const double need = checkpoint_weight_bytes(model, checkpoint) +
                        2.0 * static_cast<double>(fit.memory.kv_bytes_per_token) * fit.ctx;
    for (std::uint32_t tp = 1; tp <= m.gpus.size(); tp *= 2) {
        const double have =
            tp * (utilization * static_cast<double>(m.gpus.front().memory_total_bytes) - 1.5 * kGiB);
        if (need <= have && all_heads_divisible(model, tp)) {
            return tp;
        }
    }
    return 0;
}

}  // namespace

CommandInput command_input(const FitResult& fit, const estimate::ModelShape& model,
                           const estimate::Machine& machine, const ModelNames& names,
                           const FitRequest& request) {
    CommandInput in;
    in.gguf_path = names.gguf_path;
    in.hf_gguf_repo = names.hf_gguf_repo;
    in.quant = names.quant;
    in.ollama_tag = names.ollama_tag;
    in.lms_key = names.lms_key;
    in.hf_repo = names.hf_repo;
    in.modelscope_repo = names.modelscope_repo;
    in.modelscope_file = names.modelscope_file;
    in.ctx = fit.ctx;
    double vram_gib = 0;
    for (const auto& g : machine.gpus) {
        vram_gib += to_gib(g.memory_total_bytes);
    }
    in.ollama_default_ctx = std::min(ollama_default_ctx(vram_gib),
                                     model.n_ctx_train > 0 ? model.n_ctx_train : 4096U);
    in.kv_type = std::string(estimate::cache_type_info(request.params.type_k).name);
    in.flash_attn = fit.memory.context.flash_attn;
    in.parallel = request.params.n_seq;
    in.total_layers = fit.placement.total_layers;
    in.gpu_layers = fit.placement.gpu_layers;
    in.output_on_gpu = fit.placement.output_on_gpu;
    in.cpu_moe_layers = fit.placement.cpu_moe_layers;
    in.gpu_split = fit.placement.gpu_split;
    in.threads = machine.cpu.physical_cores;
    const std::uint32_t tp = vllm_tp(model, machine, fit, names.checkpoint, in.gpu_memory_utilization);
    in.vllm_fits = tp > 0;
    in.tensor_parallel = std::max<std::uint32_t>(tp, 1);
    return in;
}

}  // namespace canrun::advise
