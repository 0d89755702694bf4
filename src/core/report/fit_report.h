// FitReport: what `canrun fit` found about one model in one setting, rendered by fit_json
// (--json, design.md §5) and fit_text (people, en and zh-CN).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "estimate/context_params.h"
#include "estimate/memory.h"
#include "gguf/model_facts.h"

namespace canrun::report {

struct FitReport {
    std::string model_id;          // the file name as given (no directories), or a catalog id
    gguf::ModelFacts facts;
    estimate::ContextParams params;
    estimate::MemoryEstimate memory;
    std::string placement_mode = "cpu";  // until placement on GPUs lands
    std::uint32_t gpu_layers = 0;
    std::vector<std::string> notes;  // stable ids: facts.*, memory.*, fit.*
};

// The per-sequence context the user asked for, as llama.cpp pads it.
inline std::uint32_t fit_ctx(const FitReport& r) { return r.memory.context.n_ctx_seq; }

}  // namespace canrun::report
