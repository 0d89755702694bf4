// A Hugging Face config.json as catalog::ArchSpec, so a safetensors folder goes through the
// same synthetic header, memory and speed code as a catalog model. Field names are those of
// transformers' configuration classes (LlamaConfig, Qwen2Config, Qwen3MoeConfig, Gemma3Config,
// DeepseekV3Config, MixtralConfig).
#pragma once

#include <string_view>

#include "catalog/arch_spec.h"
#include "util/result.h"

namespace canrun::scan {

// Fails for a model_type canrun cannot lay out, or sizes missing or out of range.
Result<catalog::ArchSpec> arch_spec_from_hf_config(std::string_view config_json);

}  // namespace canrun::scan
