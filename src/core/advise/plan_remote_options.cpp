// Set-ups over several identical machines (llama.cpp RPC, vLLM + Ray) and cloud rentals.
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

constexpr std::uint32_t kMaxNodes = 4;

// The same cluster under vLLM + Ray: tensor parallel within a box, pipeline across boxes.
PlanCandidate ray_step(PlanCandidate c, const HardwareSpec& s, const estimate::Machine& box) {
    c.option.engine = PlanEngine::Vllm;
    c.option.split = estimate::SplitMode::Tensor;
    c.option.nvlink = fast_gpu_link(s);
    c.machine = box;
    c.gpu_node.clear();
    c.vllm = {c.option.gpus_per_node, c.option.nodes, c.option.nvlink};
    return c;
}

}  // namespace

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
        PlanCandidate c = base_candidate(PlanKind::Cluster, fmt::format("{} nodes x {}", n, box->name), *box);
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
        c.option.price = price_times(s.price, static_cast<double>(n) * per_node, false);
        c.workers = worker_names(n);
        c.option.node_names = c.workers;
        c.option.node_names.insert(c.option.node_names.begin(), "head");
        rpc.steps.push_back(c);
        if (vllm_backend(s) && tp_divisible(*r.model, static_cast<std::uint32_t>(per_node))) {
            ray.steps.push_back(ray_step(c, s, *box));
        }
    }
    out.push_back(std::move(rpc));
    if (!ray.steps.empty()) {
        out.push_back(std::move(ray));
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
            PlanCandidate c = base_candidate(PlanKind::Cloud, fmt::format("{}: {}", rental.provider, m->name), *m);
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
