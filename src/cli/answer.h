// The main job's answer, shared by `canrun`, `canrun recommend` and `canrun table`: the machine,
// its class, the data, the calibration and the picks. Loads what it needs, then calls advise/.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advise/recommend.h"
#include "catalog/model_catalog.h"
#include "catalog/quants_catalog.h"
#include "catalog/tiers_catalog.h"
#include "estimate/context_params.h"
#include "estimate/speed_tuning.h"
#include "environment.h"
#include "machine_source.h"
#include "options.h"
#include "report/lang.h"
#include "report/recommend_report.h"
#include "util/result.h"

namespace canrun::cli {

struct Answer {
    MachineView machine;
    std::vector<catalog::Tier> tiers;
    advise::TierChoice tier_choice;
    catalog::ModelCatalog models;
    catalog::QuantsCatalog quants;
    estimate::SpeedTuning speed_tuning;
    advise::Recommendation recommendation;
    report::RecommendView view;  // points into the members above: do not copy an Answer
    report::Lang lang = report::Lang::En;

    Answer() = default;
    Answer(const Answer&) = delete;
    Answer& operator=(const Answer&) = delete;
};

// The machine, its class and the tier table only (what `canrun table` needs).
Result<std::unique_ptr<Answer>> classify(const Options& o);

// Everything, including the picks.
Result<std::unique_ptr<Answer>> answer(const Options& o);

// --flash-attn on | off | auto.
estimate::FlashAttn flash_attn_of(const std::string& s);

// Whether the model's Ollama library tag holds `quant` (names compared without regard to case).
bool ollama_tag_holds(const catalog::CatalogModel& m, std::string_view quant);

// Names each runner uses for a catalog model at a quantization (Ollama tag, HF and ModelScope
// repos, LM Studio key).
advise::ModelNames catalog_model_names(const catalog::CatalogModel& m, const std::string& quant);

// The ModelScope file name llama.cpp-style GGUF repos use: "<repo-name>-<quant>.gguf", lower case.
std::string gguf_file_name(const std::string& repo, const std::string& quant);

}  // namespace canrun::cli
