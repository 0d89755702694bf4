// What llama.cpp hard-codes per architecture rather than reading from the GGUF file: which layers
// use sliding-window attention, which keep a recurrent state, which have no KV cache.
// Source: llama.cpp src/models/<arch>.cpp load_arch_hparams and llama_model::create_memory, as
// bundled by node-llama-cpp 3.21.1 (llama.cpp tag v0.4.0, 2026-09-12).
#pragma once

#include <cstdint>
#include <string_view>

namespace canrun::gguf {

enum class SwaKind {
    None,
    Standard,  // a window of n_swa tokens before each token
    Chunked,   // llama4: attention within chunks of n_swa tokens (same cache size rule)
};

// How the file tells which layers are recurrent (Mamba, RWKV, gated delta net, short conv...).
enum class RecurrentRule {
    None,                   // a transformer: every layer has a KV cache
    All,                    // pure recurrent model (mamba, mamba2, rwkv6/7)
    HeadKvZero,             // hybrid: layer il is recurrent iff head_count_kv[il] == 0
    HeadKvAndFfZero,        // nemotron_h: recurrent iff head_count_kv[il] == 0 and n_ff[il] == 0
    FullAttentionInterval,  // qwen3next/qwen35: recurrent iff (il + 1) % interval != 0
    AllWithAttention,       // falcon-h1: every layer has both a KV cache and a recurrent state
};

struct ArchRule {
    std::string_view arch;          // general.architecture
    SwaKind swa = SwaKind::None;
    std::uint32_t swa_period = 0;   // default pattern period; 0 = every layer is SWA
    bool swa_dense_first = false;   // pattern starts with the full-attention layer
    std::uint32_t default_n_swa = 0;  // window when the file has no sliding_window key
    bool swa_needs_key = false;     // SWA only if {arch}.attention.sliding_window > 0 is present
    RecurrentRule recurrent = RecurrentRule::None;
    bool nextn_without_kv = false;  // the MTP (nextn) layers get no KV cache in the main context
    std::uint32_t kv_layers_from_start = 0;  // >0: only the first N layers own a KV cache
    bool no_kv_cache = false;       // encoder-only / non-causal: no KV cache at all
};

// The rule for an architecture; a rule with every field at its default (a plain transformer)
// when the architecture is not in the table.
ArchRule arch_rule(std::string_view arch);

// True when the architecture is in the table (the others fall back to generic keys).
bool arch_is_known(std::string_view arch);

}  // namespace canrun::gguf
