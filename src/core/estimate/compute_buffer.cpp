#include "estimate/compute_buffer.h"

#include <algorithm>
#include <cmath>

#include "estimate/kv_cache.h"

namespace canrun::estimate {

namespace {

std::uint32_t max_attention_heads(const ModelShape& m) {
    std::uint32_t best = 0;
    for (const auto& l : m.layers) {
        if (l.memory == LayerMemory::Kv) {
            best = std::max(best, l.n_head);
        }
    }
    return best;
}

std::uint32_t max_ffn_width(const ModelShape& m) {
    std::uint32_t best = 0;
    for (const auto& l : m.layers) {
        best = std::max(best, l.n_ff);
    }
    return best;
}

std::uint64_t scaled(double factor, std::uint64_t bytes) {
    return static_cast<std::uint64_t>(std::llround(factor * static_cast<double>(bytes)));
}

// CUDA (and ROCm, the same code through HIP) since ggml commit f64a9cc5 (2026-06): the flash
// attention op reserves F16 copies of one layer's K and V when they are not F16 already
// (fattn.cu ggml_cuda_flash_attn_ext_get_alloc_size, tile/MMA kernels). V is skipped when it is
// a view of K (MLA latent-only cache).
std::uint64_t f16_kv_copy_bytes(const ModelShape& m, const ContextParams& p, const ContextSize& c) {
    std::uint64_t elems = 0;
    if (p.type_k != CacheType::F16) {
        elems += max_k_row_elems(m);
    }
    const bool v_is_k_view = m.mla && p.mla_cache == MlaCache::LatentOnly;
    if (p.type_v != CacheType::F16 && !v_is_k_view) {
        elems += max_v_row_elems(m);
    }
    return 2 * std::uint64_t{c.n_kv} * elems;
}

bool is_gpu(Backend b) { return b != Backend::Cpu; }

}  // namespace

std::uint64_t logits_bytes(const ModelShape& model, std::uint32_t n_ubatch) {
    return 4 * std::uint64_t{n_ubatch} * (std::uint64_t{model.n_vocab} + model.n_embd);
}

ComputeBuffer compute_buffer(const ModelShape& model, const ContextParams& params,
                             const ContextSize& ctx, Backend backend, const MemoryTuning& tuning) {
    const std::uint64_t n_ub = ctx.n_ubatch;
    const std::uint64_t n_kv = ctx.n_kv;
    const std::uint64_t hidden = 4 * n_ub * model.n_embd;  // E
    const std::uint64_t logits = logits_bytes(model, ctx.n_ubatch);  // L
    const std::uint32_t n_head = max_attention_heads(model);
    const bool gpu = is_gpu(backend);
    ComputeBuffer out;
    if (gpu) {
        out.host_bytes = hidden + (n_head > 0 ? 4 * n_ub * n_kv : 0);  // embeddings rows + F32 mask
    }
    if (n_head == 0) {  // no attention layer: no KQ, no mask
        out.device_bytes = logits + scaled(tuning.recurrent_hidden_states, hidden);
        return out;
    }
    if (!ctx.flash_attn) {
        // F32 KQ scores [n_kv, n_ub, n_head] + the F32 mask; MLA keeps one more [n_kv, n_ub].
        const std::uint64_t rows = std::uint64_t{n_head} + 1 + (model.mla ? 1 : 0);
        const std::uint64_t kq = 4 * n_ub * n_kv * rows;
        out.device_bytes = gpu ? std::max(logits, kq + scaled(tuning.fa_off_hidden_states_gpu, hidden))
                               : std::max(logits + hidden, kq + scaled(tuning.fa_off_hidden_states_cpu, hidden));
        return out;
    }
    const std::uint64_t ffn = 4 * n_ub * max_ffn_width(model);
    const std::uint64_t mid = scaled(tuning.fa_on_ffn_intermediates, ffn) + 2 * n_ub * n_kv + hidden / 2;
    out.device_bytes = std::max(logits + hidden, mid);
    if (backend == Backend::Cuda || backend == Backend::Rocm) {
        out.device_bytes += f16_kv_copy_bytes(model, params, ctx);
    }
    return out;
}

std::uint64_t output_buffer_bytes(const ModelShape& model, const ContextSize& ctx) {
    return 4 * std::uint64_t{ctx.n_seq} * model.n_vocab;
}

std::uint64_t runtime_overhead_bytes(Backend backend, const MemoryTuning& t) {
    switch (backend) {
        case Backend::Cpu: return t.cpu_runtime_bytes;
        case Backend::Cuda: return t.cuda_runtime_bytes;
        case Backend::Rocm: return t.rocm_runtime_bytes;
        case Backend::Metal: return t.metal_runtime_bytes;
        case Backend::Vulkan: return t.vulkan_runtime_bytes;
        case Backend::Sycl: return t.sycl_runtime_bytes;
    }
    return 0;
}

}  // namespace canrun::estimate
