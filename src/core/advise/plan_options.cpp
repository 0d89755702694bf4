#include "advise/plan_options.h"

#include <algorithm>

#include <fmt/format.h>

#include "advise/plan_cluster.h"
#include "catalog/hardware_profile.h"
#include "util/units.h"

namespace canrun::advise {

namespace {

using catalog::DeviceKind;
using catalog::FormFactor;
using catalog::HardwareSpec;

constexpr int kGpuCounts[] = {1, 2, 4, 8};

bool discrete(const HardwareSpec& s) {
    return !s.unified_memory && s.kind != DeviceKind::CpuPlatform && s.kind != DeviceKind::Soc &&
           s.kind != DeviceKind::Apu;
}

bool arm_host(const HardwareSpec& s) {
    return s.vendor == "apple" || s.vendor == "qualcomm" || s.vendor == "raspberry-pi" ||
           s.form_factor == FormFactor::Sbc || (s.vendor == "nvidia" && s.kind == DeviceKind::Soc);
}

std::uint32_t host_cores(const HardwareSpec& s) {
    switch (s.form_factor) {
    case FormFactor::Server: return 32;
    case FormFactor::Workstation: return 16;
    default: return 8;
    }
}

PlanCandidate candidate(const HardwareSpec& s, PlanKind kind, estimate::Machine m, int gpus) {
    PlanCandidate c;
    c.option.kind = kind;
    c.option.device_id = s.id;
    c.option.name = m.name;
    c.option.gpus_per_node = static_cast<std::uint32_t>(m.gpus.size());
    for (const auto& g : m.gpus) {
        c.option.devices.push_back(g.name);
    }
    if (m.gpus.empty()) {
        c.option.devices.push_back(m.name);
    }
    c.option.price = price_times(s.price, gpus, false);
    c.machine = std::move(m);
    return c;
}

// 1, 2, 4, 8 of a discrete GPU: llama.cpp layer split (one family) and vLLM TP (another).
void add_discrete(const HardwareSpec& s, const PlanRequest& r, std::vector<PlanFamily>& out) {
    if (!discrete(s) || s.form_factor == FormFactor::Laptop) {
        return;
    }
    const bool vllm_ok = s.backend == catalog::BackendHint::Cuda || s.backend == catalog::BackendHint::Rocm;
    PlanFamily llama;
    PlanFamily vllm;
    vllm.stop_at_full_gpu = false;
    for (const int n : kGpuCounts) {
        auto m = catalog_machine(s, n, std::nullopt);
        if (!m) {
            continue;
        }
        auto c = candidate(s, n > 1 ? PlanKind::MultiGpu : PlanKind::Single, *m, n);
        llama.steps.push_back(c);
        if (vllm_ok && n > 1 && tp_divisible(*r.model, static_cast<std::uint32_t>(n))) {
            c.option.engine = PlanEngine::Vllm;
            c.option.split = estimate::SplitMode::Tensor;
            c.option.nvlink = fast_gpu_link(s);
            c.vllm = {static_cast<std::uint32_t>(n), 1, c.option.nvlink};
            vllm.steps.push_back(c);
        }
    }
    out.push_back(std::move(llama));
    if (!vllm.steps.empty()) {
        out.push_back(std::move(vllm));
    }
}

// Unified-memory machines and CPU servers: every memory size sold, smallest first.
void add_shared(const HardwareSpec& s, std::vector<PlanFamily>& out) {
    if (discrete(s)) {
        return;
    }
    PlanFamily f;
    const PlanKind kind = s.kind == DeviceKind::CpuPlatform ? PlanKind::CpuServer : PlanKind::Unified;
    for (const double gb : s.memory_gb) {
        if (auto m = catalog_machine(s, 1, gb)) {
            f.steps.push_back(candidate(s, kind, *m, 1));
        }
    }
    out.push_back(std::move(f));
}

}  // namespace

std::optional<estimate::Machine> catalog_machine(const HardwareSpec& spec, int gpus,
                                                 std::optional<double> memory_gb) {
    catalog::ProfileRequest req;
    req.gpus = gpus;
    if (memory_gb && spec.memory_gb.size() > 1) {
        req.memory_gb = memory_gb;
    }
    auto p = catalog::build_hardware_profile(spec, req);
    if (!p) {
        return std::nullopt;
    }
    auto& m = p->machine;
    if (spec.kind == DeviceKind::CpuPlatform) {
        m.name = fmt::format("{} {:g} GB", spec.name, memory_gb.value_or(spec.memory_gb.front()));
    }
    if (m.cpu.physical_cores == 0) {
        m.cpu.physical_cores = host_cores(spec);
        m.cpu.logical_cores = 2 * m.cpu.physical_cores;
    }
    if (m.cpu.features.empty()) {
        m.cpu.features = arm_host(spec) ? std::vector<std::string>{"neon"}
                                        : std::vector<std::string>{"avx2", "fma"};
    }
    return std::move(m);
}

}  // namespace canrun::advise

namespace canrun::advise {

std::vector<PlanFamily> plan_families(const PlanRequest& request, const PlanData& data) {
    std::vector<PlanFamily> out;
    for (const auto& spec : data.hardware->devices) {
        add_discrete(spec, request, out);
        add_shared(spec, out);
        add_clusters(spec, request, out);
    }
    add_hybrid(request, data, out);
    add_have(request, data, out);
    add_fleet(request, out);
    add_cloud(request, data, out);
    return out;
}

}  // namespace canrun::advise

namespace canrun::advise {

using catalog::HardwareSpec;

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

PlanCandidate base_candidate(PlanKind kind, std::string name, const estimate::Machine& m) {
    PlanCandidate c;
    c.option.kind = kind;
    c.option.name = std::move(name);
    c.machine = m;
    for (const auto& g : m.gpus) {
        c.option.devices.push_back(g.name);
    }
    return c;
}

std::optional<PlanMoney> price_times(const std::optional<catalog::Price>& p, double n, bool per_hour) {
    if (!p) {
        return std::nullopt;
    }
    return PlanMoney{p->amount * n, p->currency, per_hour, false, p->date, p->source};
}


std::uint64_t plan_model_bytes(const PlanRequest& r) {
    const std::uint32_t ctx = r.ctx > 0 ? r.ctx : kDefaultCtx;
    std::uint64_t kv_per_token = 0;
    for (const auto& l : r.model->layers) {
        kv_per_token += 2ULL * l.n_head_kv * std::max(l.head_dim_k, l.head_dim_v);
    }
    return r.model->weight_bytes() + kv_per_token * ctx;
}

}  // namespace canrun::advise
