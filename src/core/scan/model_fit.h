// The fit of a found model on a machine, the way `canrun fit` answers for a file: the model's
// trained context up to advise::kDefaultCtx, f16 cache, flash attention auto, one sequence;
// placement, speed, the largest context, and the commands (Ollama by its tag, llama.cpp by the
// file, vLLM by the HF repo of a safetensors folder).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "advise/commands.h"
#include "advise/fit.h"
#include "estimate/machine.h"
#include "estimate/model_shape.h"
#include "estimate/speed_tuning.h"
#include "scan/found_model.h"

namespace canrun::scan {

struct ModelFit {
    advise::FitResult fit;
    advise::Commands commands;
    std::uint32_t ctx = 0;           // tokens asked for
    std::vector<std::string> notes;  // stable ids (the model's and the fit's)
};

struct FitSetting {
    const estimate::Machine* machine = nullptr;
    const estimate::SpeedTuning* tuning = nullptr;
    estimate::SpeedQuery speed;  // measured CPU rates, if any
    bool cpu_only = false;
};

// The context `fit` answers for when none is asked: the trained one, at most kDefaultCtx.
std::uint32_t default_ctx(const FoundModel& m);

// nullopt when the model has no facts (architecture canrun cannot lay out). `ctx` 0 = default.
std::optional<ModelFit> fit_found_model(const FoundModel& m, const FitSetting& setting,
                                        std::uint32_t ctx = 0, bool find_max_ctx = true);

}  // namespace canrun::scan
