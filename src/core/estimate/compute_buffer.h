// The compute buffer llama.cpp reserves for its worst-case graph (one ubatch whose every token
// produces logits), per backend, with flash attention on or off. Fitted formulas over measured
// buffers; see docs/estimates.md "Compute buffer".
#pragma once

#include <cstdint>

#include "estimate/context_params.h"
#include "estimate/machine.h"
#include "estimate/memory_tuning.h"
#include "estimate/model_shape.h"

namespace canrun::estimate {

struct ComputeBuffer {
    std::uint64_t device_bytes = 0;  // the backend's own buffer (CPU: the only one)
    std::uint64_t host_bytes = 0;    // GPU backends: the pinned host buffer (inputs, mask)
};

// Logits plus the final hidden state of one ubatch: L = 4 * n_ub * (n_vocab + n_embd).
std::uint64_t logits_bytes(const ModelShape& model, std::uint32_t n_ubatch);

ComputeBuffer compute_buffer(const ModelShape& model, const ContextParams& params,
                             const ContextSize& ctx, Backend backend,
                             const MemoryTuning& tuning = {});

// The host output buffer: n_seq * n_vocab F32 logits (llama_context::output_reserve).
std::uint64_t output_buffer_bytes(const ModelShape& model, const ContextSize& ctx);

// Runtime memory a backend takes outside llama.cpp's buffers (MemoryTuning).
std::uint64_t runtime_overhead_bytes(Backend backend, const MemoryTuning& tuning = {});

}  // namespace canrun::estimate
