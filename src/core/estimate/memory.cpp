#include "estimate/memory.h"

#include <algorithm>

namespace canrun::estimate {

namespace {

bool block_divides_heads(const ModelShape& m, CacheType type, bool keys) {
    const auto block = cache_type_info(type).block_elems;
    return std::all_of(m.layers.begin(), m.layers.end(), [&](const LayerShape& l) {
        if (l.memory != LayerMemory::Kv) {
            return true;
        }
        return (keys ? l.head_dim_k : l.head_dim_v) % block == 0;
    });
}

void add_notes(const ModelShape& m, const ContextParams& p, MemoryEstimate& e) {
    if (e.context.ctx_from_model) {
        e.notes.emplace_back(m.n_ctx_train > 0 ? "memory.ctx_from_model" : "memory.ctx_fallback");
    }
    if (e.context.swa_cells > 0) {
        e.notes.emplace_back("memory.swa_cache");
    }
    if (m.mla) {
        e.notes.emplace_back(p.mla_cache == MlaCache::LatentOnly ? "memory.mla_latent_only"
                                                                 : "memory.mla_latent_and_v");
    }
    if (e.state_bytes > 0) {
        e.notes.emplace_back("memory.recurrent_state");
    }
    if (m.mla && !e.context.flash_attn) {
        e.notes.emplace_back("memory.mla_without_flash_attn");
    }
}

}  // namespace

std::optional<ContextProblem> check_context(const ModelShape& model, const ContextParams& params) {
    const auto v_info = cache_type_info(params.type_v);
    if (v_info.quantized && params.flash_attn == FlashAttn::Off) {
        return ContextProblem::QuantizedVNeedsFlashAttn;
    }
    const bool fa_possible = params.flash_attn != FlashAttn::Off;
    if (fa_possible && !block_divides_heads(model, params.type_k, true)) {
        return ContextProblem::KBlockDoesNotDivideHead;
    }
    if (fa_possible && !block_divides_heads(model, params.type_v, false)) {
        return ContextProblem::VBlockDoesNotDivideHead;
    }
    return std::nullopt;
}

MemoryEstimate estimate_memory(const ModelShape& model, const ContextParams& params,
                               Backend backend, const MemoryTuning& tuning) {
    MemoryEstimate e;
    e.backend = backend;
    e.context = context_size(model, params, backend);
    const auto caches = kv_cache_layers(model, params, e.context);
    e.layers.resize(model.layers.size());
    for (std::size_t il = 0; il < model.layers.size(); ++il) {
        auto& l = e.layers[il];
        l.weight_bytes = model.layers[il].weight_bytes;
        l.kv_bytes = caches[il].kv_bytes();
        l.state_bytes = caches[il].state_bytes;
        e.kv_bytes += l.kv_bytes;
        e.state_bytes += l.state_bytes;
    }
    e.token_embd_bytes = model.token_embd_bytes;
    e.output_bytes = model.output_bytes;
    e.other_bytes = model.other_bytes;
    e.weights_bytes = model.weight_bytes();
    e.kv_bytes_per_token = kv_bytes_per_token(model, params);
    e.compute = compute_buffer(model, params, e.context, backend, tuning);
    e.output_buffer_bytes = output_buffer_bytes(model, e.context);
    e.overhead_bytes = runtime_overhead_bytes(backend, tuning);
    add_notes(model, params, e);
    return e;
}

}  // namespace canrun::estimate
