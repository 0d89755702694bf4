// ModelFacts: what a GGUF header says about a model, resolved per layer: shape, attention kind
// (GQA, sliding window, MLA), recurrent state, experts, parameters and bytes by tensor class.
// Works on a parsed GgufFile only (no file access), so catalog models built as synthetic GGUF
// headers go through the same code.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estimate/model_shape.h"
#include "gguf/arch_rules.h"
#include "gguf/gguf_file.h"
#include "gguf/tensor_class.h"
#include "util/result.h"

namespace canrun::gguf {

struct LayerFacts {
    std::uint32_t n_head = 0;
    std::uint32_t n_head_kv = 0;   // as the file says (0 for recurrent or MLP-only layers)
    std::uint32_t n_ff = 0;
    std::uint32_t head_dim_k = 0;  // K elements per KV head stored in the cache
    std::uint32_t head_dim_v = 0;
    bool has_kv = false;           // owns a KV cache
    bool recurrent = false;        // keeps a recurrent state
    bool sliding_window = false;   // uses the SWA cache
    bool nextn = false;            // a multi-token-prediction (MTP) layer
    std::uint64_t bytes = 0;       // blk.<il>.* tensors
    std::uint64_t params = 0;
    std::uint64_t expert_bytes = 0;  // of which ffn_*_exps
    std::uint64_t expert_params = 0;
};

struct ModelFacts {
    std::string arch;
    std::string name;              // general.name, else empty
    bool arch_known = false;       // in gguf/arch_rules; otherwise generic keys were used
    std::uint32_t n_layer = 0;
    std::uint32_t n_embd = 0;
    std::uint32_t n_vocab = 0;
    std::uint32_t n_ctx_train = 0;
    std::vector<LayerFacts> layers;

    std::uint32_t n_expert = 0;
    std::uint32_t n_expert_used = 0;
    std::uint32_t n_expert_shared = 0;

    SwaKind swa = SwaKind::None;
    std::uint32_t n_swa = 0;       // window in tokens

    bool mla = false;              // the cache holds MLA latents (key_length_mla in the file)
    std::uint32_t kv_lora_rank = 0;
    std::uint32_t q_lora_rank = 0;
    std::uint32_t key_length_mla = 0;
    std::uint32_t value_length_mla = 0;

    // Recurrent layers, per layer and sequence, F32 elements (llama.cpp n_embd_r, n_embd_s).
    std::uint64_t recurrent_conv_elems = 0;
    std::uint64_t recurrent_ssm_elems = 0;
    std::uint32_t nextn_layers = 0;

    std::uint64_t params = 0;          // sum of tensor elements
    std::uint64_t active_params = 0;   // per token: all but the unused share of routed experts
    std::uint64_t tensor_bytes = 0;    // sum of tensor data
    std::uint64_t file_bytes = 0;
    std::array<std::uint64_t, kTensorClassCount> class_bytes{};  // indexed by TensorClass
    std::uint64_t token_embd_bytes = 0;
    std::uint64_t output_bytes = 0;    // output.weight + output_norm.*
    std::uint64_t other_bytes = 0;     // outside layers, embeddings and output
    bool tied_embeddings = false;

    std::optional<std::uint32_t> file_type;  // general.file_type
    std::string quant;                 // "Q4_K_M" from file_type, else the most common weight type
    std::vector<std::string> notes;    // stable ids, e.g. "facts.unknown_arch"

    std::uint64_t bytes_of(TensorClass c) const { return class_bytes[static_cast<int>(c)]; }
};

// Fails (exit 3) when a required key is missing: general.architecture, {arch}.block_count.
[[nodiscard]] Result<ModelFacts> extract_facts(const GgufFile& file);

estimate::ModelShape to_model_shape(const ModelFacts& facts);

}  // namespace canrun::gguf
