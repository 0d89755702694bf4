// Set-ups over several machines, or added to what the user has: --have, clusters of identical
// machines (llama.cpp RPC, vLLM + Ray), a fleet (--nodes) and cloud rentals.
#include <algorithm>

#include <fmt/format.h>

#include "advise/plan_cluster.h"
#include "advise/plan_options.h"
#include "util/units.h"

namespace canrun::advise {

namespace {

using catalog::DeviceKind;
using catalog::FormFactor;
using catalog::HardwareSpec;

constexpr std::uint32_t kMaxNodes = 4;

const HardwareSpec* find_spec(const PlanData& d, const std::string& id) {
    for (const auto& s : d.hardware->devices) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

bool vllm_backend(const HardwareSpec& s) {
    return !s.unified_memory &&
           (s.backend == catalog::BackendHint::Cuda || s.backend == catalog::BackendHint::Rocm);
}

std::uint64_t gpu_bytes(const estimate::Machine& m) {
    std::uint64_t sum = 0;
    for (const auto& g : m.gpus) {
        sum += g.memory_total_bytes;
    }
    return sum;
}

// The head's machine with the GPUs of `extra` appended (each tagged with its node).
void append_node(estimate::Machine& into, std::vector<std::uint32_t>& gpu_node,
                 const estimate::Machine& extra, std::uint32_t node) {
    if (gpu_node.size() < into.gpus.size()) {
        gpu_node.resize(into.gpus.size(), 0);
    }
    for (const auto& g : extra.gpus) {
        into.gpus.push_back(g);
        gpu_node.push_back(node);
    }
}

PlanCandidate base(PlanKind kind, std::string name, const estimate::Machine& m) {
    PlanCandidate c;
    c.option.kind = kind;
    c.option.name = std::move(name);
    c.machine = m;
    for (const auto& g : m.gpus) {
        c.option.devices.push_back(g.name);
    }
    return c;
}

std::optional<PlanMoney> times(const std::optional<catalog::Price>& p, double n, bool per_hour) {
    if (!p) {
        return std::nullopt;
    }
    return PlanMoney{p->amount * n, p->currency, per_hour, false, p->date, p->source};
}

}  // namespace

std::uint64_t plan_model_bytes(const PlanRequest& r) {
    const std::uint32_t ctx = r.ctx > 0 ? r.ctx : kDefaultCtx;
    std::uint64_t kv_per_token = 0;
    for (const auto& l : r.model->layers) {
        kv_per_token += 2ULL * l.n_head_kv * std::max(l.head_dim_k, l.head_dim_v);
    }
    return r.model->weight_bytes() + kv_per_token * ctx;
}

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
    more.steps.push_back(base(PlanKind::Have, fmt::format("your {}", have_name), head));
    more.steps.back().option.price = PlanMoney{0, currency, false, false, "", ""};
    auto grown = head;
    for (int k = 1; k <= 3 && grown.gpus.size() < 8; ++k) {
        grown.gpus.push_back(head.gpus.front());
        auto c = base(PlanKind::Have, fmt::format("your {} + {} x {}", have_name, k, first.name), grown);
        c.option.price = times(first.price, k, false);
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
        f.steps.push_back(base(PlanKind::Have, fmt::format("your {} + {}", have_name, s.name), mixed));
        f.steps.back().option.price = times(s.price, 1, false);
        out.push_back(std::move(f));
    }
}

void add_clusters(const HardwareSpec& s, const PlanRequest& r, std::vector<PlanFamily>& out) {
    if (s.kind == DeviceKind::CpuPlatform || s.form_factor == FormFactor::Laptop ||
        s.form_factor == FormFactor::Sbc || s.backend == catalog::BackendHint::Cpu) {
        return;
    }
    const int per_node = s.unified_memory ? 1 : (s.form_factor == FormFactor::Server ? 8 : 4);
    const auto box = catalog_machine(s, per_node, s.memory_gb.back());
    if (!box) {
        return;
    }
    const std::uint64_t need = plan_model_bytes(r);
    const std::uint64_t one = gpu_bytes(*box);
    if (one >= need || one * kMaxNodes < need) {
        return;  // one box is enough, or even four are not
    }
    PlanFamily rpc;
    PlanFamily ray;
    ray.stop_at_full_gpu = false;
    for (std::uint32_t n = 2; n <= kMaxNodes; ++n) {
        if (!s.unified_memory && n * static_cast<std::uint32_t>(per_node) <= 8) {
            continue;  // as many GPUs as one box of 8: that box is the simpler answer
        }
        PlanCandidate c = base(PlanKind::Cluster, fmt::format("{} nodes x {}", n, box->name), *box);
        for (std::uint32_t k = 1; k < n; ++k) {
            append_node(c.machine, c.gpu_node, *box, k);
        }
        c.option.devices.clear();
        for (const auto& g : c.machine.gpus) {
            c.option.devices.push_back(g.name);
        }
        c.option.device_id = s.id;
        c.option.nodes = n;
        c.option.gpus_per_node = static_cast<std::uint32_t>(per_node);
        c.option.price = times(s.price, static_cast<double>(n) * per_node, false);
        c.workers = worker_names(n);
        c.option.node_names = c.workers;
        c.option.node_names.insert(c.option.node_names.begin(), "head");
        rpc.steps.push_back(c);
        if (vllm_backend(s) && tp_divisible(*r.model, static_cast<std::uint32_t>(per_node))) {
            c.option.engine = PlanEngine::Vllm;
            c.option.split = estimate::SplitMode::Tensor;
            c.option.nvlink = fast_gpu_link(s);
            c.machine = *box;
            c.gpu_node.clear();
            c.vllm = {static_cast<std::uint32_t>(per_node), n, c.option.nvlink};
            ray.steps.push_back(c);
        }
    }
    out.push_back(std::move(rpc));
    if (!ray.steps.empty()) {
        out.push_back(std::move(ray));
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
    PlanCandidate c = base(PlanKind::Fleet, "", r.nodes.front().machine);
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

void add_cloud(const PlanRequest& r, const PlanData& d, std::vector<PlanFamily>& out) {
    for (const auto& rental : d.cloud->rentals) {
        const auto* s = find_spec(d, rental.device);
        if (s == nullptr) {
            continue;
        }
        PlanFamily llama;
        PlanFamily vllm;
        vllm.stop_at_full_gpu = false;
        for (int n = 1; n <= rental.max_gpus; n *= 2) {
            auto m = catalog_machine(*s, n, std::nullopt);
            if (!m) {
                continue;
            }
            PlanCandidate c = base(PlanKind::Cloud, fmt::format("{}: {}", rental.provider, m->name), *m);
            c.option.device_id = s->id;
            c.option.gpus_per_node = static_cast<std::uint32_t>(n);
            const auto& p = rental.price_per_gpu_hour;
            c.option.price = PlanMoney{p.amount * n, p.currency, true, false, p.date, p.source};
            llama.steps.push_back(c);
            if (n > 1 && vllm_backend(*s) && tp_divisible(*r.model, static_cast<std::uint32_t>(n))) {
                c.option.engine = PlanEngine::Vllm;
                c.option.split = estimate::SplitMode::Tensor;
                c.option.nvlink = fast_gpu_link(*s);
                c.vllm = {static_cast<std::uint32_t>(n), 1, c.option.nvlink};
                vllm.steps.push_back(c);
            }
        }
        out.push_back(std::move(llama));
        if (!vllm.steps.empty()) {
            out.push_back(std::move(vllm));
        }
    }
}

}  // namespace canrun::advise
