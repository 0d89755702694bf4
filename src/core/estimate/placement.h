// Placement: where llama.cpp would put a model on a machine — all on the GPUs, part of it
// (layers, or MoE expert tensors first), all on the CPU, or nowhere. Pure.
//
// It follows llama.cpp's rules (docs/estimates.md, "Placement"): the input embedding stays on the
// CPU; the LAST n layers are offloaded; the output layer goes to the GPU only when every layer
// does; each layer's KV cache lives with the layer; several GPUs take consecutive layers in
// proportion to their free memory; llama.cpp's --fit keeps a margin free on every GPU; for MoE
// models the routed-expert tensors of the first layers move to the CPU before whole layers do
// (--n-cpu-moe).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "estimate/machine.h"

namespace canrun::estimate {

struct LayerCost {
    std::uint64_t weight_bytes = 0;  // all tensors of the layer
    std::uint64_t expert_bytes = 0;  // of which routed experts (movable to the CPU alone)
    std::uint64_t kv_bytes = 0;      // KV cache or recurrent state of the layer
};

struct PlacementInput {
    std::vector<LayerCost> layers;
    std::uint64_t input_bytes = 0;         // token_embd: always on the CPU
    std::uint64_t output_bytes = 0;        // output layer: LM head (if its own tensor) + norm
    std::uint64_t tied_output_bytes = 0;   // tied embeddings: the copy llama.cpp makes on the GPU
    std::uint64_t gpu_compute_bytes = 0;   // compute buffer on each GPU that holds layers
    std::uint64_t host_compute_bytes = 0;  // host-side compute + output buffers with a GPU
    std::uint64_t cpu_compute_bytes = 0;   // compute buffer when everything runs on the CPU
    std::uint64_t gpu_overhead_bytes = 0;  // runtime per GPU (CUDA context, cuBLAS, pools)
    std::uint64_t gpu_margin_bytes = 1024ULL * 1024 * 1024;  // kept free (llama.cpp --fit-target)
    std::uint64_t ram_reserve_bytes = 0;   // RAM kept for the OS and other programs
    bool moe = false;
    bool cpu_only = false;
};

enum class PlacementMode { FullGpu, Partial, Cpu, WontFit };

struct DevicePlacement {
    std::string device;   // GPU name, or "CPU"
    int gpu = -1;         // index into Machine::gpus; -1 = CPU
    std::uint64_t bytes = 0;         // what it holds (weights + KV + buffers + runtime)
    std::uint64_t budget_bytes = 0;  // what it may hold
    std::uint32_t layers = 0;        // whole layers (for the CPU: layers it runs)
    std::uint32_t first_layer = 0;
    std::uint64_t weight_bytes = 0;
    std::uint64_t expert_bytes = 0;  // routed-expert weights held here
    std::uint64_t kv_bytes = 0;
    bool holds_output = false;
};

struct Placement {
    PlacementMode mode = PlacementMode::WontFit;
    std::uint32_t gpu_layers = 0;    // layers on GPUs (llama.cpp -ngl; + 1 with the output layer)
    std::uint32_t total_layers = 0;
    std::uint32_t cpu_moe_layers = 0;  // first layers whose experts stay on the CPU (--n-cpu-moe)
    bool output_on_gpu = false;
    std::vector<std::uint32_t> gpu_split;  // layers per GPU (-ts), in Machine::gpus order
    std::vector<DevicePlacement> devices;  // GPUs in order, then the CPU
    std::uint64_t shortfall_bytes = 0;     // WontFit: how much more memory it would need
};

Placement place_model(const PlacementInput& in, const Machine& machine);

const char* to_string(PlacementMode m);  // "full_gpu", "partial", "cpu", "wont_fit"

}  // namespace canrun::estimate
