#include "report/fit_explanation.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "catalog/model_arch_spec.h"
#include "estimate/compute_buffer.h"
#include "estimate/kv_cache.h"
#include "gguf/llama_ftype.h"
#include "gguf/model_facts.h"
#include "gguf/tensor_class.h"
#include "report/fit_report.h"

namespace canrun::report {

namespace {

using u64 = std::uint64_t;

u64 sat_sub(u64 a, u64 b) { return a > b ? a - b : 0; }

std::string cache_name(estimate::CacheType t) {
    return std::string(estimate::cache_type_info(t).name);
}

auto group_key(const KvGroup& g) {
    return std::tie(g.sliding_window, g.cells, g.kv_heads, g.head_dim_k, g.head_dim_v,
                    g.k_row_bytes, g.v_row_bytes);
}

KvExplanation explain_kv(const ExplainInput& in) {
    const auto& shape = *in.shape;
    const auto& mem = in.fit->memory;
    KvExplanation kv;
    kv.type_k = cache_name(in.params.type_k);
    kv.type_v = cache_name(in.params.type_v);
    kv.flash_attn = mem.context.flash_attn;
    kv.mla = shape.mla;
    kv.mla_latent_only = shape.mla && in.params.mla_cache == estimate::MlaCache::LatentOnly;
    kv.kv_lora_rank = shape.kv_lora_rank;
    kv.sequences = mem.context.n_seq;
    kv.state_bytes_per_sequence = 4 * (shape.recurrent_conv_elems + shape.recurrent_ssm_elems);
    kv.state_bytes = mem.state_bytes;
    kv.bytes_per_token = mem.kv_bytes_per_token;
    kv.kv_bytes = mem.kv_bytes;
    const auto caches = estimate::kv_cache_layers(shape, in.params, mem.context);
    for (std::size_t il = 0; il < caches.size(); ++il) {
        const auto& c = caches[il];
        const auto& l = shape.layers[il];
        kv.recurrent_layers += c.state_bytes > 0 ? 1 : 0;
        if (c.cells == 0) {
            continue;
        }
        const u64 rows = u64{c.cells} * mem.context.n_stream;
        KvGroup g{1, l.sliding_window, c.cells, mem.context.n_stream, l.n_head_kv, l.head_dim_k,
                  l.head_dim_v, c.k_bytes / rows, c.v_bytes / rows, c.kv_bytes()};
        auto same = std::find_if(kv.groups.begin(), kv.groups.end(),
                                 [&](const KvGroup& o) { return group_key(o) == group_key(g); });
        if (same == kv.groups.end()) {
            kv.groups.push_back(g);
        } else {
            ++same->layers;
            same->bytes += g.bytes;
        }
    }
    return kv;
}

std::uint32_t max_of(const estimate::ModelShape& m, std::uint32_t estimate::LayerShape::*field,
                     bool kv_only) {
    std::uint32_t best = 0;
    for (const auto& l : m.layers) {
        if (!kv_only || l.memory == estimate::LayerMemory::Kv) {
            best = std::max(best, l.*field);
        }
    }
    return best;
}

// The formula compute_buffer() applied (estimate/compute_buffer.cpp), with its terms named.
void compute_formula(const ExplainInput& in, ComputeExplanation& c) {
    const auto& t = in.tuning;
    const bool gpu = in.fit->backend != estimate::Backend::Cpu;
    if (c.n_head == 0) {
        c.formula = fmt::format("L + {:g} E", t.recurrent_hidden_states);
        return;
    }
    if (!c.flash_attn) {
        const u64 rows = u64{c.n_head} + 1 + (in.shape->mla ? 1 : 0);
        c.kq_bytes = 4 * u64{c.n_ubatch} * c.n_kv * rows;
        c.formula = gpu ? fmt::format("max(L, KQ + {:g} E)", t.fa_off_hidden_states_gpu)
                        : fmt::format("max(L + E, KQ + {:g} E)", t.fa_off_hidden_states_cpu);
        return;
    }
    c.ffn_bytes = 4 * u64{c.n_ubatch} * c.n_ff;
    c.formula = fmt::format("max(L + E, {:g} F + 2 x n_ubatch x n_kv + E/2)",
                            t.fa_on_ffn_intermediates);
    const auto mid = static_cast<u64>(std::llround(t.fa_on_ffn_intermediates *
                                                   static_cast<double>(c.ffn_bytes))) +
                     2 * u64{c.n_ubatch} * c.n_kv + c.hidden_bytes / 2;
    if (c.device_bytes > std::max(c.logits_bytes + c.hidden_bytes, mid)) {
        c.formula += " + F16 copy of one layer's K/V";
    }
}

ComputeExplanation explain_compute(const ExplainInput& in) {
    const auto& mem = in.fit->memory;
    const auto& shape = *in.shape;
    ComputeExplanation c;
    c.backend = backend_name(in.fit->backend);
    c.flash_attn = mem.context.flash_attn;
    c.n_ubatch = mem.context.n_ubatch;
    c.n_kv = mem.context.n_kv;
    c.n_embd = shape.n_embd;
    c.n_vocab = shape.n_vocab;
    c.n_seq = mem.context.n_seq;
    c.n_head = max_of(shape, &estimate::LayerShape::n_head, true);
    c.n_ff = max_of(shape, &estimate::LayerShape::n_ff, false);
    c.logits_bytes = estimate::logits_bytes(shape, c.n_ubatch);
    c.hidden_bytes = 4 * u64{c.n_ubatch} * c.n_embd;
    c.device_bytes = mem.compute.device_bytes;
    c.host_bytes = mem.compute.host_bytes;
    c.output_buffer_bytes = mem.output_buffer_bytes;
    compute_formula(in, c);
    return c;
}

DeviceExplanation explain_device(const ExplainInput& in, const estimate::DevicePlacement& d) {
    const auto& fit = *in.fit;
    DeviceExplanation e;
    e.device = d.device;
    e.gpu = d.gpu >= 0;
    e.budget_bytes = d.budget_bytes;
    e.layers = d.layers;
    e.weight_bytes = d.weight_bytes;
    e.expert_bytes = d.expert_bytes;
    e.kv_bytes = d.kv_bytes;
    e.holds_output = d.holds_output;
    e.bytes = d.bytes;
    if (!e.gpu) {
        const auto& cpu = in.machine->cpu;
        e.source_bytes = cpu.ram_available_bytes > 0 ? cpu.ram_available_bytes : cpu.ram_total_bytes;
        return e;
    }
    if (fit.backend == estimate::Backend::Cpu) {
        return e;  // --cpu-only: the GPU takes nothing
    }
    e.runtime_bytes = fit.memory.overhead_bytes;
    e.margin_bytes = in.gpu_margin_bytes;
    e.compute_bytes = fit.memory.compute.device_bytes;
    e.room_bytes = sat_sub(e.budget_bytes, e.runtime_bytes + e.margin_bytes + e.compute_bytes);
    return e;
}

// Bytes by class from the facts, when the tensors' types are not at hand.
std::vector<WeightClass> classes_of(const gguf::ModelFacts& f) {
    std::vector<WeightClass> out;
    for (int c = 0; c < gguf::kTensorClassCount; ++c) {
        if (f.class_bytes[c] > 0) {
            out.push_back({std::string(gguf::tensor_class_id(static_cast<gguf::TensorClass>(c))),
                           f.class_bytes[c], 0, {}});
        }
    }
    return out;
}

}  // namespace

const char* backend_name(estimate::Backend b) {
    switch (b) {
        case estimate::Backend::Cpu: return "CPU";
        case estimate::Backend::Cuda: return "CUDA";
        case estimate::Backend::Metal: return "Metal";
        case estimate::Backend::Rocm: return "ROCm";
        case estimate::Backend::Vulkan: return "Vulkan";
        case estimate::Backend::Sycl: return "SYCL";
    }
    return "?";
}

std::vector<WeightClass> weight_classes(const gguf::GgufFile& file) {
    std::vector<WeightClass> out(gguf::kTensorClassCount);
    for (int c = 0; c < gguf::kTensorClassCount; ++c) {
        out[c].id = std::string(gguf::tensor_class_id(static_cast<gguf::TensorClass>(c)));
    }
    for (const auto& t : file.tensors) {
        auto& cls = out[static_cast<int>(gguf::classify_tensor(t.name))];
        cls.bytes += t.bytes;
        cls.params += t.elements;
        auto it = std::find_if(cls.types.begin(), cls.types.end(),
                               [&](const WeightType& w) { return w.type == t.type.name; });
        if (it == cls.types.end()) {
            cls.types.push_back({std::string(t.type.name), 0, 0});
            it = cls.types.end() - 1;
        }
        it->bytes += t.bytes;
        ++it->tensors;
    }
    std::erase_if(out, [](const WeightClass& c) { return c.bytes == 0; });
    for (auto& c : out) {
        std::sort(c.types.begin(), c.types.end(), [](const WeightType& a, const WeightType& b) {
            return a.bytes != b.bytes ? a.bytes > b.bytes : a.type < b.type;
        });
    }
    return out;
}

FitExplanation explain_fit(const ExplainInput& in) {
    const auto& fit = *in.fit;
    FitExplanation e;
    e.weights = in.weights;
    e.weights_bytes = fit.memory.weights_bytes;
    e.kv = explain_kv(in);
    e.compute = explain_compute(in);
    e.runtime_backend = backend_name(fit.backend);
    e.runtime_bytes = fit.memory.overhead_bytes;
    e.total_bytes = fit.memory.total_bytes();
    e.mode = estimate::to_string(fit.placement.mode);
    e.gpu_margin_bytes = in.gpu_margin_bytes;
    for (const auto& d : fit.placement.devices) {
        e.devices.push_back(explain_device(in, d));
    }
    e.max_ctx = fit.max_ctx;
    e.max_ctx_full_gpu = fit.max_ctx_full_gpu;
    // advise/fit.cpp max_context: bisects up to the trained context (131072 when unknown).
    e.ctx_limit = in.shape->n_ctx_train > 0 ? in.shape->n_ctx_train : 131072;
    return e;
}

FitExplanation explain_pick(const advise::Pick& p, const estimate::Machine& m,
                            const std::string& kv_type) {
    ExplainInput in;
    in.shape = &p.shape;
    const auto type = estimate::cache_type_by_name(kv_type).value_or(estimate::CacheType::F16);
    in.params.type_k = type;
    in.params.type_v = type;
    in.fit = &p.fit;
    in.machine = &m;
    if (const auto ftype = gguf::llama_ftype_by_name(p.quant)) {
        if (const auto file = catalog::predict_gguf(*p.model, ftype->ftype)) {
            in.weights = weight_classes(*file);
        }
    }
    return explain_fit(in);
}

FitExplanation explain_report(const FitReport& r) {
    const auto shape = gguf::to_model_shape(r.facts);
    ExplainInput in;
    in.shape = &shape;
    in.params = r.params;
    in.fit = &*r.fit;
    in.machine = r.machine;
    in.weights = r.weight_classes.empty() ? classes_of(r.facts) : r.weight_classes;
    return explain_fit(in);
}

}  // namespace canrun::report
