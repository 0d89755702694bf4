#include "gguf/arch_rules.h"

#include <algorithm>
#include <array>

namespace canrun::gguf {

namespace {

using R = RecurrentRule;
using S = SwaKind;

// Each row restates one architecture's load_arch_hparams / create_memory choices
// (llama.cpp v0.4.0, src/models/<arch>.cpp). Plain transformers are listed only so that they
// count as known; they need no special rule.
constexpr std::array kRules = {
    // Sliding-window attention. Pattern: layer il is SWA iff il % p < p - 1
    // (dense_first: iff il % p != 0); an explicit per-layer array in the file wins.
    ArchRule{.arch = "gemma2", .swa = S::Standard, .swa_period = 2, .default_n_swa = 4096},
    ArchRule{.arch = "gemma3", .swa = S::Standard, .swa_period = 6, .swa_needs_key = true},
    ArchRule{.arch = "gemma3n", .swa = S::Standard, .swa_period = 5, .kv_layers_from_start = 20},
    ArchRule{.arch = "gemma4", .swa = S::Standard},
    ArchRule{.arch = "cohere2", .swa = S::Standard, .swa_period = 4},
    ArchRule{.arch = "cohere2moe", .swa = S::Standard, .swa_period = 4, .swa_dense_first = true},
    ArchRule{.arch = "gpt-oss", .swa = S::Standard, .swa_period = 2},
    ArchRule{.arch = "llama4", .swa = S::Chunked, .swa_period = 4, .default_n_swa = 8192},
    ArchRule{.arch = "exaone4", .swa = S::Standard, .swa_period = 4, .default_n_swa = 4096,
             .swa_needs_key = true},
    ArchRule{.arch = "exaone-moe", .swa = S::Standard, .swa_period = 4, .default_n_swa = 128},
    ArchRule{.arch = "olmo2", .swa = S::Standard, .swa_period = 4, .swa_needs_key = true},
    ArchRule{.arch = "plamo3", .swa = S::Standard, .swa_period = 8, .swa_needs_key = true},
    ArchRule{.arch = "afmoe", .swa = S::Standard, .swa_period = 4, .swa_needs_key = true},
    ArchRule{.arch = "smallthinker", .swa = S::Standard, .swa_period = 4, .swa_dense_first = true,
             .default_n_swa = 4096, .swa_needs_key = true},
    ArchRule{.arch = "granite_swa", .swa = S::Standard},
    ArchRule{.arch = "mimo2", .swa = S::Standard, .nextn_without_kv = true},
    ArchRule{.arch = "step35", .swa = S::Standard, .nextn_without_kv = true},
    // Recurrent and hybrid models (llm_arch_is_recurrent / llm_arch_is_hybrid).
    ArchRule{.arch = "mamba", .recurrent = R::All},
    ArchRule{.arch = "mamba2", .recurrent = R::All},
    ArchRule{.arch = "rwkv6", .recurrent = R::All},
    ArchRule{.arch = "rwkv6qwen2", .recurrent = R::All},
    ArchRule{.arch = "rwkv7", .recurrent = R::All},
    ArchRule{.arch = "arwkv7", .recurrent = R::All},
    ArchRule{.arch = "jamba", .recurrent = R::HeadKvZero},
    ArchRule{.arch = "falcon-h1", .recurrent = R::AllWithAttention},
    ArchRule{.arch = "plamo2", .recurrent = R::HeadKvZero},
    ArchRule{.arch = "granitehybrid", .recurrent = R::HeadKvZero},
    ArchRule{.arch = "lfm2", .swa = S::Standard, .swa_needs_key = true,
             .recurrent = R::HeadKvZero},
    ArchRule{.arch = "lfm2moe", .recurrent = R::HeadKvZero},
    ArchRule{.arch = "kimi-linear", .recurrent = R::HeadKvZero},
    ArchRule{.arch = "nemotron_h", .recurrent = R::HeadKvAndFfZero},
    ArchRule{.arch = "nemotron_h_moe", .recurrent = R::HeadKvAndFfZero},
    ArchRule{.arch = "qwen3next", .recurrent = R::FullAttentionInterval, .nextn_without_kv = true},
    ArchRule{.arch = "qwen35", .recurrent = R::FullAttentionInterval, .nextn_without_kv = true},
    ArchRule{.arch = "qwen35moe", .recurrent = R::FullAttentionInterval, .nextn_without_kv = true},
    ArchRule{.arch = "minimax-01", .recurrent = R::FullAttentionInterval, .nextn_without_kv = true},
    // MLA and sparse-attention families whose MTP layers get no KV in the main context.
    ArchRule{.arch = "glm-dsa", .nextn_without_kv = true},
    ArchRule{.arch = "deepseek32", .nextn_without_kv = true},
    ArchRule{.arch = "hy_v3", .nextn_without_kv = true},
    // Encoders and diffusion models: no KV cache (create_memory returns nullptr).
    ArchRule{.arch = "bert", .no_kv_cache = true},
    ArchRule{.arch = "modern-bert", .no_kv_cache = true},
    ArchRule{.arch = "nomic-bert", .no_kv_cache = true},
    ArchRule{.arch = "nomic-bert-moe", .no_kv_cache = true},
    ArchRule{.arch = "neo-bert", .no_kv_cache = true},
    ArchRule{.arch = "jina-bert-v2", .no_kv_cache = true},
    ArchRule{.arch = "jina-bert-v3", .no_kv_cache = true},
    ArchRule{.arch = "eurobert", .no_kv_cache = true},
    ArchRule{.arch = "gemma-embedding", .no_kv_cache = true},
    ArchRule{.arch = "dream", .no_kv_cache = true},
    ArchRule{.arch = "llada", .no_kv_cache = true},
    ArchRule{.arch = "llada-moe", .no_kv_cache = true},
    // Plain transformers (standard or GQA attention, or MLA read from the file's keys).
    ArchRule{.arch = "llama"}, ArchRule{.arch = "mistral3"}, ArchRule{.arch = "mistral4"},
    ArchRule{.arch = "qwen2"}, ArchRule{.arch = "qwen2moe"}, ArchRule{.arch = "qwen2vl"},
    ArchRule{.arch = "qwen3"}, ArchRule{.arch = "qwen3moe"}, ArchRule{.arch = "qwen3vl"},
    ArchRule{.arch = "qwen3vlmoe"}, ArchRule{.arch = "qwen"}, ArchRule{.arch = "phi2"},
    ArchRule{.arch = "phi3"}, ArchRule{.arch = "phimoe"}, ArchRule{.arch = "gemma"},
    ArchRule{.arch = "deepseek"}, ArchRule{.arch = "deepseek2"}, ArchRule{.arch = "glm4"},
    ArchRule{.arch = "glm4moe"}, ArchRule{.arch = "chatglm"}, ArchRule{.arch = "command-r"},
    ArchRule{.arch = "starcoder2"}, ArchRule{.arch = "granite"}, ArchRule{.arch = "granitemoe"},
    ArchRule{.arch = "internlm2"}, ArchRule{.arch = "minicpm"}, ArchRule{.arch = "minicpm3"},
    ArchRule{.arch = "olmo"}, ArchRule{.arch = "olmoe"}, ArchRule{.arch = "stablelm"},
    ArchRule{.arch = "falcon"}, ArchRule{.arch = "gpt2"}, ArchRule{.arch = "gptneox"},
    ArchRule{.arch = "bloom"}, ArchRule{.arch = "mpt"}, ArchRule{.arch = "baichuan"},
    ArchRule{.arch = "exaone"}, ArchRule{.arch = "smollm3"}, ArchRule{.arch = "seed_oss"},
    ArchRule{.arch = "ernie4_5"}, ArchRule{.arch = "ernie4_5-moe"}, ArchRule{.arch = "hunyuan-moe"},
    ArchRule{.arch = "hunyuan-dense"}, ArchRule{.arch = "dots1"}, ArchRule{.arch = "arcee"},
    ArchRule{.arch = "bailingmoe"}, ArchRule{.arch = "bailingmoe2"}, ArchRule{.arch = "minimax-m2"},
    ArchRule{.arch = "grok"}, ArchRule{.arch = "dbrx"}, ArchRule{.arch = "apertus"},
    ArchRule{.arch = "nemotron"}, ArchRule{.arch = "deci"}, ArchRule{.arch = "openelm"},
};

}  // namespace

ArchRule arch_rule(std::string_view arch) {
    const auto* it = std::find_if(kRules.begin(), kRules.end(),
                                  [&](const ArchRule& r) { return r.arch == arch; });
    if (it == kRules.end()) {
        return ArchRule{.arch = arch};
    }
    return *it;
}

bool arch_is_known(std::string_view arch) {
    return std::any_of(kRules.begin(), kRules.end(),
                       [&](const ArchRule& r) { return r.arch == arch; });
}

}  // namespace canrun::gguf
