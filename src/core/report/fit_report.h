// FitReport: what `canrun fit` found about one model in one setting, rendered by fit_json
// (--json, design.md §5) and fit_text (people, en and zh-CN).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "advise/alternatives.h"
#include "advise/commands.h"
#include "advise/fit.h"
#include "estimate/context_params.h"
#include "estimate/machine.h"
#include "estimate/memory.h"
#include "gguf/model_facts.h"
#include "report/fit_explanation.h"

namespace canrun::report {

struct FitReport {
    std::string model_id;          // the file name as given (no directories), or a catalog id
    gguf::ModelFacts facts;
    estimate::ContextParams params;
    estimate::MemoryEstimate memory;
    std::string placement_mode = "cpu";  // until placement on GPUs lands
    std::uint32_t gpu_layers = 0;
    std::vector<std::string> notes;  // stable ids: facts.*, memory.*, fit.*

    // On a machine (this one or --hw): placement, speed, max context, commands. The memory above
    // is then on the machine's backend (fit->memory).
    std::optional<advise::FitResult> fit;
    const estimate::Machine* machine = nullptr;  // owned by the caller, or by machine_holder
    std::shared_ptr<const estimate::Machine> machine_holder;
    advise::Commands commands;
    std::vector<advise::Alternative> alternatives;
    estimate::SpeedQuery speed_query;
    bool explain = false;
    // With --explain: the tensors by class and type (report::weight_classes of the GGUF); when
    // empty, the explanation shows the classes' bytes from `facts` without their types.
    std::vector<WeightClass> weight_classes;
    bool color = false;  // text: paint the verdict and headings (report/style)
};

// The per-sequence context the user asked for, as llama.cpp pads it.
inline std::uint32_t fit_ctx(const FitReport& r) { return r.memory.context.n_ctx_seq; }

}  // namespace canrun::report
