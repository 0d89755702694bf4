// ModelShapes of real models (from their GGUF metadata) for the memory tests.
#pragma once

#include <cstdint>

#include "estimate/model_shape.h"

namespace canrun::estimate::shapes {

// n_layer layers of attention with n_head_kv x head_dim K and V.
inline ModelShape transformer(std::uint32_t n_layer, std::uint32_t n_embd, std::uint32_t n_head,
                              std::uint32_t n_head_kv, std::uint32_t head_dim, std::uint32_t n_vocab,
                              std::uint32_t n_ff = 0) {
    ModelShape m;
    m.arch = "llama";
    m.n_embd = n_embd;
    m.n_vocab = n_vocab;
    m.n_ctx_train = 131072;
    LayerShape l;
    l.n_head = n_head;
    l.n_head_kv = n_head_kv;
    l.head_dim_k = head_dim;
    l.head_dim_v = head_dim;
    l.n_ff = n_ff;
    m.layers.assign(n_layer, l);
    return m;
}

// Llama-3.1-8B: 32 layers, 4096, 32 heads / 8 KV heads x 128, vocab 128256.
inline ModelShape llama31_8b() { return transformer(32, 4096, 32, 8, 128, 128256, 14336); }

// Qwen2.5-32B: 64 layers, 5120, 40 heads / 8 KV heads x 128, vocab 152064.
inline ModelShape qwen25_32b() { return transformer(64, 5120, 40, 8, 128, 152064, 27648); }

// Mistral-7B-v0.1 class: 32 layers, 4096, 32 / 8 x 128, vocab 32000 (logdetective logs: 32768).
inline ModelShape mistral_7b() { return transformer(32, 4096, 32, 8, 128, 32768, 14336); }

// The presets of bench/accuracy/memory (HF config.json values).
inline ModelShape llama32_1b() { return transformer(16, 2048, 32, 8, 64, 128256, 8192); }
inline ModelShape llama32_3b() { return transformer(28, 3072, 24, 8, 128, 128256, 8192); }
inline ModelShape mistral_7b_v01() { return transformer(32, 4096, 32, 8, 128, 32000, 14336); }
inline ModelShape qwen25_14b() { return transformer(48, 5120, 40, 8, 128, 152064, 13824); }
inline ModelShape qwen3_30b_a3b() { return transformer(48, 2048, 32, 4, 128, 151936, 6144); }

// Gemma-2-9B: 42 layers, 16 heads / 8 KV heads x 256, window 4096 on every other layer.
inline ModelShape gemma2_9b() {
    auto m = transformer(42, 3584, 16, 8, 256, 256000, 14336);
    m.arch = "gemma2";
    m.n_swa = 4096;
    for (std::uint32_t il = 0; il < 42; ++il) {
        m.layers[il].sliding_window = il % 2 == 0;
    }
    return m;
}

// DeepSeek-V2-Lite: 27 layers, 2048, 16 heads; MLA cache K 576 / V 512, one KV head.
inline ModelShape deepseek_v2_lite() {
    auto m = transformer(27, 2048, 16, 1, 576, 102400, 10944);
    m.arch = "deepseek2";
    m.mla = true;
    m.kv_lora_rank = 512;
    for (auto& l : m.layers) {
        l.head_dim_v = 512;
    }
    return m;
}

// Gemma-3-27B: 62 layers, 5376, 32 heads / 16 KV heads x 128, window 1024, 5 local : 1 global.
inline ModelShape gemma3_27b() {
    auto m = transformer(62, 5376, 32, 16, 128, 262208);
    m.arch = "gemma3";
    m.n_swa = 1024;
    for (std::uint32_t il = 0; il < 62; ++il) {
        m.layers[il].sliding_window = il % 6 < 5;
    }
    return m;
}

// Qwen3-Next-80B-A3B: 48 layers, layer il recurrent iff (il + 1) % 4 != 0; attention 16 heads /
// 2 KV heads x 256; gated delta net d_conv 4, d_inner 4096, d_state 128, n_group 16.
inline ModelShape qwen3_next() {
    auto m = transformer(48, 2048, 16, 2, 256, 151936);
    m.arch = "qwen3next";
    for (std::uint32_t il = 0; il < 48; ++il) {
        if ((il + 1) % 4 != 0) {
            m.layers[il].memory = LayerMemory::Recurrent;
            m.layers[il].recurrent_state = true;
            m.layers[il].n_head_kv = 0;
        }
    }
    m.recurrent_conv_elems = 3 * (4096 + 2 * 16 * 128);
    m.recurrent_ssm_elems = 128 * 4096;
    return m;
}

// DeepSeek-V3: 61 layers, 7168, 128 heads; MLA cache: 1 KV head, K 576 (512 latent + 64 rope),
// V 512.
inline ModelShape deepseek_v3() {
    auto m = transformer(61, 7168, 128, 1, 576, 129280);
    m.arch = "deepseek2";
    m.mla = true;
    m.kv_lora_rank = 512;
    for (auto& l : m.layers) {
        l.head_dim_v = 512;
    }
    return m;
}

}  // namespace canrun::estimate::shapes
