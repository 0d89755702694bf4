// recommend: for each size class (1-4B ... large MoE), the best model and quantization this
// machine runs for a use, ranked by quality within a speed floor. Quality is the catalog's
// score (or an estimate from size and age when the catalog has none comparable) minus the
// quantization's measured cost; docs/estimates.md "Recommendations" gives the formula.
#pragma once

#include <string>
#include <vector>

#include "advise/fit.h"
#include "catalog/model_catalog.h"
#include "catalog/quants_catalog.h"
#include "estimate/model_shape.h"

namespace canrun::advise {

struct RecommendRequest {
    std::string use = "chat";  // chat | code | reasoning | vision
    bool prefer_zh = false;    // Chinese-strong models first (the text is in Chinese)
    double min_tps = 10;       // decode speed floor, tokens/s (p50)
    FitRequest fit;            // context, KV type, flash attention, CPU-only ...
};

struct Pick {
    std::string size_class;                      // "1-4b", "7-9b", "12-15b", "24-35b", "70b", "100b+"
    const catalog::CatalogModel* model = nullptr;
    std::string quant;                           // "Q4_K_M"
    estimate::ModelShape shape;
    std::uint64_t file_bytes = 0;                // predicted GGUF size
    FitResult fit;
    double quality = 0;                          // model quality before the quant's cost
    double quant_cost = 0;                       // points lost to quantization
    double score = 0;                            // what the ranking compared
    bool below_floor = false;                    // nothing met the speed floor: fastest shown
    std::vector<std::string> why;                // stable ids, e.g. "why.zh_strong"
};

struct Recommendation {
    std::vector<Pick> picks;  // best first
    std::vector<std::string> notes;
};

Recommendation recommend(const catalog::ModelCatalog& models, const catalog::QuantsCatalog& quants,
                         const estimate::Machine& machine, const RecommendRequest& request,
                         const estimate::MemoryTuning& memory_tuning,
                         const estimate::SpeedTuning& speed_tuning);

// The size class of a model by its total parameters ("" below 0.5 B).
std::string size_class_of(const catalog::CatalogModel& model);

// The model's quality on a 0-100 scale: the catalog's MMLU-type score where it has one, else an
// estimate from size and release year.
double model_quality(const catalog::CatalogModel& model);

}  // namespace canrun::advise
