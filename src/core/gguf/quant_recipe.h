// The quantization recipe: which ggml type llama.cpp's quantizer (llama-quantize) gives each
// tensor for a llama_ftype mix. Q4_K_M is not "all Q4_K": output.weight becomes Q6_K, half of
// the attn_v and ffn_down tensors Q6_K, norms stay F32, and shapes that do not divide into
// 256-element blocks fall back to 32-element types. The rules follow llama_tensor_get_type in
// llama.cpp src/llama-quant.cpp (read at node-llama-cpp's bundled release, Sept 2026);
// memory-model.md §2.2 summarises them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gguf/llama_ftype.h"

namespace canrun::gguf {

// What the quantizer knows about the whole model.
struct QuantModel {
    std::string arch;             // general.architecture; "falcon" has its own rules
    std::uint32_t n_layer = 0;    // block_count
    std::uint32_t n_expert = 0;   // routed experts (0 or 1: dense)
    std::uint32_t n_gqa = 1;      // n_head / n_head_kv of layer 0 (llama.cpp hparams.n_gqa())
    bool has_output = true;       // false: tied embeddings, token_embd follows the output rules
    bool is_70b = false;          // llama.cpp model type 70B (80 layers, n_embd 8192, llama)
    bool has_imatrix = false;     // an importance matrix was given
    std::uint32_t n_attn_v = 0;   // attn_v / attn_qkv / attn_kv_b tensors; 0 means n_layer
};

// One tensor as the unquantized (converter) file holds it.
struct QuantTensor {
    std::string_view name;                 // "blk.3.ffn_down.weight"
    std::span<const std::uint64_t> shape;  // ne[0] (row length) first
    std::uint32_t source_type = 1;         // ggml type id in the source file (F16, BF16, F32)
    // Position among the attn_v-like tensors in llama.cpp's order (by layer, then name). For a
    // model whose every layer has one attention block this is the layer index.
    std::uint32_t attn_v_index = 0;
    // Position among the tensors of its ffn kind (ffn_down*, ffn_gate*, ffn_up*) in the same
    // order; -1: use the layer index. Only dense models and the IQ1/IQ2 mixes look at it.
    std::int32_t ffn_index = -1;
};

// The ggml type id the quantizer writes for `tensor` when asked for `ftype` (no --pure, no
// per-tensor overrides). Tensors it never quantizes (norms, biases, 1-D, MoE routers) keep
// their source type.
std::uint32_t quant_type_for(const QuantTensor& tensor, const QuantModel& model, LlamaFtype ftype);

// Whether llama-quantize may change this tensor's type at all.
bool quantizable(std::string_view name, std::span<const std::uint64_t> shape);

struct RecipeTensor {
    std::string name;
    std::vector<std::uint64_t> shape;
    std::uint32_t source_type = 1;
};

// Types for a whole model, one per input tensor (same order as the input). Works out the
// attn_v indexes the way llama.cpp does (tensors ordered by layer number, then by name).
std::vector<std::uint32_t> quant_types(std::span<const RecipeTensor> tensors,
                                       const QuantModel& model, LlamaFtype ftype);

// Layer number of a "blk.N.*" name (gguf/tensor_class.h tensor_layer); -1 for tensors outside
// the repeating layers.
int layer_of(std::string_view name);

}  // namespace canrun::gguf
