// From a memory placement to the split the speed model reads: what each device streams per token.
#pragma once

#include <cstdint>

#include "estimate/model_shape.h"
#include "estimate/placement.h"
#include "estimate/speed.h"

namespace canrun::estimate {

// Devices in layer order (the CPU holds the first layers in llama.cpp, then the GPUs). The input
// embedding is left out of what the CPU reads per token (a row lookup), unless it is also the
// output matrix (tied embeddings with the output on the CPU); parameters follow bytes
// in the model's own ratio; KV bytes per token are the device's KV cache over `ctx`.
SpeedSplit speed_split(const ModelShape& model, const Placement& placement, std::uint32_t ctx);

}  // namespace canrun::estimate
