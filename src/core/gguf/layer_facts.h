// Per-layer resolution for extract_facts: heads, head sizes, which layers keep a KV cache, a
// recurrent state or a sliding window. Internal to model_facts.cpp (split out for size).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gguf/arch_rules.h"
#include "gguf/gguf_file.h"
#include "gguf/model_facts.h"

namespace canrun::gguf {

// Reads "{arch}.<suffix>" keys.
class ArchKeys {
public:
    ArchKeys(const GgufFile& file, std::string arch) : file_(file), arch_(std::move(arch)) {}

    std::string key(std::string_view suffix) const;
    std::optional<std::uint32_t> u32(std::string_view suffix) const;
    std::uint32_t u32_or(std::string_view suffix, std::uint32_t fallback) const;
    // A scalar (repeated for every layer) or an array with one value per layer.
    std::optional<std::vector<std::uint32_t>> per_layer(std::string_view suffix, std::uint32_t n_layer,
                                                        std::vector<std::string>& notes) const;
    // A per-layer flag array (bool or integer elements); nullopt if absent or not an array.
    std::optional<std::vector<bool>> flags(std::string_view suffix, std::uint32_t n_layer) const;
    const Value* find(std::string_view suffix) const { return file_.find(key(suffix)); }

private:
    const GgufFile& file_;
    std::string arch_;
};

// Fills facts.layers[*] heads, dims, has_kv, recurrent, sliding_window, nextn, and facts.swa,
// n_swa, mla fields. facts.n_layer, n_embd and arch must be set.
void resolve_layers(const ArchKeys& keys, const ArchRule& rule, ModelFacts& facts);

// Fills recurrent_conv_elems / recurrent_ssm_elems (llama.cpp n_embd_r / n_embd_s).
void resolve_recurrent_state(const ArchKeys& keys, ModelFacts& facts);

}  // namespace canrun::gguf
