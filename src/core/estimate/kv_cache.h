// KV cache and recurrent state, per layer, as llama.cpp allocates them: K and V rows per cell
// (GQA, sliding window, MLA latent), cells from ContextSize, F32 recurrent state per sequence.
#pragma once

#include <cstdint>
#include <vector>

#include "estimate/context_params.h"
#include "estimate/model_shape.h"

namespace canrun::estimate {

struct LayerCache {
    std::uint32_t cells = 0;        // cells per stream (0: no KV cache)
    std::uint64_t k_bytes = 0;
    std::uint64_t v_bytes = 0;
    std::uint64_t state_bytes = 0;  // recurrent conv + SSM state, all sequences

    std::uint64_t kv_bytes() const { return k_bytes + v_bytes; }
    std::uint64_t total_bytes() const { return k_bytes + v_bytes + state_bytes; }
};

std::vector<LayerCache> kv_cache_layers(const ModelShape& model, const ContextParams& params,
                                        const ContextSize& ctx);

// K + V bytes one more context token costs in every full-attention layer (SWA layers stop
// growing at their window). For speed: bytes read per token of depth.
std::uint64_t kv_bytes_per_token(const ModelShape& model, const ContextParams& params);

// The largest per-layer K and V row (elements) of any KV layer: n_embd_k_gqa, n_embd_v_gqa.
std::uint64_t max_k_row_elems(const ModelShape& model);
std::uint64_t max_v_row_elems(const ModelShape& model);

}  // namespace canrun::estimate
