// GGUF headers shaped like real models (tensor shapes, not data) for the model-facts tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gguf/gguf_file.h"
#include "support/gguf_builder.h"

namespace canrun::testing {

inline constexpr std::uint32_t kF32 = 0;
inline constexpr std::uint32_t kF16 = 1;
inline constexpr std::uint32_t kQ4K = 12;
inline constexpr std::uint32_t kQ6K = 14;

struct DenseSpec {
    std::string arch = "llama";
    std::uint32_t layers = 2;
    std::uint32_t embd = 256;
    std::uint32_t heads = 8;
    std::uint32_t heads_kv = 2;
    std::uint32_t ff = 512;
    std::uint32_t vocab = 1024;
    bool tied = false;
    std::uint32_t experts = 0;       // > 0: MoE layers with ffn_*_exps
    std::uint32_t experts_used = 0;
    std::vector<std::uint32_t> heads_kv_per_layer;  // non-empty: written as an array
};

// A llama-style model: token_embd, per layer attn_norm/q/k/v/output, ffn_norm/gate/up/down
// (or router + experts), output_norm, output. Weights Q4_K, output Q6_K, norms F32.
GgufBuilder dense_model(const DenseSpec& spec);

// Metadata only (no tensors): general.architecture, block_count, embedding_length, heads.
GgufBuilder meta_model(const std::string& arch, std::uint32_t layers, std::uint32_t embd,
                       std::uint32_t heads, std::uint32_t heads_kv);

// A bool array value for kv().
gguf::Value bool_array(const std::vector<bool>& flags);

// Parses the builder's header (tensor data is not materialised).
gguf::GgufFile parse_or_die(const GgufBuilder& b);

}  // namespace canrun::testing
