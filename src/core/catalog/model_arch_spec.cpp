#include "catalog/model_arch_spec.h"

#include <fmt/format.h>

#include "catalog/synthetic_gguf.h"

namespace canrun::catalog {

namespace {

std::string_view unsupported_feature(const ModelArch& a) {
    if (!a.gated_ffn && !plain_ffn_arch(a.gguf_arch)) {
        return "a plain (non-gated) feed-forward block";
    }
    return {};
}

// Llama 3.1 and later (128k context, 128256-token vocabulary) carry rope_freqs.weight.
bool has_rope_freqs(const ModelArch& a) {
    return a.gguf_arch == "llama" && a.n_vocab >= 128000 && a.n_ctx_train >= 131072;
}

bool has_post_norms(std::string_view arch) {
    return arch == "gemma2" || arch == "gemma3" || arch == "gemma3n";
}

// llama.cpp keeps a separate sliding-window cache only for these architectures; for the rest a
// window in config.json is ignored.
bool uses_swa(std::string_view arch) {
    return arch == "gemma2" || arch == "gemma3" || arch == "gemma3n" || arch == "gpt-oss" ||
           arch == "cohere2";
}

void fill_moe(ArchSpec& s, const ModelArch& a) {
    s.n_expert = a.n_expert;
    s.n_expert_used = a.n_expert_used;
    s.n_expert_shared = a.n_expert_shared;
    s.n_ff_expert = a.n_ff_exp;
    s.n_ff_shexp = a.n_ff_shexp * a.n_expert_shared;
    s.n_leading_dense = a.n_layer_dense_lead;
    s.moe_every = a.moe_every;
}

void fill_mla(ArchSpec& s, const ModelArch& a) {
    s.q_lora_rank = a.q_lora_rank;
    s.kv_lora_rank = a.kv_lora_rank;
    s.qk_rope_dim = a.qk_rope_head_dim;
    s.qk_nope_dim = a.qk_nope_head_dim;
    s.v_head_dim_mla = a.v_head_dim;
}

}  // namespace

Result<ArchSpec> to_arch_spec(const CatalogModel& model) {
    const ModelArch& a = model.arch;
    if (const auto feature = unsupported_feature(a); !feature.empty()) {
        return fail(fmt::format("{}: canrun cannot yet predict the file of a model with {}; "
                                "give the path of its GGUF file instead",
                                model.id, feature));
    }
    ArchSpec s;
    s.arch = a.gguf_arch;
    s.name = model.name;
    s.source = model.source;
    s.n_layer = a.n_layer;
    s.n_embd = a.n_embd;
    s.n_ff = a.n_ff;
    s.n_head = a.n_head;
    s.n_head_kv = a.n_head_kv;
    s.head_dim_k = a.head_dim;
    s.head_dim_v = a.head_dim_v;
    s.n_vocab = a.n_vocab;
    s.n_ctx_train = a.n_ctx_train;
    s.tied_embeddings = a.tied_embeddings;
    s.attn_bias = a.attn_bias;
    s.qk_norm = a.qk_norm;
    s.post_norms = has_post_norms(a.gguf_arch);
    s.rope_freqs = has_rope_freqs(a);
    s.n_swa = uses_swa(a.gguf_arch) ? a.swa_window : 0;
    s.per_layer_embd = a.per_layer_embd;
    s.n_vocab_per_layer = a.n_vocab_per_layer;
    if (a.n_expert > 0) {
        fill_moe(s, a);
    }
    if (a.kv_lora_rank > 0) {
        fill_mla(s, a);
    }
    return s;
}

// Tokenizer arrays (tokenizer.ggml.tokens + scores + token_type, plus merges for BPE
// vocabularies) grow with the vocabulary: about 24 bytes per token for SentencePiece ones (32k
// tokens: ~0.8 MB) and about 36 for BPE ones with merges (Qwen's 152k: ~5.5 MB). Set so the
// published files in tests/unit/catalog/file_size_test.cpp come out within 0.1%; the file
// sizes are dominated by tensor data, so a 30% error here moves a 4 GB file by under 0.05%.
std::uint64_t tokenizer_metadata_bytes(std::uint32_t n_vocab) {
    constexpr std::uint64_t kSentencePieceBytes = 24;
    constexpr std::uint64_t kBpeBytes = 36;
    constexpr std::uint32_t kBpeFrom = 48000;
    return static_cast<std::uint64_t>(n_vocab) *
           (n_vocab >= kBpeFrom ? kBpeBytes : kSentencePieceBytes);
}

Result<gguf::GgufFile> predict_gguf(const CatalogModel& model, gguf::LlamaFtype ftype) {
    auto spec = to_arch_spec(model);
    if (!spec) {
        return tl::unexpected(spec.error());
    }
    gguf::GgufFile file = synthesize_gguf(*spec, ftype);
    file.file_bytes += tokenizer_metadata_bytes(model.arch.n_vocab);
    return file;
}

std::uint64_t tensor_elements(const gguf::GgufFile& file) {
    std::uint64_t n = 0;
    for (const auto& t : file.tensors) {
        n += t.elements;
    }
    return n;
}

}  // namespace canrun::catalog
