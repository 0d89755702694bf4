#include "estimate/context_params.h"

#include <algorithm>

namespace canrun::estimate {

namespace {

std::uint32_t pad(std::uint64_t n, std::uint32_t to) {
    const std::uint64_t padded = (n + to - 1) / to * to;
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(padded, 0xFFFFFF00ULL));
}

bool has_swa_layers(const ModelShape& m) {
    return std::any_of(m.layers.begin(), m.layers.end(), [](const LayerShape& l) {
        return l.memory == LayerMemory::Kv && l.sliding_window;
    });
}

bool has_full_layers(const ModelShape& m) {
    return std::any_of(m.layers.begin(), m.layers.end(), [](const LayerShape& l) {
        return l.memory == LayerMemory::Kv && !l.sliding_window;
    });
}

}  // namespace

bool resolve_flash_attn(FlashAttn fa, Backend /*backend*/, CacheType /*type_v*/) {
    switch (fa) {
        case FlashAttn::On: return true;
        case FlashAttn::Off: return false;
        case FlashAttn::Auto: break;
    }
    // Every backend we model implements GGML_OP_FLASH_ATTN_EXT, so the probe in
    // llama_context::sched_reserve turns it on; a quantized V cache forces it on anyway.
    return true;
}

ContextSize context_size(const ModelShape& model, const ContextParams& p, Backend backend) {
    ContextSize c;
    std::uint64_t n_ctx = p.n_ctx;
    if (n_ctx == 0) {
        n_ctx = model.n_ctx_train > 0 ? model.n_ctx_train : kFallbackContext;
        c.ctx_from_model = true;
    }
    c.n_seq = std::max<std::uint32_t>(1, p.n_seq);
    c.n_ctx = pad(n_ctx, kContextPad);
    if (p.kv_unified) {
        c.n_ctx_seq = c.n_ctx;
        c.n_stream = 1;
    } else {
        c.n_ctx_seq = pad(c.n_ctx / c.n_seq, kContextPad);
        c.n_ctx = c.n_ctx_seq * c.n_seq;
        c.n_stream = c.n_seq;
    }
    const std::uint32_t n_batch = std::min(c.n_ctx, std::max<std::uint32_t>(1, p.n_batch));
    c.n_ubatch = std::min(n_batch, std::max<std::uint32_t>(1, p.n_ubatch));
    if (has_swa_layers(model) && model.n_swa > 0) {
        const std::uint64_t want = std::uint64_t{model.n_swa} * (p.kv_unified ? c.n_seq : 1) + c.n_ubatch;
        c.swa_cells = p.swa_full ? c.n_ctx_seq : pad(std::min<std::uint64_t>(c.n_ctx_seq, want), kContextPad);
    }
    c.n_kv = has_full_layers(model) || c.swa_cells == 0 ? c.n_ctx_seq : c.swa_cells;
    c.flash_attn = resolve_flash_attn(p.flash_attn, backend, p.type_v);
    return c;
}

}  // namespace canrun::estimate
