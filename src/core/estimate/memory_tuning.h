// Every number of the memory estimate that is a fit or a guess rather than a fact of llama.cpp's
// code, in one place, each with its source (docs/estimates.md explains them). Later loaded
// from data/ (a "tuning" object); these are the built-in defaults.
#pragma once

#include <cstdint>

#include "util/units.h"

namespace canrun::estimate {

struct MemoryTuning {
    // Compute buffers, fitted on llama.cpp v0.4.0's CPU buffers (bench/accuracy/memory, 60
    // rows: Llama-3.2-1B/3B, Llama-3.1-8B, Mistral-7B, Qwen2.5-14B, Gemma-2/3, Qwen3-30B-A3B,
    // DeepSeek-V2-Lite; 4k and 32k, ub 512) and on public CUDA logs. E = 4*n_ub*n_embd (one F32
    // hidden state), L = logits of one ubatch.
    // FA off, CPU: max(L + E, KQ + h_cpu*E); every row within 0.5 % but Gemma-3 (-1.4 %).
    double fa_off_hidden_states_cpu = 5.5;
    // FA off, GPU device buffer: max(L, KQ + h_gpu*E) reproduces the CUDA0 lines of public logs
    // (Llama-3-8B 8k: 560.00 MiB; Mistral-7B 2k/32k: 164/2144 MiB; an older llama.cpp).
    double fa_off_hidden_states_gpu = 4.0;
    // FA on: max(L + E, f*4*n_ub*n_ff + 2*n_ub*n_kv + E/2): the FFN intermediates plus the F16
    // mask dominate when the vocabulary is small (Mistral-7B: 120.01 / 148.01 MiB at 4k / 32k).
    double fa_on_ffn_intermediates = 4.0;
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
