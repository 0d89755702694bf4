// The memory a llama.cpp run of a model needs: weights (exact, from the tensors), KV cache and
// recurrent state per layer, compute buffers, the output buffer and the backend's runtime.
// Per-layer figures are kept so that placement can sum layers per device.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estimate/compute_buffer.h"
#include "estimate/context_params.h"
#include "estimate/kv_cache.h"
#include "estimate/machine.h"
#include "estimate/memory_tuning.h"
#include "estimate/model_shape.h"

namespace canrun::estimate {

// Settings llama.cpp refuses (llama_init_from_model returns null).
enum class ContextProblem {
    QuantizedVNeedsFlashAttn,  // -ctv q8_0 with -fa off
    KBlockDoesNotDivideHead,   // quantized K whose block size does not divide a head size
    VBlockDoesNotDivideHead,
};

struct LayerMemoryBytes {
    std::uint64_t weight_bytes = 0;
    std::uint64_t kv_bytes = 0;     // K + V
    std::uint64_t state_bytes = 0;  // recurrent state
};

struct MemoryEstimate {
    ContextSize context;
    Backend backend = Backend::Cpu;
    std::vector<LayerMemoryBytes> layers;  // one per repeating layer
    std::uint64_t token_embd_bytes = 0;    // input layer: stays on the CPU in llama.cpp
    std::uint64_t output_bytes = 0;        // output layer (LM head + final norm)
    std::uint64_t other_bytes = 0;
    std::uint64_t weights_bytes = 0;       // all of the above
    std::uint64_t kv_bytes = 0;            // K + V of all layers
    std::uint64_t state_bytes = 0;         // recurrent state of all layers
    std::uint64_t kv_bytes_per_token = 0;  // growth per context token (full-attention layers)
    ComputeBuffer compute;                 // for `backend`
    std::uint64_t output_buffer_bytes = 0; // host logits buffer
    std::uint64_t overhead_bytes = 0;      // runtime outside llama.cpp's buffers
    std::vector<std::string> notes;        // stable ids

    // Context memory: KV + recurrent state.
    std::uint64_t context_bytes() const { return kv_bytes + state_bytes; }
    // Compute buffers + output buffer.
    std::uint64_t compute_bytes() const {
        return compute.device_bytes + compute.host_bytes + output_buffer_bytes;
    }
    std::uint64_t total_bytes() const {
        return weights_bytes + context_bytes() + compute_bytes() + overhead_bytes;
    }
};

std::optional<ContextProblem> check_context(const ModelShape& model, const ContextParams& params);

// Everything on one backend (CPU-only, or a single device holding all layers). Callers check
// check_context first; the estimate assumes the settings are valid.
MemoryEstimate estimate_memory(const ModelShape& model, const ContextParams& params,
                               Backend backend, const MemoryTuning& tuning = {});

}  // namespace canrun::estimate
