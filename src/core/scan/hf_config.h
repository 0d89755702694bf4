// A Hugging Face config.json as catalog::ArchSpec, so a safetensors folder goes through the
// same synthetic header, memory and speed code as a catalog model. Field names are those of
// transformers' configuration classes (LlamaConfig, Qwen2Config, Qwen3MoeConfig, Gemma3Config,
// DeepseekV3Config, MixtralConfig).
#pragma once

#include <optional>
#include <string_view>

#include "catalog/arch_spec.h"
#include "catalog/model_catalog.h"
#include "util/result.h"

namespace canrun::scan {

// Fails for a model_type canrun cannot lay out, or sizes missing or out of range.
Result<catalog::ArchSpec> arch_spec_from_hf_config(std::string_view config_json);

// How the folder's weights are stored, from config.json `quantization_config.quant_method`:
// "fp8" (DeepSeek V3/R1, Kimi K2: FP8 with block scales) or "mxfp4" (gpt-oss: routed experts in
// MXFP4, the rest BF16). Anything else, or none: nullopt (16-bit, as vLLM would load it).
std::optional<catalog::Checkpoint> checkpoint_from_hf_config(std::string_view config_json);

}  // namespace canrun::scan
