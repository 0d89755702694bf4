#include "synthetic_vocab.h"

#include <cstdio>
#include <string>
#include <vector>

#include "support/gguf_builder.h"

namespace canrun::tools {

void add_synthetic_spm_vocab(testing::GgufBuilder& builder, std::uint32_t n_vocab) {
    // llama.cpp token types (llama.h llama_token_type): 1 normal, 2 unknown, 3 control, 6 byte.
    std::vector<std::string> tokens;
    std::vector<float> scores;
    std::vector<std::int32_t> types;
    tokens.reserve(n_vocab);
    const auto push = [&](std::string text, std::int32_t type) {
        scores.push_back(-static_cast<float>(tokens.size()));
        tokens.push_back(std::move(text));
        types.push_back(type);
    };
    push("<unk>", 2);
    push("<s>", 3);
    push("</s>", 3);
    for (int b = 0; b < 256 && tokens.size() < n_vocab; ++b) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "<0x%02X>", b);
        push(buf, 6);
    }
    while (tokens.size() < n_vocab) push("\xe2\x96\x81w" + std::to_string(tokens.size()), 1);
    tokens.resize(n_vocab);
    scores.resize(n_vocab);
    types.resize(n_vocab);
    builder.kv_str("tokenizer.ggml.model", "llama")
        .kv_array_str("tokenizer.ggml.tokens", tokens)
        .kv_array_f32("tokenizer.ggml.scores", scores)
        .kv_array_i32("tokenizer.ggml.token_type", types)
        .kv_u32("tokenizer.ggml.bos_token_id", 1)
        .kv_u32("tokenizer.ggml.eos_token_id", 2)
        .kv_u32("tokenizer.ggml.unknown_token_id", 0)
        .kv_bool("tokenizer.ggml.add_bos_token", true);
}

}  // namespace canrun::tools
