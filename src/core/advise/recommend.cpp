#include "advise/recommend.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "advise/quick_shape.h"
#include "catalog/model_arch_spec.h"
#include "gguf/llama_ftype.h"
#include "gguf/model_facts.h"
#include "util/strings.h"

namespace canrun::advise {

namespace {

// Points of quality (0-100 scale) a quantization costs: kQuantCostScale * ln(ppl ratio), the
// perplexity ratio measured by llama.cpp on Llama 3 8B (data/quants.json). Q4_K_M costs 0.9,
// Q3_K_M 2.9, Q2_K 13.6. The scale is a judgement: it makes a 2-bit 70B lose to a 4-bit 32B of
// the same generation, as community comparisons report.
constexpr double kQuantCostScale = 30;
constexpr double kZhBonus = 4;
// Speed counts too, up to a point: kSpeedWeight points per doubling of decode speed above the
// floor, up to 4x the floor. It lets a 4-bit model that stays on the GPU beat an 8-bit one that
// spills to the CPU at a tenth of the speed, without favouring tiny models for being fast.
constexpr double kSpeedWeight = 2;
constexpr double kSpeedCap = 4;

// The quantizations tried, best first. F16 only for small models; gpt-oss ships as MXFP4.
const std::vector<std::string>& ladder(const catalog::CatalogModel& m) {
    static const std::vector<std::string> kSmall = {"F16",    "Q8_0",   "Q6_K", "Q5_K_M",
                                                    "Q4_K_M", "Q3_K_M", "Q2_K"};
    static const std::vector<std::string> kDefault = {"Q8_0",   "Q6_K",   "Q5_K_M",
                                                      "Q4_K_M", "Q3_K_M", "Q2_K"};
    static const std::vector<std::string> kMxfp4 = {"MXFP4_MOE"};
    if (m.arch.gguf_arch == "gpt-oss") {
        return kMxfp4;
    }
    return m.params <= 4'500'000'000ULL ? kSmall : kDefault;
}

double quant_cost(const catalog::QuantsCatalog& quants, const std::string& name) {
    const auto* q = quants.find(name);
    if (q == nullptr || !q->llama3_8b || q->llama3_8b->ppl_ratio <= 1.0) {
        return 0;
    }
    return kQuantCostScale * std::log(q->llama3_8b->ppl_ratio);
}

double bulk_bpw(const catalog::QuantsCatalog& quants, const std::string& name) {
    const auto* q = quants.find(name);
    return q != nullptr && q->nominal_bpw > 0 ? q->nominal_bpw : 16.0;
}

std::uint64_t memory_ceiling(const estimate::Machine& m, bool cpu_only) {
    std::uint64_t sum = m.cpu.ram_total_bytes;
    for (const auto& g : m.gpus) {
        sum += (cpu_only || g.unified) ? 0 : g.memory_total_bytes;
    }
    return sum;
}

struct Shape {
    estimate::ModelShape shape;
    std::uint64_t file_bytes = 0;
};

std::optional<Shape> shape_for(const catalog::CatalogModel& m, const std::string& quant) {
    const auto ftype = gguf::llama_ftype_by_name(quant);
    if (!ftype) {
        return std::nullopt;
    }
    auto file = catalog::predict_gguf(m, ftype->ftype);
    if (!file) {
        return std::nullopt;
    }
    auto facts = gguf::extract_facts(*file);
    if (!facts) {
        return std::nullopt;
    }
    Shape s{gguf::to_model_shape(*facts), file->file_bytes};
    s.shape.file_bytes = file->file_bytes;
    return s;
}

bool serves(const catalog::CatalogModel& m, const std::string& use) { return m.has_task(use); }

}  // namespace

std::string size_class_of(const catalog::CatalogModel& m) {
    const double b = static_cast<double>(m.params) / 1e9;
    if (b < 0.5) {
        return "";
    }
    if (b >= 100 || (m.arch.n_expert > 0 && b >= 90)) {
        return "100b+";
    }
    if (b < 5) {
        return "1-4b";
    }
    if (b < 10.5) {
        return "7-9b";
    }
    if (b < 20) {
        return "12-15b";
    }
    if (b < 40) {
        return "24-35b";
    }
    return "70b";
}

double model_quality(const catalog::CatalogModel& m) {
    if (m.quality && m.quality->score > 0 && m.quality->score <= 100) {
        const std::string metric = to_lower(m.quality->metric);
        if (metric.find("mmlu") != std::string::npos && metric.find("pro") == std::string::npos) {
            return m.quality->score;
        }
    }
    // No comparable score: grow with log size, and 2 points a year of progress since 2023
    // (fitted by eye to the MMLU scores the catalog has; docs/estimates.md).
    const double b = std::max(0.1, static_cast<double>(m.params) / 1e9);
    const auto year = parse_int(std::string_view(m.released).substr(0, 4)).value_or(2023);
    return std::clamp(38.0 + 9.0 * std::log(b) + 2.0 * static_cast<double>(year - 2023), 20.0,
                      88.0);
}

namespace {

struct Ctx {
    const catalog::QuantsCatalog& quants;
    const estimate::Machine& machine;
    const RecommendRequest& request;
    const estimate::MemoryTuning& memory_tuning;
    const estimate::SpeedTuning& speed_tuning;
};

// A model at one quantization of its ladder, as screened with its quick shape.
struct Candidate {
    const catalog::CatalogModel* model = nullptr;
    std::size_t rung = 0;  // index into ladder(*model)
    double score = 0;
    double tps = 0;
};

FitResult quick_fit(const Ctx& c, const estimate::ModelShape& shape, const std::string& quant) {
    FitRequest req = c.request.fit;
    req.find_max_ctx = false;
    req.speed.quant = quant;
    return fit_model(shape, c.machine, req, c.memory_tuning, c.speed_tuning);
}

bool runs(const FitResult& f) {
    return f.placement.mode != estimate::PlacementMode::WontFit && !f.problem;
}

double score_of(const Ctx& c, const catalog::CatalogModel& m, const std::string& quant,
                double tps) {
    const double floor = std::max(0.1, c.request.min_tps);
    const double speed = std::clamp(tps / floor, 1.0, kSpeedCap);
    return model_quality(m) - quant_cost(c.quants, quant) +
           (c.request.prefer_zh && m.zh_strong ? kZhBonus : 0) + kSpeedWeight * std::log2(speed);
}

// Screens a model's ladder with quick shapes: the best-scoring rung that runs at the speed
// floor. `fastest` keeps the quickest rung that runs at all.
std::optional<Candidate> screen(const Ctx& c, const catalog::CatalogModel& m,
                                std::optional<Candidate>& fastest) {
    const std::uint64_t ceiling = memory_ceiling(c.machine, c.request.fit.cpu_only);
    const auto& rungs = ladder(m);
    std::optional<Candidate> best;
    for (std::size_t k = 0; k < rungs.size(); ++k) {
        const double bpw = bulk_bpw(c.quants, rungs[k]);
        if (static_cast<double>(m.params) * bpw / 8 > static_cast<double>(ceiling)) {
            continue;
        }
        const auto fit = quick_fit(c, quick_shape(m, bpw), rungs[k]);
        if (!runs(fit)) {
            continue;
        }
        const double tps = fit.speed.decode_tps.p50;
        const Candidate cand{&m, k, score_of(c, m, rungs[k], tps), tps};
        if (tps >= c.request.min_tps && (!best || cand.score > best->score)) {
            best = cand;
        }
        if (!fastest || cand.tps > fastest->tps) {
            fastest = cand;
        }
    }
    return best;
}

// The exact answer for a candidate: its rung, or the next one down when the exact shape no
// longer fits or meets the floor. `floor` false accepts any speed (the fallback pick).
std::optional<Pick> verify(const Ctx& c, const Candidate& cand, bool floor) {
    const auto& rungs = ladder(*cand.model);
    for (std::size_t k = cand.rung; k < std::min(rungs.size(), cand.rung + 2); ++k) {
        auto shape = shape_for(*cand.model, rungs[k]);
        if (!shape) {
            continue;
        }
        Pick p;
        p.fit = quick_fit(c, shape->shape, rungs[k]);
        if (!runs(p.fit) || (floor && p.fit.speed.decode_tps.p50 < c.request.min_tps)) {
            continue;
        }
        p.size_class = size_class_of(*cand.model);
        p.model = cand.model;
        p.quant = rungs[k];
        p.shape = std::move(shape->shape);
        p.file_bytes = shape->file_bytes;
        p.quality = model_quality(*cand.model);
        p.quant_cost = quant_cost(c.quants, rungs[k]);
        p.score = score_of(c, *cand.model, rungs[k], p.fit.speed.decode_tps.p50);
        p.below_floor = p.fit.speed.decode_tps.p50 < c.request.min_tps;
        return p;
    }
    return std::nullopt;
}

void explain(Pick& p, const RecommendRequest& req) {
    p.why.emplace_back("why.best_in_class");
    if (req.prefer_zh && p.model->zh_strong) {
        p.why.emplace_back("why.zh_strong");
    }
    p.why.emplace_back(p.below_floor ? "why.below_speed_floor" : "why.meets_speed_floor");
    p.why.emplace_back(std::string("why.placement.") +
                       estimate::to_string(p.fit.placement.mode));
}

// Candidates tried per size class before giving up on it (each try is an exact layout).
constexpr std::size_t kTriesPerClass = 4;

}  // namespace

Recommendation recommend(const catalog::ModelCatalog& models, const catalog::QuantsCatalog& quants,
                         const estimate::Machine& machine, const RecommendRequest& request,
                         const estimate::MemoryTuning& memory_tuning,
                         const estimate::SpeedTuning& speed_tuning) {
    const Ctx c{quants, machine, request, memory_tuning, speed_tuning};
    std::map<std::string, std::vector<Candidate>> by_class;
    std::optional<Candidate> fastest;
    for (const auto& m : models.models) {
        if (!size_class_of(m).empty() && serves(m, request.use)) {
            if (auto cand = screen(c, m, fastest)) {
                by_class[size_class_of(m)].push_back(*cand);
            }
        }
    }
    Recommendation r;
    for (auto& [cls, cands] : by_class) {
        std::sort(cands.begin(), cands.end(),
                  [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        for (std::size_t i = 0; i < std::min(cands.size(), kTriesPerClass); ++i) {
            if (auto p = verify(c, cands[i], true)) {
                r.picks.push_back(std::move(*p));
                break;
            }
        }
    }
    if (r.picks.empty() && fastest) {
        if (auto p = verify(c, *fastest, false)) {
            r.picks.push_back(std::move(*p));
            r.notes.emplace_back("recommend.nothing_meets_speed_floor");
        }
    }
    for (auto& p : r.picks) {
        FitRequest req = request.fit;
        req.speed.quant = p.quant;
        p.fit = fit_model(p.shape, machine, req, memory_tuning, speed_tuning);  // with max_ctx
        explain(p, request);
    }
    std::sort(r.picks.begin(), r.picks.end(),
              [](const Pick& a, const Pick& b) { return a.score > b.score; });
    return r;
}

}  // namespace canrun::advise
