#include "estimate/kv_cache.h"

#include <algorithm>

namespace canrun::estimate {

namespace {

std::uint64_t k_row_elems(const LayerShape& l) { return std::uint64_t{l.n_head_kv} * l.head_dim_k; }
std::uint64_t v_row_elems(const LayerShape& l) { return std::uint64_t{l.n_head_kv} * l.head_dim_v; }

bool stores_v(const ModelShape& m, const ContextParams& p) {
    return !(m.mla && p.mla_cache == MlaCache::LatentOnly);
}

// Without flash attention V is stored transposed, and llama.cpp pads every layer's V rows to
// the largest n_embd_v_gqa when they differ (llama-kv-cache.cpp).
std::uint64_t v_row_for(const ModelShape& m, const LayerShape& l, bool flash_attn) {
    return flash_attn ? v_row_elems(l) : max_v_row_elems(m);
}

}  // namespace

std::uint64_t max_k_row_elems(const ModelShape& model) {
    std::uint64_t best = 0;
    for (const auto& l : model.layers) {
        if (l.memory == LayerMemory::Kv) {
            best = std::max(best, k_row_elems(l));
        }
    }
    return best;
}

std::uint64_t max_v_row_elems(const ModelShape& model) {
    std::uint64_t best = 0;
    for (const auto& l : model.layers) {
        if (l.memory == LayerMemory::Kv) {
            best = std::max(best, v_row_elems(l));
        }
    }
    return best;
}

std::vector<LayerCache> kv_cache_layers(const ModelShape& model, const ContextParams& params,
                                        const ContextSize& ctx) {
    const std::uint64_t state_per_seq = 4 * (model.recurrent_conv_elems + model.recurrent_ssm_elems);
    const bool with_v = stores_v(model, params);
    std::vector<LayerCache> out(model.layers.size());
    for (std::size_t il = 0; il < model.layers.size(); ++il) {
        const auto& l = model.layers[il];
        auto& c = out[il];
        if (l.recurrent_state || l.memory == LayerMemory::Recurrent) {
            c.state_bytes = state_per_seq * std::max<std::uint32_t>(1, ctx.n_seq);
        }
        if (l.memory != LayerMemory::Kv) {
            continue;
        }
        c.cells = l.sliding_window && ctx.swa_cells > 0 ? ctx.swa_cells : ctx.n_ctx_seq;
        const std::uint64_t cells = std::uint64_t{c.cells} * ctx.n_stream;
        c.k_bytes = cells * cache_row_bytes(params.type_k, k_row_elems(l));
        if (with_v) {
            c.v_bytes = cells * cache_row_bytes(params.type_v, v_row_for(model, l, ctx.flash_attn));
        }
    }
    return out;
}

std::uint64_t kv_bytes_per_token(const ModelShape& model, const ContextParams& params) {
    const bool with_v = stores_v(model, params);
    std::uint64_t sum = 0;
    for (const auto& l : model.layers) {
        if (l.memory != LayerMemory::Kv || (l.sliding_window && model.n_swa > 0)) {
            continue;
        }
        sum += cache_row_bytes(params.type_k, k_row_elems(l));
        if (with_v) {
            sum += cache_row_bytes(params.type_v, v_row_elems(l));
        }
    }
    return sum;
}

}  // namespace canrun::estimate
