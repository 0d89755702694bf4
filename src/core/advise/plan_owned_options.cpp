// Set-ups from what the user has: --have (their GPUs, then more) and --nodes (a fleet).
#include <algorithm>

#include <fmt/format.h>

#include "advise/plan_cluster.h"
#include "advise/plan_options.h"
#include "util/units.h"

namespace canrun::advise {

using catalog::DeviceKind;
using catalog::FormFactor;
using catalog::HardwareSpec;

namespace {

// Every GPU the user has, in one box (the first one's host).
std::optional<estimate::Machine> have_machine(const std::vector<const HardwareSpec*>& owned) {
    auto head = catalog_machine(*owned.front(), 1, std::nullopt);
    if (!head) {
        return std::nullopt;
    }
    std::vector<std::uint32_t> none;
    for (std::size_t i = 1; i < owned.size(); ++i) {
        if (auto extra = catalog_machine(*owned[i], 1, std::nullopt)) {
            append_node(*head, none, *extra, 0);
        }
    }
    return head;
}

// What the user has, then with 1, 2, 3 more of their first GPU.
PlanFamily have_and_more(const estimate::Machine& head, const HardwareSpec& first,
                         const std::string& have_name, const std::string& currency) {
    PlanFamily more;
    more.steps.push_back(base_candidate(PlanKind::Have, fmt::format("your {}", have_name), head));
    more.steps.back().option.price = PlanMoney{0, currency, false, false, "", ""};
    auto grown = head;
    for (int k = 1; k <= 3 && grown.gpus.size() < 8; ++k) {
        grown.gpus.push_back(head.gpus.front());
        auto c = base_candidate(PlanKind::Have, fmt::format("your {} + {} x {}", have_name, k, first.name), grown);
        c.option.price = price_times(first.price, k, false);
        more.steps.push_back(c);
    }
    return more;
}

}  // namespace

void add_have(const PlanRequest& r, const PlanData& d, std::vector<PlanFamily>& out) {
    std::vector<const HardwareSpec*> owned;
    for (const auto& id : r.have) {
        if (const auto* s = find_spec(d, id)) {
            owned.push_back(s);
        }
    }
    const auto head = owned.empty() ? std::nullopt : have_machine(owned);
    if (!head) {
        return;
    }
    const std::string have_name = owned.size() > 1
                                      ? fmt::format("{} x {}", owned.size(), owned.front()->name)
                                      : owned.front()->name;
    out.push_back(have_and_more(*head, *owned.front(), have_name, r.currency));
    std::vector<std::uint32_t> none;
    for (const auto& s : d.hardware->devices) {  // or one more GPU of another kind (-ts)
        if (!s.price || s.id == owned.front()->id || s.unified_memory) {
            continue;
        }
        auto extra = catalog_machine(s, 1, std::nullopt);
        if (!extra) {
            continue;
        }
        auto mixed = *head;
        append_node(mixed, none, *extra, 0);
        PlanFamily f;
        f.steps.push_back(base_candidate(PlanKind::Have, fmt::format("your {} + {}", have_name, s.name), mixed));
        f.steps.back().option.price = price_times(s.price, 1, false);
        out.push_back(std::move(f));
    }
}

namespace {

// A node without GPUs serves its RAM and CPU through rpc-server's CPU backend.
estimate::GpuDevice cpu_as_device(const PlanNode& n) {
    estimate::GpuDevice g;
    g.name = n.name + " CPU";
    g.backend = estimate::Backend::Cpu;
    const std::uint64_t reserve = std::min<std::uint64_t>(2 * kGiB, n.machine.cpu.ram_total_bytes / 8);
    const std::uint64_t ram = n.machine.cpu.ram_available_bytes > 0 ? n.machine.cpu.ram_available_bytes
                                                                    : n.machine.cpu.ram_total_bytes;
    g.memory_total_bytes = ram > reserve ? ram - reserve : 0;
    g.memory_free_bytes = g.memory_total_bytes;
    g.bandwidth_gbps = n.machine.cpu.bandwidth_gbps;
    return g;
}

bool same_cuda_nodes(const std::vector<PlanNode>& nodes) {
    const auto& first = nodes.front().machine.gpus;
    return !first.empty() && std::all_of(nodes.begin(), nodes.end(), [&](const PlanNode& n) {
        const auto& g = n.machine.gpus;
        return g.size() == first.size() && !g.front().unified &&
               (g.front().backend == estimate::Backend::Cuda ||
                g.front().backend == estimate::Backend::Rocm) &&
               g.front().memory_total_bytes == first.front().memory_total_bytes;
    });
}

}  // namespace

void add_fleet(const PlanRequest& r, std::vector<PlanFamily>& out) {
    if (r.nodes.empty()) {
        return;
    }
    std::string name = "fleet:";
    PlanCandidate c = base_candidate(PlanKind::Fleet, "", r.nodes.front().machine);
    c.gpu_node.assign(c.machine.gpus.size(), 0);
    for (std::uint32_t i = 0; i < r.nodes.size(); ++i) {
        const auto& n = r.nodes[i];
        name += (i == 0 ? " " : " + ") + n.name;
        c.option.node_names.push_back(n.name);
        if (i == 0) {
            continue;
        }
        estimate::Machine extra = n.machine;
        if (extra.gpus.empty()) {
            extra.gpus.push_back(cpu_as_device(n));
        }
        append_node(c.machine, c.gpu_node, extra, i);
        c.workers.push_back(n.name);
    }
    c.option.name = name;
    c.option.nodes = static_cast<std::uint32_t>(r.nodes.size());
    c.option.devices.clear();
    for (const auto& g : c.machine.gpus) {
        c.option.devices.push_back(g.name);
    }
    c.option.price = PlanMoney{0, r.currency, false, false, "", ""};
    PlanFamily f;
    f.steps.push_back(c);
    out.push_back(f);
    const auto tp = static_cast<std::uint32_t>(r.nodes.front().machine.gpus.size());
    if (same_cuda_nodes(r.nodes) && tp_divisible(*r.model, tp)) {
        c.option.engine = PlanEngine::Vllm;
        c.option.split = tp > 1 ? estimate::SplitMode::Tensor : estimate::SplitMode::Layer;
        c.machine = r.nodes.front().machine;
        c.gpu_node.clear();
        c.vllm = {tp, c.option.nodes, false};
        PlanFamily v;
        v.stop_at_full_gpu = false;
        v.steps.push_back(c);
        out.push_back(v);
    }
}

}  // namespace canrun::advise
