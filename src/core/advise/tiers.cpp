#include "advise/tiers.h"

#include <algorithm>
#include <fmt/format.h>

namespace canrun::advise {

namespace {

// Thresholds that separate the classes of shared/reference-table.md. Memory ranges are the
// table's; the bandwidth line between an entry and a mid desktop card sits between the RTX 4060
// Ti (288 GB/s) and the RTX 4070 (504 GB/s), and between an entry and a performance laptop GPU
// between the RTX 4050 Laptop (192 GB/s) and the RTX 3060 Laptop (336 GB/s).
constexpr double kServerGib = 40;
constexpr double kHighGib = 20;
constexpr double kMidBandwidth = 400;
constexpr double kMidGibNoBandwidth = 12;
constexpr double kLaptopPerfGib = 8;
constexpr double kLaptopPerfBandwidth = 300;
constexpr double kUnifiedLargeGib = 24;

TierChoice pick(std::string id, bool exact, std::string en, std::string zh) {
    return {std::move(id), exact, std::move(en), std::move(zh)};
}

double total_discrete_gib(const TierInput& in) {
    double sum = 0;
    for (const auto& g : in.gpus) {
        if (g.discrete) {
            sum += g.memory_gib;
        }
    }
    return sum;
}

const TierGpu* best_discrete(const TierInput& in) {
    const TierGpu* best = nullptr;
    for (const auto& g : in.gpus) {
        if (g.discrete && (best == nullptr || g.memory_gib > best->memory_gib)) {
            best = &g;
        }
    }
    return best;
}

const TierGpu* unified_gpu(const TierInput& in) {
    for (const auto& g : in.gpus) {
        if (g.unified) {
            return &g;
        }
    }
    return nullptr;
}

TierChoice classify_no_discrete(const TierInput& in) {
    if (const TierGpu* u = unified_gpu(in); u != nullptr) {
        if (u->apple) {
            return pick("apple-silicon", true, "Apple Silicon with unified memory",
                        "Apple Silicon，统一内存");
        }
        if (u->memory_gib >= kUnifiedLargeGib) {
            return pick("apple-silicon", false,
                        fmt::format("unified memory ({:.0f} GiB for the GPU) behaves like the "
                                    "Apple Silicon class; no class lists this chip",
                                    u->memory_gib),
                        fmt::format("统一内存（GPU 可用 {:.0f} GiB），最接近 Apple Silicon 一档；"
                                    "参考表中没有这类芯片",
                                    u->memory_gib));
        }
    }
    if (in.sbc || (in.arm && in.ram_gib <= 16)) {
        return pick("sbc", in.sbc, "ARM single-board computer", "ARM 单板计算机");
    }
    if (in.laptop) {
        return pick("laptop-igpu", true, "laptop without a discrete GPU", "没有独立显卡的笔记本");
    }
    return pick("laptop-igpu", false,
                "no discrete GPU: models run on the CPU and integrated graphics, as in the "
                "integrated-graphics class",
                "没有独立显卡：模型在 CPU 和核显上运行，与核显一档相同");
}

TierChoice classify_desktop(const TierInput& in, const TierGpu& best, double total_gib) {
    const bool several = in.gpus.size() > 1;
    const std::string many_en = several ? fmt::format(" ({:.0f} GiB over several GPUs)", total_gib) : "";
    const std::string many_zh = several ? fmt::format("（多卡合计 {:.0f} GiB）", total_gib) : "";
    if (best.data_centre || total_gib >= kServerGib) {
        if (best.workstation && !several) {
            return pick("desktop-high", true, "workstation GPU with 24-48 GB",
                        "24-48 GB 工作站显卡");
        }
        return pick("server", !several || best.data_centre, "data-centre GPU memory" + many_en,
                    "数据中心级显存" + many_zh);
    }
    if (total_gib >= kHighGib) {
        return pick("desktop-high", !several, "24 GB-class GPU memory" + many_en,
                    "24 GB 级显存" + many_zh);
    }
    const bool mid = best.bandwidth_gbps > 0 ? best.bandwidth_gbps >= kMidBandwidth
                                             : best.memory_gib >= kMidGibNoBandwidth;
    if (mid) {
        return pick("desktop-mid", true, "mid-range discrete GPU", "中端独立显卡");
    }
    return pick("desktop-entry", best.memory_gib >= 7.5, "entry discrete GPU", "入门独立显卡");
}

}  // namespace

TierChoice classify_tier(const TierInput& in) {
    const TierGpu* best = best_discrete(in);
    if (best == nullptr) {
        if (in.accelerator_gib >= kServerGib) {
            return pick("server", false,
                        fmt::format("accelerator cards with {:.0f} GiB: the data-centre class",
                                    in.accelerator_gib),
                        fmt::format("加速卡共 {:.0f} GiB：数据中心一档", in.accelerator_gib));
        }
        return classify_no_discrete(in);
    }
    const double total = total_discrete_gib(in);
    if (in.laptop && !in.server) {
        const bool perf = best->memory_gib >= kLaptopPerfGib - 0.5 ||
                          best->bandwidth_gbps >= kLaptopPerfBandwidth;
        if (perf) {
            return pick("laptop-performance", true, "laptop with a mid/high discrete GPU",
                        "中高端独显笔记本");
        }
        return pick("laptop-entry", true, "laptop with an entry discrete GPU", "入门独显笔记本");
    }
    return classify_desktop(in, *best, total);
}

}  // namespace canrun::advise
