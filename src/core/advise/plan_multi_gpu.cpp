#include "advise/plan_multi_gpu.h"

#include <algorithm>
#include <cmath>

#include "util/units.h"

namespace canrun::advise {

namespace {

constexpr double kGpuMemoryUtilization = 0.90;  // vLLM's default --gpu-memory-utilization
constexpr double kActivationGib = 1.5;          // as advise/fit.cpp's vllm_tp

std::uint64_t scaled(std::uint64_t bytes, double factor) {
    return static_cast<std::uint64_t>(std::llround(static_cast<double>(bytes) * factor));
}

}  // namespace

bool tp_divisible(const estimate::ModelShape& model, std::uint32_t tp) {
    if (tp == 0) {
        return false;
    }
    return std::all_of(model.layers.begin(), model.layers.end(), [&](const auto& l) {
        if (l.memory != estimate::LayerMemory::Kv || l.n_head == 0) {
            return true;  // no attention heads to split
        }
        const bool kv_ok = l.n_head_kv == 0 || l.n_head_kv % tp == 0 || tp % l.n_head_kv == 0;
        return l.n_head % tp == 0 && kv_ok;
    });
}

std::uint32_t kv_heads_per_gpu(std::uint32_t n_head_kv, std::uint32_t tp) {
    if (tp == 0 || n_head_kv <= tp) {
        return 1;
    }
    return n_head_kv / tp;
}

double kv_share_per_gpu(const estimate::ModelShape& model, std::uint32_t tp) {
    for (const auto& l : model.layers) {
        if (l.memory == estimate::LayerMemory::Kv && l.n_head_kv > 0) {
            if (model.mla) {
                return 1.0;  // one latent per token, kept whole on every GPU
            }
            return static_cast<double>(kv_heads_per_gpu(l.n_head_kv, tp)) / l.n_head_kv;
        }
    }
    return 1.0 / std::max<std::uint32_t>(tp, 1);
}

estimate::ModelShape checkpoint_shape(const estimate::ModelShape& model,
                                      const CheckpointFormat& format) {
    estimate::ModelShape m = model;
    const double embd_params = static_cast<double>(model.n_embd) * model.n_vocab;
    std::uint64_t total = 0;
    for (auto& l : m.layers) {
        l.expert_weight_bytes = scaled(l.expert_params, format.expert_bytes_per_param);
        l.weight_bytes = scaled(l.weight_params - l.expert_params, format.dense_bytes_per_param) +
                         l.expert_weight_bytes;
        total += l.weight_bytes;
    }
    const double embd_factor = model.token_embd_bytes > 0
                                   ? format.embedding_bytes_per_param * embd_params /
                                         static_cast<double>(model.token_embd_bytes)
                                   : 1.0;
    m.token_embd_bytes = scaled(model.token_embd_bytes, embd_factor);
    m.output_bytes = scaled(model.output_bytes, embd_factor);
    m.other_bytes = scaled(model.other_bytes, embd_factor);
    total += m.token_embd_bytes + m.output_bytes + m.other_bytes;
    m.file_bytes = total;
    return m;
}

bool fast_gpu_link(const catalog::HardwareSpec& gpu) {
    const std::string& id = gpu.id;
    const bool nvidia_module = id.find("sxm") != std::string::npos ||
                              id.find("-nvl") != std::string::npos || id == "b200" ||
                              id == "b300" || id == "gb200";
    const bool amd_oam = id.rfind("instinct-mi2", 0) == 0 || id.rfind("instinct-mi3", 0) == 0;
    return nvidia_module || (amd_oam && id != "instinct-mi210" && id != "instinct-mi300a");
}

namespace {

// Per-GPU speed loads: each of the tp GPUs streams 1/tp of every layer.
estimate::SpeedSplit tensor_split(const estimate::ModelShape& checkpoint, std::uint32_t tp,
                                  std::uint64_t kv_per_token_per_gpu, bool nvlink) {
    const auto whole = estimate::whole_model_on(checkpoint, 0, kv_per_token_per_gpu * tp);
    estimate::SpeedSplit split;
    split.mode = tp > 1 ? estimate::SplitMode::Tensor : estimate::SplitMode::Layer;
    split.nvlink = nvlink;
    for (std::uint32_t i = 0; i < tp; ++i) {
        estimate::DeviceLoad d = whole.devices.front();
        d.gpu = static_cast<int>(i);
        d.dense_weight_bytes /= tp;
        d.expert_weight_bytes /= tp;
        d.dense_params /= tp;
        d.expert_params /= tp;
        d.kv_bytes_per_token = kv_per_token_per_gpu;
        split.devices.push_back(d);
    }
    return split;
}

}  // namespace

void answer_vllm(const estimate::ModelShape& model, const CheckpointFormat& format,
                 const estimate::Machine& node, const VllmLayout& layout, std::uint32_t ctx,
                 const PlanData& data, PlanOption& option) {
    const auto checkpoint = checkpoint_shape(model, format);
    estimate::ContextParams params;
    params.n_ctx = ctx;
    const auto mem = estimate::estimate_memory(checkpoint, params, estimate::Backend::Cuda,
                                               data.memory_tuning);
    const std::uint32_t gpus = layout.tp * layout.pp;
    const double kv_share = kv_share_per_gpu(model, layout.tp) / layout.pp;
    const auto weights = mem.weights_bytes / gpus;
    const auto kv = scaled(mem.context_bytes(), kv_share);
    const std::uint64_t need = weights + kv + static_cast<std::uint64_t>(kActivationGib * kGiB);
    const auto budget = static_cast<std::uint64_t>(
        kGpuMemoryUtilization * static_cast<double>(node.gpus.front().memory_total_bytes));
    auto& p = option.placement;
    p.total_layers = model.n_layer();
    for (std::uint32_t i = 0; i < gpus; ++i) {
        const std::uint32_t layers = model.n_layer() / layout.pp +
                                     (i / layout.tp < model.n_layer() % layout.pp ? 1 : 0);
        p.devices.push_back({node.gpus.front().name, i / layout.tp, need, budget, layers});
    }
    p.total_bytes = need * gpus;
    option.fits = need <= budget;
    p.mode = option.fits ? estimate::PlacementMode::FullGpu : estimate::PlacementMode::WontFit;
    p.gpu_layers = option.fits ? model.n_layer() : 0;
    p.shortfall_bytes = option.fits ? 0 : (need - budget) * gpus;
    if (!option.fits) {
        return;
    }
    estimate::SpeedQuery q;
    q.quant = format.speed_quant;
    const auto kv_pt = scaled(mem.kv_bytes_per_token, kv_share_per_gpu(model, layout.tp));
    const auto split = tensor_split(checkpoint, layout.tp, kv_pt, layout.nvlink);
    option.speed = estimate::estimate_speed(checkpoint, node, split, q, data.speed_tuning);
    option.max_ctx = 0;
}

}  // namespace canrun::advise
