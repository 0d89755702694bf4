// Which part of the model a GGUF tensor belongs to, from its llama.cpp name
// ("token_embd.weight", "blk.12.ffn_up_exps.weight", ...), and the layer it sits in.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace canrun::gguf {

enum class TensorClass {
    Embeddings,     // token_embd, pos_embd, token_types, per-layer embeddings
    Attention,      // attn_q/k/v/output, fused qkv, MLA projections, sinks
    FfnDense,       // ffn_up/gate/down of dense layers, and the MoE router (ffn_gate_inp)
    Experts,        // routed experts: ffn_*_exps
    SharedExperts,  // ffn_*_shexp
    Output,         // output.weight (the LM head)
    Norms,          // every *_norm tensor
    Recurrent,      // ssm_*, time_mix_*, channel_mix_*, shortconv: recurrent-layer weights
    Other,          // rope_freqs, MTP heads, anything unrecognised
};

inline constexpr int kTensorClassCount = 9;

TensorClass classify_tensor(std::string_view name);

// "blk.12.attn_q.weight" -> 12; nullopt for tensors outside the repeating layers.
std::optional<std::uint32_t> tensor_layer(std::string_view name);

// Stable lower-case id for JSON ("embeddings", "shared_experts", ...).
std::string_view tensor_class_id(TensorClass c);

}  // namespace canrun::gguf
