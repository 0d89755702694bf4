// The llama.cpp context settings that size its memory, and how llama.cpp turns them into cell
// counts (src/llama-context.cpp, llama-kv-cache-iswa.cpp in llama.cpp v0.4.0).
#pragma once

#include <cstdint>

#include "estimate/cache_type.h"
#include "estimate/machine.h"
#include "estimate/model_shape.h"

namespace canrun::estimate {

enum class FlashAttn { On, Off, Auto };

// How an MLA model's cache is laid out.
enum class MlaCache {
    LatentOnly,  // llama.cpp since PR #19067 (2026-01-24; in node-llama-cpp 3.21.1): K only
    LatentAndV,  // older llama.cpp (and Ollama builds before it): K latent + a V copy
};

struct ContextParams {
    std::uint32_t n_ctx = 0;     // total cells asked for (-c); 0 = the trained context
    std::uint32_t n_seq = 1;     // parallel sequences (-np)
    bool kv_unified = false;     // -kvu: one cache shared by all sequences
    std::uint32_t n_batch = 2048;
    std::uint32_t n_ubatch = 512;
    CacheType type_k = CacheType::F16;
    CacheType type_v = CacheType::F16;
    FlashAttn flash_attn = FlashAttn::Auto;
    MlaCache mla_cache = MlaCache::LatentOnly;
    bool swa_full = false;       // --swa-full: SWA layers get the full context
};

// What llama.cpp derives from ContextParams.
struct ContextSize {
    std::uint32_t n_ctx = 0;      // padded to 256, = n_ctx_seq * n_seq when not unified
    std::uint32_t n_ctx_seq = 0;  // cells per stream of a full-attention layer
    std::uint32_t n_seq = 1;
    std::uint32_t n_stream = 1;   // KV streams: 1 if unified, else n_seq
    std::uint32_t n_ubatch = 0;   // min(n_ubatch, n_batch, n_ctx)
    std::uint32_t swa_cells = 0;  // cells per stream of a sliding-window layer (0: no SWA)
    std::uint32_t n_kv = 0;       // cells one attention op sees: the largest per-stream cache
    bool flash_attn = true;       // resolved
    bool ctx_from_model = false;  // n_ctx came from the model's trained context
};

inline constexpr std::uint32_t kContextPad = 256;  // GGML_PAD(n_ctx, 256), PR #17046
inline constexpr std::uint32_t kFallbackContext = 4096;  // when the model states none

// Flash attention as llama.cpp resolves "auto": on wherever the backend implements the op,
// which CPU, CUDA, ROCm, Metal, Vulkan and SYCL all do; also forced on by a quantized V cache.
bool resolve_flash_attn(FlashAttn fa, Backend backend, CacheType type_v);

ContextSize context_size(const ModelShape& model, const ContextParams& params, Backend backend);

}  // namespace canrun::estimate
