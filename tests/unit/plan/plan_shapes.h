// Model shapes for the plan tests: hand-built from public config.json values (heads, KV heads,
// layers), with weights at about Q4_K_M (4.9 bits per weight).
#pragma once

#include <cstdint>

#include "estimate/model_shape.h"

namespace canrun::advise::test {

// A dense transformer: `layers` layers of `params_per_layer` parameters, GQA heads as given.
inline estimate::ModelShape dense(std::uint32_t layers, std::uint32_t n_head, std::uint32_t n_kv,
                                  std::uint32_t n_embd, std::uint64_t params_per_layer) {
    estimate::ModelShape m;
    m.arch = "llama";
    m.n_embd = n_embd;
    m.n_vocab = 128256;
    m.n_ctx_train = 131072;
    estimate::LayerShape l;
    l.n_head = n_head;
    l.n_head_kv = n_kv;
    l.head_dim_k = n_embd / n_head;
    l.head_dim_v = n_embd / n_head;
    l.n_ff = 4 * n_embd;
    l.weight_params = params_per_layer;
    l.weight_bytes = params_per_layer * 49 / 80;  // 4.9 bits per weight
    m.layers.assign(layers, l);
    const std::uint64_t embd = static_cast<std::uint64_t>(n_embd) * m.n_vocab;
    m.token_embd_bytes = embd * 45 / 80;
    m.output_bytes = embd * 66 / 80;
    m.params = layers * params_per_layer + 2 * embd;
    m.active_params = m.params;
    m.file_bytes = m.weight_bytes();
    return m;
}

// Llama-3.3-70B: 80 layers, 64 heads, 8 KV heads, hidden 8192 (meta-llama config.json).
inline estimate::ModelShape llama70b() { return dense(80, 64, 8, 8192, 855638016ULL); }

// Llama-3.1-8B: 32 layers, 32 heads, 8 KV heads, hidden 4096.
inline estimate::ModelShape llama8b() { return dense(32, 32, 8, 4096, 218112000ULL); }

// Qwen2.5-7B: 28 heads and 4 KV heads (Qwen/Qwen2.5-7B-Instruct config.json).
inline estimate::ModelShape qwen7b() { return dense(28, 28, 4, 3584, 233000000ULL); }

}  // namespace canrun::advise::test
