#include "advise/alternatives.h"

#include <optional>

#include "catalog/model_arch_spec.h"
#include "gguf/llama_ftype.h"
#include "gguf/model_facts.h"

namespace canrun::advise {

namespace {

using estimate::PlacementMode;

// The quantizations tried for a smaller model or a smaller quant, best first.
const std::vector<std::string> kLadder = {"Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q3_K_M", "Q2_K"};

bool good(const FitResult& f, const estimate::Machine& m, double min_tps) {
    const auto want = m.gpus.empty() ? PlacementMode::Cpu : PlacementMode::FullGpu;
    return f.placement.mode == want && f.speed.decode_tps.p50 >= min_tps;
}

struct Ctx {
    const estimate::Machine& machine;
    const FitRequest& request;
    double min_tps;
    const estimate::MemoryTuning& memory_tuning;
    const estimate::SpeedTuning& speed_tuning;
};

std::optional<Alternative> try_quant(const Ctx& c, const catalog::CatalogModel& m,
                                     const std::string& quant, const char* kind) {
    const auto ftype = gguf::llama_ftype_by_name(quant);
    auto file = ftype ? catalog::predict_gguf(m, ftype->ftype) : tl::unexpected(Error{});
    if (!file) {
        return std::nullopt;
    }
    const auto facts = gguf::extract_facts(*file);
    if (!facts) {
        return std::nullopt;
    }
    FitRequest req = c.request;
    req.find_max_ctx = false;
    req.speed.quant = quant;
    const auto fit = fit_model(gguf::to_model_shape(*facts), c.machine, req, c.memory_tuning,
                               c.speed_tuning);
    if (!good(fit, c.machine, c.min_tps)) {
        return std::nullopt;
    }
    return Alternative{kind, m.id, quant, fit.ctx, fit.placement.mode,
                       fit.speed.decode_tps.p50, fit.memory.total_bytes()};
}

std::optional<Alternative> smaller_quant(const Ctx& c, const AlternativesInput& in) {
    bool below = false;
    for (const auto& q : kLadder) {
        below = below || q == in.quant;
        if (below && q != in.quant) {
            if (auto a = try_quant(c, *in.model, q, "smaller_quant")) {
                return a;
            }
        }
    }
    return std::nullopt;
}

std::optional<Alternative> smaller_model(const Ctx& c, const AlternativesInput& in,
                                         const catalog::ModelCatalog& models) {
    const catalog::CatalogModel* best = nullptr;
    for (const auto& m : models.models) {
        if (m.family == in.model->family && m.params < in.model->params &&
            (best == nullptr || m.params > best->params)) {
            best = &m;
        }
    }
    if (best == nullptr) {
        return std::nullopt;
    }
    for (const auto& q : {std::string("Q4_K_M"), std::string("Q3_K_M")}) {
        if (auto a = try_quant(c, *best, q, "smaller_model")) {
            return a;
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<Alternative> find_alternatives(const AlternativesInput& in,
                                           const catalog::ModelCatalog& models,
                                           const catalog::QuantsCatalog& /*quants*/,
                                           const estimate::Machine& machine,
                                           const FitRequest& request, double min_tps,
                                           const estimate::MemoryTuning& memory_tuning,
                                           const estimate::SpeedTuning& speed_tuning) {
    std::vector<Alternative> out;
    if (in.fit == nullptr || good(*in.fit, machine, min_tps)) {
        return out;
    }
    const Ctx c{machine, request, min_tps, memory_tuning, speed_tuning};
    const auto& fit = *in.fit;
    if (!machine.gpus.empty() && fit.max_ctx_full_gpu >= 2048 && fit.max_ctx_full_gpu < fit.ctx) {
        out.push_back({"shorter_context", in.model != nullptr ? in.model->id : "", in.quant,
                       fit.max_ctx_full_gpu, PlacementMode::FullGpu, 0, 0});
    }
    if (in.model == nullptr) {
        return out;
    }
    if (auto a = smaller_quant(c, in)) {
        out.push_back(*a);
    }
    if (auto a = smaller_model(c, in, models)) {
        out.push_back(*a);
    }
    return out;
}

}  // namespace canrun::advise
