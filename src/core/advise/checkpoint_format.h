// Bytes per parameter of a model's published Hugging Face checkpoint: what vLLM loads (canrun's
// vLLM sizing in fit and plan). 16-bit unless the publisher ships something smaller.
#pragma once

#include <string_view>

namespace canrun::advise {

// gpt-oss ships its routed experts in MXFP4 — 4-bit values plus one 8-bit scale per 32, 4.25
// bits a parameter — and everything else in BF16 (OpenAI, gpt-oss model card, 2025-08-05;
// openai/gpt-oss-120b is 65 GB on Hugging Face); vLLM serves it that way.
inline double checkpoint_bytes_per_param(std::string_view arch, bool routed_expert) {
    if (routed_expert && arch == "gpt-oss") {
        return 4.25 / 8.0;
    }
    return 2.0;
}

}  // namespace canrun::advise
