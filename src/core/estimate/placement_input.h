// The bridge from the memory estimate to placement: per-layer weights, experts and KV, the input
// and output layers, and the buffers each kind of device needs, for one GPU backend.
#pragma once

#include "estimate/context_params.h"
#include "estimate/machine.h"
#include "estimate/memory_tuning.h"
#include "estimate/model_shape.h"
#include "estimate/placement.h"

namespace canrun::estimate {

// `gpu_backend` sizes the GPU compute buffer and runtime (CUDA, ROCm, Metal, Vulkan, SYCL);
// the CPU figures are always for the CPU backend. Context and cache settings as for
// estimate_memory (check_context first).
PlacementInput placement_input(const ModelShape& model, const ContextParams& params,
                               Backend gpu_backend, const MemoryTuning& tuning = {});

}  // namespace canrun::estimate
