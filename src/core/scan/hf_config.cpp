#include "scan/hf_config.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace canrun::scan {

namespace {

using Json = nlohmann::json;

constexpr std::uint64_t kMaxDim = 1U << 24;  // larger than any real model's sizes

std::uint32_t u32(const Json& c, const char* key, std::uint32_t fallback = 0) {
    const auto it = c.find(key);
    if (it == c.end() || !it->is_number_unsigned()) return fallback;
    const auto v = it->get<std::uint64_t>();
    return v <= kMaxDim ? static_cast<std::uint32_t>(v) : fallback;
}

// Typed reads that never throw: a key of another type reads as the fallback.
std::string str_of(const Json& c, const char* key, std::string fallback = {}) {
    const auto it = c.find(key);
    return it != c.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool flag(const Json& c, const char* key, bool fallback) {
    const auto it = c.find(key);
    return it != c.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

double num(const Json& c, const char* key, double fallback) {
    const auto it = c.find(key);
    return it != c.end() && it->is_number() ? it->get<double>() : fallback;
}

void read_moe(const Json& c, catalog::ArchSpec& s) {
    s.n_expert = u32(c, "num_experts", u32(c, "num_local_experts", u32(c, "n_routed_experts")));
    if (s.n_expert <= 1) {
        s.n_expert = 0;
        return;
    }
    s.n_expert_used = u32(c, "num_experts_per_tok", 2);
    s.n_ff_expert = u32(c, "moe_intermediate_size", s.n_ff);
    s.n_expert_shared = u32(c, "n_shared_experts");
    s.n_leading_dense = u32(c, "first_k_dense_replace");
    s.expert_weights_norm = flag(c, "norm_topk_prob", false);
}

void read_mla(const Json& c, catalog::ArchSpec& s) {
    s.kv_lora_rank = u32(c, "kv_lora_rank");
    if (s.kv_lora_rank == 0) return;
    s.q_lora_rank = u32(c, "q_lora_rank");
    s.qk_rope_dim = u32(c, "qk_rope_head_dim");
    s.qk_nope_dim = u32(c, "qk_nope_head_dim");
    s.v_head_dim_mla = u32(c, "v_head_dim");
}

void read_family(const Json& c, catalog::ArchSpec& s) {
    s.attn_bias = s.arch == "qwen2" || s.arch == "qwen2moe";
    s.qk_norm = s.arch == "qwen3" || s.arch == "qwen3moe" || s.arch == "gemma3";
    s.post_norms = s.arch == "gemma2" || s.arch == "gemma3";
    const bool gemma = s.arch.rfind("gemma", 0) == 0;
    s.tied_embeddings = flag(c, "tie_word_embeddings", gemma);
    if (gemma) s.n_swa = u32(c, "sliding_window");
    const auto rope = c.find("rope_scaling");
    s.rope_freqs = rope != c.end() && rope->is_object() && str_of(*rope, "rope_type", str_of(*rope, "type")) == "llama3";
}

}  // namespace

Result<catalog::ArchSpec> arch_spec_from_hf_config(std::string_view config_json) {
    const auto root = Json::parse(config_json, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return fail("config.json is not a JSON object");
    // Multimodal configs (Gemma 3) keep the language model in text_config.
    const auto text = root.find("text_config");
    const Json& c = text != root.end() && text->is_object() ? *text : root;
    const std::string type = str_of(c, "model_type", str_of(root, "model_type"));
    catalog::ArchSpec s;
    s.arch = std::string(catalog::gguf_arch_for_hf(type));
    if (s.arch.empty()) {
        return fail(fmt::format("model_type \"{}\" is not one canrun can lay out", type));
    }
    s.name = str_of(root, "_name_or_path");
    s.n_layer = u32(c, "num_hidden_layers");
    s.n_embd = u32(c, "hidden_size");
    s.n_ff = u32(c, "intermediate_size");
    s.n_head = u32(c, "num_attention_heads");
    s.n_head_kv = u32(c, "num_key_value_heads");
    s.head_dim_k = u32(c, "head_dim");
    s.n_vocab = u32(c, "vocab_size", u32(root, "vocab_size"));
    s.n_ctx_train = u32(c, "max_position_embeddings");
    s.rope_freq_base = num(c, "rope_theta", 10000.0);
    s.norm_rms_eps = num(c, "rms_norm_eps", 1e-5);
    read_family(c, s);
    read_moe(c, s);
    read_mla(c, s);
    const bool sized = s.n_layer > 0 && s.n_embd > 0 && s.n_head > 0 && s.n_vocab > 0 &&
                       (s.n_ff > 0 || s.n_expert > 0) && (s.head_dim_k > 0 || s.n_embd % s.n_head == 0) &&
                       s.n_head_kv <= s.n_head && (s.n_head_kv == 0 || s.n_head % s.n_head_kv == 0);
    if (!sized) {
        return fail("config.json lacks the sizes of the model (layers, hidden size, heads, vocabulary)");
    }
    return s;
}

std::optional<catalog::Checkpoint> checkpoint_from_hf_config(std::string_view config_json) {
    const auto root = Json::parse(config_json, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return std::nullopt;
    const auto q = root.find("quantization_config");
    if (q == root.end() || !q->is_object()) return std::nullopt;
    const std::string method = str_of(*q, "quant_method");
    catalog::Checkpoint c;
    c.source = "config.json quantization_config";
    if (method == "fp8") {
        c.dtype = "fp8";
        return c;
    }
    if (method == "mxfp4") {
        c.dtype = "bf16";
        c.experts_dtype = "mxfp4";
        return c;
    }
    return std::nullopt;
}

}  // namespace canrun::scan
