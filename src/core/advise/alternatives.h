// alternatives: when a model does not fit this machine well (it spills to the CPU, runs slowly,
// or does not fit), what would: a smaller quantization of the same model, a shorter context, or
// a smaller sibling from the same family.
#pragma once

#include <string>
#include <vector>

#include "advise/fit.h"
#include "catalog/model_catalog.h"
#include "catalog/quants_catalog.h"

namespace canrun::advise {

struct Alternative {
    std::string kind;      // "smaller_quant" | "shorter_context" | "smaller_model"
    std::string model_id;  // catalog id (empty for a file)
    std::string quant;
    std::uint32_t ctx = 0;
    estimate::PlacementMode mode = estimate::PlacementMode::WontFit;
    double decode_tps = 0;
    std::uint64_t total_bytes = 0;
};

struct AlternativesInput {
    const catalog::CatalogModel* model = nullptr;  // null for a file: only a shorter context
    std::string quant;                             // the quantization asked about
    const FitResult* fit = nullptr;                // the answer being improved on
};

// Nothing when the model already runs wholly on the GPU (or on the CPU of a machine without a
// GPU) at the speed floor.
std::vector<Alternative> find_alternatives(const AlternativesInput& in,
                                           const catalog::ModelCatalog& models,
                                           const catalog::QuantsCatalog& quants,
                                           const estimate::Machine& machine,
                                           const FitRequest& request, double min_tps,
                                           const estimate::MemoryTuning& memory_tuning,
                                           const estimate::SpeedTuning& speed_tuning);

}  // namespace canrun::advise
