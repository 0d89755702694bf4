// ArchSpec: a model architecture as a catalog (or a HF config.json) describes it, in llama.cpp's
// terms. catalog/synthetic_gguf turns it into the GGUF header llama.cpp's converter + quantizer
// would write, so catalog models go through the same model-facts and memory code as real files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace canrun::catalog {

struct ArchSpec {
    std::string arch;   // GGUF general.architecture: "llama", "qwen2", "qwen3moe", "gemma3", ...
    std::string name;   // general.name
    std::string source; // where the numbers come from (HF config.json URL)

    std::uint32_t n_layer = 0;
    std::uint32_t n_embd = 0;
    std::uint32_t n_ff = 0;         // dense FFN width (MoE: of the leading dense blocks)
    std::uint32_t n_head = 0;
    std::uint32_t n_head_kv = 0;    // 0 = n_head (no GQA)
    std::uint32_t head_dim_k = 0;   // 0 = n_embd / n_head
    std::uint32_t head_dim_v = 0;   // 0 = head_dim_k
    std::uint32_t n_vocab = 0;
    std::uint32_t n_ctx_train = 0;
    std::uint32_t n_rot = 0;        // RoPE dimensions; 0 = head_dim_k
    double rope_freq_base = 10000.0;
    double norm_rms_eps = 1e-5;

    bool tied_embeddings = false;   // no output.weight
    bool attn_bias = false;         // q/k/v biases (qwen2)
    bool qk_norm = false;           // attn_q_norm / attn_k_norm (qwen3, gemma3)
    bool post_norms = false;        // post_attention_norm / post_ffw_norm (gemma2, gemma3)
    bool rope_freqs = false;        // rope_freqs.weight of n_rot/2 floats (llama 3.1+ rope scaling)

    // Mixture of experts.
    std::uint32_t n_expert = 0;
    std::uint32_t n_expert_used = 0;
    std::uint32_t n_expert_shared = 0;
    std::uint32_t n_ff_expert = 0;      // per routed expert
    std::uint32_t n_ff_shexp = 0;       // all shared experts together; 0 = n_ff_expert * shared
    std::uint32_t n_leading_dense = 0;  // first layers with a dense FFN (DeepSeek)
    std::uint32_t moe_every = 1;        // every Nth layer is MoE, the rest dense (Llama 4 Maverick: 2)
    double expert_weights_scale = 0.0;  // DeepSeek routed_scaling_factor (0 = not written)
    bool expert_weights_norm = false;   // norm_topk_prob

    // Per-layer embeddings (Gemma 3n): a second embedding table of per_layer_embd values per layer
    // and token, plus the AltUp and LAuReL blocks around each layer.
    std::uint32_t per_layer_embd = 0;     // hidden_size_per_layer_input (n_embd_altup)
    std::uint32_t n_vocab_per_layer = 0;  // rows of per_layer_token_embd; 0 = n_vocab

    // Sliding window attention (the layer pattern is fixed per arch in llama.cpp).
    std::uint32_t n_swa = 0;
    double attn_logit_softcap = 0.0;    // gemma2
    double final_logit_softcap = 0.0;   // gemma2

    // Multi-head latent attention (DeepSeek-V2/V3, Kimi K2).
    std::uint32_t q_lora_rank = 0;  // 0: a plain attn_q (V2-Lite)
    std::uint32_t kv_lora_rank = 0;
    std::uint32_t qk_rope_dim = 0;
    std::uint32_t qk_nope_dim = 0;
    std::uint32_t v_head_dim_mla = 0;

    bool mla() const { return kv_lora_rank != 0; }
    bool moe() const { return n_expert > 1; }
    std::uint32_t kv_heads() const { return n_head_kv != 0 ? n_head_kv : n_head; }
    std::uint32_t head_k() const { return head_dim_k != 0 ? head_dim_k : n_embd / n_head; }
    std::uint32_t head_v() const { return head_dim_v != 0 ? head_dim_v : head_k(); }
    std::uint32_t rot() const { return n_rot != 0 ? n_rot : head_k(); }
    std::uint32_t shexp_ff() const {
        return n_ff_shexp != 0 ? n_ff_shexp : n_ff_expert * n_expert_shared;
    }
    // llama.cpp llama4: layer il is MoE when (il + 1) % interleave_moe_layer_step == 0.
    bool moe_layer(std::uint32_t il) const {
        return moe() && il >= n_leading_dense && (moe_every <= 1 || (il + 1) % moe_every == 0);
    }
};

// The GGUF architecture llama.cpp's converter writes for a HF config.json "model_type"
// ("mistral" and "llama" both become "llama"); empty when unknown.
inline std::string_view gguf_arch_for_hf(std::string_view model_type) {
    struct Pair {
        std::string_view hf, gguf;
    };
    constexpr Pair kPairs[] = {
        {"llama", "llama"},     {"mistral", "llama"},       {"qwen2", "qwen2"},
        {"qwen3", "qwen3"},     {"qwen3_moe", "qwen3moe"},  {"gemma", "gemma"},
        {"gemma2", "gemma2"},   {"gemma3", "gemma3"},       {"gemma3_text", "gemma3"},
        {"phi3", "phi3"},       {"deepseek_v2", "deepseek2"}, {"deepseek_v3", "deepseek2"},
        {"gpt_oss", "gpt-oss"}, {"mixtral", "llama"},       {"qwen2_moe", "qwen2moe"},
    };
    for (const auto& p : kPairs) {
        if (p.hf == model_type) return p.gguf;
    }
    return {};
}

}  // namespace canrun::catalog
