// The parts of design.md §5's fit object that come from advise::fit_model: memory with its
// devices, placement, speed, max_ctx and commands. Shared by `fit`, `recommend` (each pick) and
// the main job.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "advise/commands.h"
#include "advise/fit.h"
#include "estimate/machine.h"

namespace canrun::report {

struct ModelSummary {
    std::string id;
    std::string name;
    std::string arch;
    std::uint64_t params = 0;
    std::uint64_t active_params = 0;
    std::uint32_t layers = 0;
    std::uint64_t file_bytes = 0;
};

using Json = nlohmann::ordered_json;

Json model_summary_json(const ModelSummary& m);

// "memory" object: weights, kv, compute, overhead, total, and the devices of the placement.
Json memory_json(const advise::FitResult& fit, const estimate::Machine& machine);
Json placement_json(const advise::FitResult& fit);
Json commands_json(const advise::Commands& c);

// The whole fit object (design.md §5) for a model that has no file-level facts (a catalog pick).
Json fit_object(const ModelSummary& model, const std::string& quant, const std::string& kv_type,
                const advise::FitResult& fit, const estimate::Machine& machine, const advise::Commands& commands,
                const estimate::SpeedQuery& speed_query, const std::vector<std::string>& notes,
                bool explain);

}  // namespace canrun::report
