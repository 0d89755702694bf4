// Synthetic GGUF headers. Tensor names and shapes follow llama.cpp's loader
// (src/models/<arch>.cpp load_arch_tensors) and converter (conversion/*.py); metadata keys follow
// src/llama-arch.cpp. Types come from gguf/quant_recipe. Layout: GGUF v3, 32-byte alignment,
// every tensor padded to the alignment (ggml gguf.cpp and gguf-py write it so).
#include "catalog/synthetic_gguf.h"

#include <string>
#include <utility>

#include "gguf/ggml_type.h"

namespace canrun::catalog {

bool plain_ffn_arch(std::string_view arch) { return arch == "phi2" || arch == "starcoder2"; }

namespace {

using gguf::KeyValue;
using gguf::RecipeTensor;
using gguf::Value;
using gguf::ValueType;

constexpr std::uint32_t kF32 = 0, kF16 = 1;
constexpr std::uint32_t kAlignment = 32;
using Shape = std::vector<std::uint64_t>;

class TensorList {
public:
    void weight(std::string name, Shape shape) { add(std::move(name), ".weight", std::move(shape), kF16); }
    void norm(std::string name, std::uint64_t n) { add(std::move(name), ".weight", {n}, kF32); }
    void f32(std::string name, Shape shape) { add(std::move(name), ".weight", std::move(shape), kF32); }
    void bias(std::string name, std::uint64_t n) { add(std::move(name), ".bias", {n}, kF32); }
    std::vector<RecipeTensor> take() { return std::move(list_); }

private:
    void add(std::string name, const char* tail, Shape shape, std::uint32_t type) {
        list_.push_back(RecipeTensor{std::move(name) + tail, std::move(shape), type});
    }
    std::vector<RecipeTensor> list_;
};

void add_mla_attention(TensorList& t, const ArchSpec& s, const std::string& p) {
    const std::uint64_t e = s.n_embd, h = s.n_head;
    const std::uint64_t qk = s.qk_nope_dim + s.qk_rope_dim;
    if (s.q_lora_rank > 0) {
        t.norm(p + "attn_q_a_norm", s.q_lora_rank);
        t.weight(p + "attn_q_a", {e, s.q_lora_rank});
        t.weight(p + "attn_q_b", {s.q_lora_rank, h * qk});
    } else {
        t.weight(p + "attn_q", {e, h * qk});
    }
    t.norm(p + "attn_kv_a_norm", s.kv_lora_rank);
    t.weight(p + "attn_kv_a_mqa", {e, std::uint64_t{s.kv_lora_rank} + s.qk_rope_dim});
    t.weight(p + "attn_k_b", {s.qk_nope_dim, s.kv_lora_rank, h});
    t.weight(p + "attn_v_b", {s.kv_lora_rank, s.v_head_dim_mla, h});
    t.weight(p + "attn_output", {h * s.v_head_dim_mla, e});
}

// Per-architecture layout rules of llama.cpp's loaders (src/models/<arch>.cpp).
// phi2 and phi3 checkpoints store q/k/v as one matrix, which the converter keeps as attn_qkv.
bool fused_qkv(const ArchSpec& s) { return s.arch == "phi2" || s.arch == "phi3"; }
// phi3 also stores gate and up as one gate_up_proj: ffn_up of 2 * n_ff columns, no ffn_gate.
bool fused_gate_up(const ArchSpec& s) { return s.arch == "phi3"; }
// Plain (non-gated) MLPs: ffn_up and ffn_down, with biases.
bool plain_ffn(const ArchSpec& s) { return plain_ffn_arch(s.arch); }
// LayerNorm (weight + bias) instead of RMSNorm, and a bias on every linear layer.
bool layer_norm(const ArchSpec& s) { return s.arch == "phi2" || s.arch == "starcoder2"; }
// Attention and MLP read the same normed input: no ffn_norm (phi2).
bool parallel_block(const ArchSpec& s) { return s.arch == "phi2"; }

void add_norm(TensorList& t, const ArchSpec& s, const std::string& name, std::uint64_t n) {
    t.norm(name, n);
    if (layer_norm(s)) t.bias(name, n);
}

void add_attention(TensorList& t, const ArchSpec& s, const std::string& p) {
    const std::uint64_t e = s.n_embd;
    const std::uint64_t q = std::uint64_t{s.n_head} * s.head_k();
    const std::uint64_t k = std::uint64_t{s.kv_heads()} * s.head_k();
    const std::uint64_t v = std::uint64_t{s.kv_heads()} * s.head_v();
    const bool bias = s.attn_bias || layer_norm(s);
    if (fused_qkv(s)) {
        t.weight(p + "attn_qkv", {e, q + k + v});
        if (bias) t.bias(p + "attn_qkv", q + k + v);
    } else {
        t.weight(p + "attn_q", {e, q});
        t.weight(p + "attn_k", {e, k});
        t.weight(p + "attn_v", {e, v});
        if (bias) {
            t.bias(p + "attn_q", q);
            t.bias(p + "attn_k", k);
            t.bias(p + "attn_v", v);
        }
    }
    if (s.qk_norm) {
        t.norm(p + "attn_q_norm", s.head_k());
        t.norm(p + "attn_k_norm", s.head_k());
    }
    t.weight(p + "attn_output", {std::uint64_t{s.n_head} * s.head_v(), e});
    if (layer_norm(s)) t.bias(p + "attn_output", e);
}

void add_dense_ffn(TensorList& t, const ArchSpec& s, const std::string& p) {
    const std::uint64_t e = s.n_embd;
    if (plain_ffn(s)) {
        t.weight(p + "ffn_down", {s.n_ff, e});
        t.bias(p + "ffn_down", e);
        t.weight(p + "ffn_up", {e, s.n_ff});
        t.bias(p + "ffn_up", s.n_ff);
        return;
    }
    if (fused_gate_up(s)) {
        t.weight(p + "ffn_up", {e, 2 * std::uint64_t{s.n_ff}});
        t.weight(p + "ffn_down", {s.n_ff, e});
        return;
    }
    t.weight(p + "ffn_gate", {e, s.n_ff});
    t.weight(p + "ffn_up", {e, s.n_ff});
    t.weight(p + "ffn_down", {s.n_ff, e});
}

// Gemma 3n (llama.cpp src/models/gemma3n.cpp): llama.cpp's fixed n_altup = 4 and
// laurel_rank = 64. The altup/laurel/per_layer_model_proj tensors are never quantized.
constexpr std::uint64_t kAltup = 4, kLaurelRank = 64;

void add_per_layer_globals(TensorList& t, const ArchSpec& s) {
    const std::uint64_t e = s.n_embd, pl = s.per_layer_embd, n = s.n_layer;
    const std::uint64_t rows = s.n_vocab_per_layer != 0 ? s.n_vocab_per_layer : s.n_vocab;
    t.weight("altup_proj", {e, e, kAltup - 1});
    t.weight("altup_unembd_proj", {e, e, kAltup - 1});
    t.weight("per_layer_token_embd", {pl * n, rows});
    t.weight("per_layer_model_proj", {e, pl * n});
    t.norm("per_layer_proj_norm", pl);
}

void add_per_layer_blocks(TensorList& t, const ArchSpec& s, const std::string& p) {
    const std::uint64_t e = s.n_embd, pl = s.per_layer_embd;
    t.weight(p + "inp_gate", {e, pl});
    t.weight(p + "proj", {pl, e});
    t.norm(p + "post_norm", e);
    t.weight(p + "altup_correct_coef", {kAltup, kAltup});
    t.norm(p + "altup_correct_scale", e);
    t.weight(p + "altup_predict_coef", {kAltup, kAltup * kAltup});
    t.weight(p + "altup_router", {e, kAltup});
    t.norm(p + "altup_router_norm", e);
    t.weight(p + "laurel_l", {e, kLaurelRank});
    t.weight(p + "laurel_r", {kLaurelRank, e});
    t.norm(p + "laurel_post_norm", e);
}

void add_ffn(TensorList& t, const ArchSpec& s, const std::string& p, std::uint32_t il) {
    const std::uint64_t e = s.n_embd;
    if (!s.moe_layer(il)) {
        add_dense_ffn(t, s, p);
        return;
    }
    const std::uint64_t f = s.n_ff_expert, x = s.n_expert;
    t.f32(p + "ffn_gate_inp", {e, x});
    t.weight(p + "ffn_gate_exps", {e, f, x});
    t.weight(p + "ffn_up_exps", {e, f, x});
    t.weight(p + "ffn_down_exps", {f, e, x});
    if (s.n_expert_shared > 0) {
        t.weight(p + "ffn_gate_shexp", {e, s.shexp_ff()});
        t.weight(p + "ffn_up_shexp", {e, s.shexp_ff()});
        t.weight(p + "ffn_down_shexp", {s.shexp_ff(), e});
    }
}

Value u32(std::uint64_t v) { return Value{ValueType::U32, v}; }
Value f32(double v) { return Value{ValueType::F32, v}; }
Value str(std::string v) { return Value{ValueType::String, std::move(v)}; }
Value boolean(bool v) { return Value{ValueType::Bool, v}; }

std::uint64_t align_up(std::uint64_t n) { return (n + kAlignment - 1) / kAlignment * kAlignment; }

std::uint64_t value_bytes(const Value& v) {
    switch (v.type) {
        case ValueType::U8: case ValueType::I8: case ValueType::Bool: return 1;
        case ValueType::U16: case ValueType::I16: return 2;
        case ValueType::U32: case ValueType::I32: case ValueType::F32: return 4;
        case ValueType::U64: case ValueType::I64: case ValueType::F64: return 8;
        case ValueType::String: return 8 + std::get<std::string>(v.data).size();
        case ValueType::Array: {
            std::uint64_t n = 4 + 8;
            for (const auto& item : std::get<gguf::Array>(v.data).items) n += value_bytes(item);
            return n;
        }
    }
    return 0;
}

void add_moe_keys(std::vector<KeyValue>& kv, const ArchSpec& s) {
    const std::string a = s.arch + ".";
    kv.push_back({a + "expert_count", u32(s.n_expert)});
    kv.push_back({a + "expert_used_count", u32(s.n_expert_used)});
    kv.push_back({a + "expert_feed_forward_length", u32(s.n_ff_expert)});
    if (s.n_expert_shared > 0 || s.arch == "deepseek2") {
        kv.push_back({a + "expert_shared_count", u32(s.n_expert_shared)});
    }
    if (s.n_leading_dense > 0) kv.push_back({a + "leading_dense_block_count", u32(s.n_leading_dense)});
    if (s.moe_every > 1) kv.push_back({a + "interleave_moe_layer_step", u32(s.moe_every)});
    if (s.expert_weights_scale > 0) kv.push_back({a + "expert_weights_scale", f32(s.expert_weights_scale)});
    if (s.expert_weights_norm) kv.push_back({a + "expert_weights_norm", boolean(true)});
}

void add_attention_keys(std::vector<KeyValue>& kv, const ArchSpec& s) {
    const std::string a = s.arch + ".";
    kv.push_back({a + "attention.head_count", u32(s.n_head)});
    if (s.mla()) {
        kv.push_back({a + "attention.head_count_kv", u32(1)});
        if (s.q_lora_rank > 0) kv.push_back({a + "attention.q_lora_rank", u32(s.q_lora_rank)});
        kv.push_back({a + "attention.kv_lora_rank", u32(s.kv_lora_rank)});
        kv.push_back({a + "attention.key_length", u32(s.kv_lora_rank + s.qk_rope_dim)});
        kv.push_back({a + "attention.value_length", u32(s.kv_lora_rank)});
        kv.push_back({a + "attention.key_length_mla", u32(s.qk_nope_dim + s.qk_rope_dim)});
        kv.push_back({a + "attention.value_length_mla", u32(s.v_head_dim_mla)});
        kv.push_back({a + "rope.dimension_count", u32(s.qk_rope_dim)});
        return;
    }
    kv.push_back({a + "attention.head_count_kv", u32(s.kv_heads())});
    kv.push_back({a + "attention.key_length", u32(s.head_k())});
    kv.push_back({a + "attention.value_length", u32(s.head_v())});
    kv.push_back({a + "rope.dimension_count", u32(s.rot())});
    if (s.n_swa > 0) kv.push_back({a + "attention.sliding_window", u32(s.n_swa)});
    if (s.per_layer_embd > 0) {
        kv.push_back({a + "embedding_length_per_layer_input", u32(s.per_layer_embd)});
    }
    if (s.attn_logit_softcap > 0) kv.push_back({a + "attn_logit_softcapping", f32(s.attn_logit_softcap)});
    if (s.final_logit_softcap > 0) kv.push_back({a + "final_logit_softcapping", f32(s.final_logit_softcap)});
}

}  // namespace

std::vector<RecipeTensor> synthetic_tensors(const ArchSpec& s) {
    TensorList t;
    t.weight("token_embd", {s.n_embd, s.n_vocab});
    if (s.rope_freqs) t.f32("rope_freqs", {s.rot() / 2});
    if (s.per_layer_embd > 0) add_per_layer_globals(t, s);
    for (std::uint32_t il = 0; il < s.n_layer; ++il) {
        const std::string p = "blk." + std::to_string(il) + ".";
        add_norm(t, s, p + "attn_norm", s.n_embd);
        if (s.mla()) {
            add_mla_attention(t, s, p);
        } else {
            add_attention(t, s, p);
        }
        if (s.post_norms) t.norm(p + "post_attention_norm", s.n_embd);
        if (!parallel_block(s)) add_norm(t, s, p + "ffn_norm", s.n_embd);
        add_ffn(t, s, p, il);
        if (s.post_norms) t.norm(p + "post_ffw_norm", s.n_embd);
        if (s.per_layer_embd > 0) add_per_layer_blocks(t, s, p);
    }
    add_norm(t, s, "output_norm", s.n_embd);
    if (!s.tied_embeddings) t.weight("output", {s.n_embd, s.n_vocab});
    if (!s.tied_embeddings && s.arch == "phi2") t.bias("output", s.n_vocab);
    return t.take();
}

gguf::QuantModel quant_model_for(const ArchSpec& s) {
    gguf::QuantModel m;
    m.arch = s.arch;
    m.n_layer = s.n_layer;
    m.n_expert = s.n_expert;
    m.n_gqa = s.mla() ? s.n_head : s.n_head / s.kv_heads();
    m.has_output = !s.tied_embeddings;
    // llama.cpp LLM_TYPE_70B (src/models/llama.cpp, qwen2.cpp load_arch_hparams): llama with 80
    // layers and GQA (not the 8-expert branch), qwen2 with 80 layers (Qwen2/2.5-72B).
    const bool llama_70b = s.arch == "llama" && s.n_layer == 80 && s.kv_heads() != s.n_head &&
                           s.n_expert != 8;
    m.is_70b = llama_70b || (s.arch == "qwen2" && s.n_layer == 80);
    return m;
}

std::vector<KeyValue> synthetic_metadata(const ArchSpec& s, gguf::LlamaFtype ftype) {
    const std::string a = s.arch + ".";
    std::vector<KeyValue> kv;
    kv.push_back({"general.architecture", str(s.arch)});
    kv.push_back({"general.name", str(s.name)});
    kv.push_back({a + "vocab_size", u32(s.n_vocab)});
    kv.push_back({a + "context_length", u32(s.n_ctx_train)});
    kv.push_back({a + "embedding_length", u32(s.n_embd)});
    kv.push_back({a + "block_count", u32(s.n_layer)});
    kv.push_back({a + "feed_forward_length", u32(s.n_ff)});
    add_attention_keys(kv, s);
    kv.push_back({a + "rope.freq_base", f32(s.rope_freq_base)});
    kv.push_back({a + (layer_norm(s) ? "attention.layer_norm_epsilon"
                                     : "attention.layer_norm_rms_epsilon"),
                  f32(s.norm_rms_eps)});
    if (s.moe()) add_moe_keys(kv, s);
    kv.push_back({"general.file_type", u32(static_cast<std::uint32_t>(ftype))});
    const auto info = gguf::llama_ftype_info(ftype);
    const auto base = info ? gguf::ggml_type_info(info->default_type) : std::nullopt;
    if (base && base->quantized) kv.push_back({"general.quantization_version", u32(2)});
    return kv;
}

std::uint64_t serialized_bytes(const KeyValue& kv) {
    return 8 + kv.key.size() + 4 + value_bytes(kv.value);
}

std::uint64_t serialized_bytes(const gguf::TensorInfo& tensor) {
    return 8 + tensor.name.size() + 4 + 8 * tensor.shape.size() + 4 + 8;
}

gguf::GgufFile synthesize_gguf(const ArchSpec& spec, gguf::LlamaFtype ftype) {
    gguf::GgufFile file;
    file.version = 3;
    file.alignment = kAlignment;
    file.metadata = synthetic_metadata(spec, ftype);
    auto recipe = synthetic_tensors(spec);
    const auto types = gguf::quant_types(recipe, quant_model_for(spec), ftype);
    file.tensors.reserve(recipe.size());
    std::uint64_t header = 4 + 4 + 8 + 8;
    for (const auto& kv : file.metadata) header += serialized_bytes(kv);
    std::uint64_t offset = 0;
    for (std::size_t i = 0; i < recipe.size(); ++i) {
        gguf::TensorInfo t;
        t.name = std::move(recipe[i].name);
        t.shape = std::move(recipe[i].shape);
        t.type = *gguf::ggml_type_info(types[i]);
        t.elements = 1;
        for (const auto d : t.shape) t.elements *= d;
        t.bytes = *gguf::ggml_row_bytes(t.type, t.shape[0]) * (t.elements / t.shape[0]);
        t.offset = offset;
        offset = align_up(offset + t.bytes);
        header += serialized_bytes(t);
        file.tensors.push_back(std::move(t));
    }
    file.data_offset = align_up(header);
    file.file_bytes = file.data_offset + offset;
    return file;
}

}  // namespace canrun::catalog
