// One or two GPUs in a server or workstation with many memory channels, for MoE models too big
// for the GPUs: llama.cpp keeps attention, the shared experts and the dense layers on the GPUs
// and the routed experts of the first layers in RAM (--n-cpu-moe, or -ot exps=CPU for all).
// The set-up people build for DeepSeek V3/R1, Qwen3 235B or GLM-4.5 at home: a 24-32 GB card
// and 256-768 GB of 8-12-channel DDR4/DDR5. fit_model places it (experts first to the CPU) and
// the speed model streams the experts at RAM bandwidth and the rest at VRAM bandwidth.
#include <fmt/format.h>

#include "advise/plan_options.h"
#include "util/units.h"

namespace canrun::advise {

using catalog::DeviceKind;
using catalog::FormFactor;
using catalog::HardwareSpec;

namespace {

constexpr double kMinGpuGb = 24;      // the cards these builds use: 24 GB and up
constexpr int kMinBusBits = 8 * 64;   // 8 memory channels and more
constexpr int kGpuCounts[] = {1, 2};

// A priced discrete CUDA/ROCm card of 24 GB or more, for a desktop or workstation.
bool hybrid_gpu(const HardwareSpec& s) {
    return s.price && vllm_backend(s) && s.kind == DeviceKind::Gpu &&
           (s.form_factor == FormFactor::Desktop || s.form_factor == FormFactor::Workstation) &&
           !s.memory_gb.empty() && s.memory_gb.front() >= kMinGpuGb;
}

// A CPU platform with 8 or more memory channels (EPYC, Xeon, Threadripper PRO).
bool hybrid_platform(const HardwareSpec& s) {
    return s.kind == DeviceKind::CpuPlatform && s.bus_width_bits.value_or(0) >= kMinBusBits &&
           (s.form_factor == FormFactor::Server || s.form_factor == FormFactor::Workstation);
}

// The cards of a hybrid set-up: bought (priced) or the user's own (--have, price 0).
struct Cards {
    std::vector<estimate::GpuDevice> gpus;
    std::string label;                // "GeForce RTX 4090", "2 x ...", "your GeForce RTX 3090"
    std::string device_id;
    std::optional<PlanMoney> price;
};

// Cards plus platform, when the data prices both (it prices no server platform yet).
std::optional<PlanMoney> sum_prices(const Cards& cards, const HardwareSpec& platform) {
    if (!cards.price || !platform.price || cards.price->currency != platform.price->currency) {
        return std::nullopt;
    }
    auto m = cards.price;
    m->amount += platform.price->amount;
    return m;
}

// The cards in a machine with the platform's CPU and RAM: every RAM size, smallest first.
PlanFamily hybrid_family(const Cards& cards, const HardwareSpec& platform) {
    PlanFamily f;
    f.stop_at_full_gpu = false;
    f.stop_at_fit = true;  // more RAM than the model needs only adds cost
    for (const double gb : platform.memory_gb) {
        auto m = catalog_machine(platform, 1, gb);
        if (!m) {
            continue;
        }
        m->gpus = cards.gpus;
        // "GeForce RTX 4090 + 384 GB DDR5-6000 12-channel": the size before the platform, so
        // that a table cut at 29 columns still tells the options apart.
        const auto name = fmt::format("{} + {:g} GB {}", cards.label, gb, platform.name);
        auto c = base_candidate(PlanKind::Hybrid, name, *m);
        c.option.device_id = cards.device_id;
        c.option.gpus_per_node = static_cast<std::uint32_t>(cards.gpus.size());
        c.option.price = sum_prices(cards, platform);
        c.option.notes.emplace_back("plan.hybrid_moe");
        f.steps.push_back(std::move(c));
    }
    return f;
}

std::optional<Cards> bought(const HardwareSpec& gpu, int n) {
    const auto m = catalog_machine(gpu, n, std::nullopt);
    if (!m) {
        return std::nullopt;
    }
    const std::string many = n > 1 ? fmt::format("{} x ", n) : "";
    return Cards{m->gpus, many + gpu.name, gpu.id, price_times(gpu.price, n, false)};
}

// --have: the user's GPUs (all of them) in such a server; only the server is to buy.
std::optional<Cards> owned(const PlanRequest& r, const PlanData& d) {
    Cards c;
    const HardwareSpec* first = nullptr;
    for (const auto& id : r.have) {
        const auto* s = find_spec(d, id);
        const auto m = s != nullptr && vllm_backend(*s) ? catalog_machine(*s, 1, std::nullopt)
                                                        : std::nullopt;
        if (!m) {
            return std::nullopt;  // not a discrete CUDA/ROCm card
        }
        first = first != nullptr ? first : s;
        c.gpus.insert(c.gpus.end(), m->gpus.begin(), m->gpus.end());
    }
    if (first == nullptr) {
        return std::nullopt;
    }
    c.label = r.have.size() > 1 ? fmt::format("your {} x {}", r.have.size(), first->name)
                                : "your " + first->name;
    c.device_id = first->id;
    c.price = PlanMoney{0, r.currency, false, false, "", ""};
    return c;
}

}  // namespace

void add_hybrid(const PlanRequest& r, const PlanData& d, std::vector<PlanFamily>& out) {
    if (r.model->n_expert == 0) {
        return;  // dense: a layer split is all llama.cpp can do, the other families have it
    }
    std::vector<Cards> all;
    for (const auto& gpu : d.hardware->devices) {
        if (!hybrid_gpu(gpu)) {
            continue;
        }
        for (const int n : kGpuCounts) {
            if (auto c = bought(gpu, n)) {
                all.push_back(std::move(*c));
            }
        }
    }
    if (auto c = owned(r, d)) {
        all.push_back(std::move(*c));
    }
    const std::uint64_t need = plan_model_bytes(r);
    for (const auto& cards : all) {
        std::uint64_t vram = 0;
        for (const auto& g : cards.gpus) {
            vram += g.memory_total_bytes;
        }
        if (need <= vram) {
            continue;  // it fits on the GPUs: the single, multi-GPU and --have families answer it
        }
        for (const auto& platform : d.hardware->devices) {
            if (hybrid_platform(platform)) {
                out.push_back(hybrid_family(cards, platform));
            }
        }
    }
}

}  // namespace canrun::advise
