// ModelShape: everything the estimates need to know about a model, resolved per layer.
// Built from a GGUF file (gguf/model_facts -> to_model_shape) or from a catalog entry plus a
// quantization recipe (catalog/). Plain data: no I/O, standard headers only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace canrun::estimate {

// How a layer keeps its past: a KV cache, a recurrent state, or nothing.
enum class LayerMemory {
    Kv,         // attention with a KV cache (standard, GQA, MLA)
    Recurrent,  // Mamba / RWKV / gated delta net: fixed-size state, independent of context
    None,       // no per-token memory (e.g. a layer that shares another layer's KV)
};

struct LayerShape {
    LayerMemory memory = LayerMemory::Kv;
    std::uint32_t n_head = 0;     // query heads
    std::uint32_t n_head_kv = 0;  // KV heads (0 when memory != Kv)
    std::uint32_t head_dim_k = 0; // K elements per KV head (MLA: kv_lora_rank + rope dims)
    std::uint32_t head_dim_v = 0; // V elements per KV head (MLA: kv_lora_rank)
    bool sliding_window = false;  // uses the SWA cache (n_swa cells, not the full context)
    std::uint32_t n_ff = 0;       // dense feed-forward width ({arch}.feed_forward_length; 0 = none)
    // Keeps a recurrent state (n_embd_r + n_embd_s F32 per sequence). True when memory ==
    // Recurrent, and also for parallel hybrids (Falcon-H1) whose layers have a KV cache as well.
    bool recurrent_state = false;
    std::uint64_t weight_bytes = 0;         // all blk.<i>.* tensors
    std::uint64_t expert_weight_bytes = 0;  // of which routed-expert tensors (ffn_*_exps)
    std::uint64_t weight_params = 0;        // elements of blk.<i>.* tensors
    std::uint64_t expert_params = 0;        // of which routed-expert elements
};

struct ModelShape {
    std::string arch;                // GGUF general.architecture, e.g. "llama", "qwen3moe"
    std::uint32_t n_embd = 0;
    std::uint32_t n_vocab = 0;
    std::uint32_t n_ctx_train = 0;
    std::vector<LayerShape> layers;  // size = block_count

    // Sliding window attention: window in tokens (0 = none).
    std::uint32_t n_swa = 0;

    // MLA (DeepSeek V2/V3, Kimi K2): the cache holds the compressed latent.
    bool mla = false;
    std::uint32_t kv_lora_rank = 0;

    // Mixture of experts.
    std::uint32_t n_expert = 0;
    std::uint32_t n_expert_used = 0;
    std::uint32_t n_expert_shared = 0;

    // Recurrent state per recurrent layer and per sequence, in F32 elements.
    std::uint64_t recurrent_conv_elems = 0;  // llama.cpp n_embd_r
    std::uint64_t recurrent_ssm_elems = 0;   // llama.cpp n_embd_s

    // Weights outside the repeating layers.
    std::uint64_t token_embd_bytes = 0;  // token_embd.weight (always on the CPU in llama.cpp)
    std::uint64_t output_bytes = 0;      // output.weight + output_norm (+ bias); the "output layer"
    bool tied_embeddings = false;        // no output.weight: llama.cpp duplicates token_embd on the GPU
    std::uint64_t other_bytes = 0;       // any tensor not in a layer, the embedding or the output

    std::uint64_t params = 0;         // total parameters (tensor elements)
    std::uint64_t active_params = 0;  // per token, for MoE (shared parts + used experts)
    std::uint64_t file_bytes = 0;     // size on disk (all shards), 0 if unknown

    std::uint64_t weight_bytes() const {
        std::uint64_t sum = token_embd_bytes + output_bytes + other_bytes;
        for (const auto& l : layers) {
            sum += l.weight_bytes;
        }
        return sum;
    }

    std::uint32_t n_layer() const { return static_cast<std::uint32_t>(layers.size()); }
};

}  // namespace canrun::estimate
