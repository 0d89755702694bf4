// Every number of the memory estimate that is a fit or a guess rather than a fact of llama.cpp's
// code, in one place, each with its source (docs/estimates.md explains them). Later loaded
// from data/ (a "tuning" object); these are the built-in defaults.
#pragma once

#include <cstdint>

#include "util/units.h"

namespace canrun::estimate {

struct MemoryTuning {
    // Compute buffer, flash attention off: max(L, 4*n_ub*n_kv*(n_head+1) + h*E [+ c*n_ub on the
    // CPU]), E = one F32 hidden state (4*n_ub*n_embd). Fitted on measured buffers
    // (memory-model.md 4.1): h = 4 reproduces the CUDA0 buffer of public logs exactly
    // (Llama-3-8B 8k: 560.00 MiB; Mistral-7B 2k/32k: 164/2144 MiB); the CPU buffer adds
    // c = 8192 B per ubatch token (4 MiB at ub 512) and then matches every FA-off CPU row of
    // Llama-3.1-8B and Qwen2.5-32B within 0.02 MiB.
    double fa_off_hidden_states = 4.0;
    std::uint64_t fa_off_cpu_bytes_per_ubatch_token = 8192;
    // Compute buffer, flash attention on: L + k*n_ub*n_kv bytes. The real allocator is not
    // monotonic in n_kv; k = 3 is memory-model.md's central fit: within -11 %..+31 % of every
    // measured FA-on row (Llama-3.1-8B, Qwen2.5-32B; CPU), within 3 % up to 16k cells.
    double fa_on_bytes_per_token_cell = 3.0;
    // Compute buffer of a model without attention layers (Mamba, RWKV): logits only, plus
    // this many hidden states for the scan. Guess; not measured.
    double recurrent_hidden_states = 8.0;

    // Memory a backend takes besides llama.cpp's buffers (driver context, cuBLAS workspace,
    // memory pool). CUDA/ROCm: Ollama's per-GPU reserve (ollama ml/device.go MinimumMemory,
    // 457 MiB); measured headless NVIDIA overheads are 0.35-0.6 GiB (memory-model.md 4.2).
    std::uint64_t cuda_runtime_bytes = 457 * kMiB;
    std::uint64_t rocm_runtime_bytes = 457 * kMiB;
    // Metal: Ollama's metalMinimumMemory (discover/gpu_darwin.go), 512 MiB.
    std::uint64_t metal_runtime_bytes = 512 * kMiB;
    // Vulkan and SYCL: no source; assumed like CUDA. Guess.
    std::uint64_t vulkan_runtime_bytes = 457 * kMiB;
    std::uint64_t sycl_runtime_bytes = 457 * kMiB;
    // CPU: the llama.cpp process before any buffer (code, libraries, thread stacks). Guess.
    std::uint64_t cpu_runtime_bytes = 64 * kMiB;
};

}  // namespace canrun::estimate
