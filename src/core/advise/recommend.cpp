#include "advise/recommend.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
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
enum class LadderId { Small, Default, Mxfp4 };
constexpr std::size_t kLadderCount = 3;

LadderId ladder_id(const catalog::CatalogModel& m) {
    if (m.default_quant() == "MXFP4_MOE") {
        return LadderId::Mxfp4;
    }
    return m.params <= 4'500'000'000ULL ? LadderId::Small : LadderId::Default;
}

const std::vector<std::string>& ladder(LadderId id) {
    static const std::vector<std::string> kSmall = {"F16",    "Q8_0",   "Q6_K", "Q5_K_M",
                                                    "Q4_K_M", "Q3_K_M", "Q2_K"};
    static const std::vector<std::string> kDefault = {"Q8_0",   "Q6_K",   "Q5_K_M",
                                                      "Q4_K_M", "Q3_K_M", "Q2_K"};
    static const std::vector<std::string> kMxfp4 = {"MXFP4_MOE"};
    return id == LadderId::Mxfp4 ? kMxfp4 : id == LadderId::Small ? kSmall : kDefault;
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

// A quantization's whole-file bits per weight and quality cost, looked up once per call.
struct RungFacts {
    double bpw = 0;
    double cost = 0;
};

struct Ctx {
    const catalog::QuantsCatalog& quants;
    const estimate::Machine& machine;
    const RecommendRequest& request;
    const estimate::MemoryTuning& memory_tuning;
    const estimate::SpeedTuning& speed_tuning;
    std::array<std::vector<RungFacts>, kLadderCount> facts{};  // per ladder, per rung

    const RungFacts& rung(LadderId id, std::size_t k) const {
        return facts[static_cast<std::size_t>(id)][k];
    }
};

void fill_rung_facts(Ctx& c) {
    for (std::size_t i = 0; i < kLadderCount; ++i) {
        for (const auto& q : ladder(static_cast<LadderId>(i))) {
            c.facts[i].push_back(RungFacts{bulk_bpw(c.quants, q), quant_cost(c.quants, q)});
        }
    }
}

// A model at one quantization of its ladder, as screened with its quick shape.
struct Candidate {
    const catalog::CatalogModel* model = nullptr;
    std::size_t rung = 0;  // index into ladder(ladder_id(*model))
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

// `speed`: decode speed over the floor, clamped to [1, kSpeedCap].
double score_of(const Ctx& c, const catalog::CatalogModel& m, double quality, double cost,
                double speed) {
    return quality - cost + (c.request.prefer_zh && m.zh_strong ? kZhBonus : 0) +
           kSpeedWeight * std::log2(speed);
}

double score_at(const Ctx& c, const catalog::CatalogModel& m, double quality, double cost,
                double tps) {
    const double floor = std::max(0.1, c.request.min_tps);
    return score_of(c, m, quality, cost, std::clamp(tps / floor, 1.0, kSpeedCap));
}

// Screens a model's ladder with quick shapes: the best-scoring rung that runs at the speed
// floor. With `fastest` it also keeps the quickest rung that runs at all and tries every rung;
// without, it skips rungs whose score could not beat the best even at the capped speed bonus
// (the same answer, fewer fits).
std::optional<Candidate> screen(const Ctx& c, const catalog::CatalogModel& m,
                                std::optional<Candidate>* fastest) {
    const std::uint64_t ceiling = memory_ceiling(c.machine, c.request.fit.cpu_only);
    const LadderId id = ladder_id(m);
    const auto& rungs = ladder(id);
    const double quality = model_quality(m);
    std::optional<Candidate> best;
    for (std::size_t k = 0; k < rungs.size(); ++k) {
        const RungFacts& f = c.rung(id, k);
        if (static_cast<double>(m.params) * f.bpw / 8 > static_cast<double>(ceiling)) {
            continue;
        }
        if (fastest == nullptr && best && score_of(c, m, quality, f.cost, kSpeedCap) <= best->score) {
            continue;
        }
        const auto fit = quick_fit(c, quick_shape(m, f.bpw), rungs[k]);
        if (!runs(fit)) {
            continue;
        }
        const double tps = fit.speed.decode_tps.p50;
        const Candidate cand{&m, k, score_at(c, m, quality, f.cost, tps), tps};
        if (tps >= c.request.min_tps && (!best || cand.score > best->score)) {
            best = cand;
        }
        if (fastest != nullptr && (!*fastest || cand.tps > (*fastest)->tps)) {
            *fastest = cand;
        }
    }
    return best;
}

// The exact answer for a candidate: its rung, or the next one down when the exact shape no
// longer fits or meets the floor. `floor` false accepts any speed (the fallback pick).
std::optional<Pick> verify(const Ctx& c, const Candidate& cand, bool floor) {
    const LadderId id = ladder_id(*cand.model);
    const auto& rungs = ladder(id);
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
        p.quant_cost = c.rung(id, k).cost;
        p.score = score_at(c, *cand.model, p.quality, p.quant_cost, p.fit.speed.decode_tps.p50);
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

// A size class's candidates, and the best kTriesPerClass scores among them (descending).
struct ClassCandidates {
    std::vector<Candidate> all;
    std::vector<double> top;

    void add(const Candidate& cand) {
        all.push_back(cand);
        top.insert(std::upper_bound(top.begin(), top.end(), cand.score, std::greater<>()),
                   cand.score);
        if (top.size() > kTriesPerClass) {
            top.pop_back();
        }
    }
    // Whether kTriesPerClass candidates already score above `score` (a model that cannot
    // score more would never be tried).
    bool beats(double score) const { return top.size() == kTriesPerClass && score < top.back(); }
};

// The most a model could score: its cheapest rung at the capped speed bonus.
double best_possible(const Ctx& c, const catalog::CatalogModel& m) {
    const LadderId id = ladder_id(m);
    double cost = c.rung(id, 0).cost;
    for (std::size_t k = 1; k < ladder(id).size(); ++k) {
        cost = std::min(cost, c.rung(id, k).cost);
    }
    return score_of(c, m, model_quality(m), cost, kSpeedCap);
}

// Nothing met the speed floor: the quickest rung of any model, whatever its speed.
void add_fastest(const Ctx& c, const catalog::ModelCatalog& models, Recommendation& r) {
    std::optional<Candidate> fastest;
    for (const auto& m : models.models) {
        if (!size_class_of(m).empty() && serves(m, c.request.use)) {
            screen(c, m, &fastest);
        }
    }
    if (fastest) {
        if (auto p = verify(c, *fastest, false)) {
            r.picks.push_back(std::move(*p));
            r.notes.emplace_back("recommend.nothing_meets_speed_floor");
        }
    }
}

}  // namespace

Recommendation recommend(const catalog::ModelCatalog& models, const catalog::QuantsCatalog& quants,
                         const estimate::Machine& machine, const RecommendRequest& request,
                         const estimate::MemoryTuning& memory_tuning,
                         const estimate::SpeedTuning& speed_tuning) {
    Ctx c{quants, machine, request, memory_tuning, speed_tuning};
    fill_rung_facts(c);
    std::map<std::string, ClassCandidates> by_class;
    for (const auto& m : models.models) {
        const std::string cls = size_class_of(m);
        if (cls.empty() || !serves(m, request.use)) {
            continue;
        }
        auto& in_class = by_class[cls];
        if (in_class.beats(best_possible(c, m))) {
            continue;  // kTriesPerClass candidates score higher than this model can
        }
        if (auto cand = screen(c, m, nullptr)) {
            in_class.add(*cand);
        }
    }
    Recommendation r;
    for (auto& [cls, in_class] : by_class) {
        auto& cands = in_class.all;
        // Ties keep catalog order.
        std::stable_sort(cands.begin(), cands.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        for (std::size_t i = 0; i < std::min(cands.size(), kTriesPerClass); ++i) {
            if (auto p = verify(c, cands[i], true)) {
                r.picks.push_back(std::move(*p));
                break;
            }
        }
    }
    if (r.picks.empty()) {
        add_fastest(c, models, r);
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
