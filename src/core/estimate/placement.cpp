#include "estimate/placement.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace canrun::estimate {

namespace {

using u64 = std::uint64_t;

u64 sat_sub(u64 a, u64 b) { return a > b ? a - b : 0; }

// Memory left for model data on each GPU once runtime, margin and compute buffer are taken.
std::vector<u64> gpu_capacities(const PlacementInput& in, const Machine& m) {
    std::vector<u64> cap;
    for (const auto& g : m.gpus) {
        const u64 fixed = in.gpu_overhead_bytes + in.gpu_margin_bytes + in.gpu_compute_bytes;
        cap.push_back(in.cpu_only ? 0 : sat_sub(g.memory_free_bytes, fixed));
    }
    return cap;
}

u64 ram_budget(const PlacementInput& in, const Machine& m) {
    const u64 avail = m.cpu.ram_available_bytes > 0 ? m.cpu.ram_available_bytes
                                                    : m.cpu.ram_total_bytes;
    return sat_sub(avail, in.ram_reserve_bytes);
}

// Puts layers [first, end) on the GPUs in order, filling each before the next; the output layer
// (when `with_output`) must fit on the GPU holding the last layer. `gpu_part` is what each layer
// keeps on the GPU. Returns the layers per GPU, or nullopt if they do not fit.
template <typename PartFn>
std::optional<std::vector<std::uint32_t>> fill_gpus(const PlacementInput& in,
                                                    const std::vector<u64>& cap,
                                                    std::uint32_t first, bool with_output,
                                                    PartFn gpu_part) {
    std::vector<std::uint32_t> split(cap.size(), 0);
    std::vector<u64> used(cap.size(), 0);
    std::size_t g = 0;
    const auto n = static_cast<std::uint32_t>(in.layers.size());
    for (std::uint32_t il = first; il < n; ++il) {
        const u64 need = gpu_part(in.layers[il]);
        while (g < cap.size() && used[g] + need > cap[g]) {
            ++g;
        }
        if (g == cap.size()) {
            return std::nullopt;
        }
        used[g] += need;
        ++split[g];
    }
    if (with_output) {
        const u64 out = in.output_bytes + in.tied_output_bytes;
        while (g < cap.size() && used[g] + out > cap[g]) {
            ++g;
        }
        if (g == cap.size()) {
            return std::nullopt;
        }
        ++split[g];  // counted as a layer of the last GPU for -ts; removed by the caller
        used[g] += out;
    }
    return split;
}

u64 whole_layer(const LayerCost& l) { return l.weight_bytes + l.kv_bytes; }

u64 dense_part(const LayerCost& l) { return l.weight_bytes - l.expert_bytes + l.kv_bytes; }

struct Draft {
    PlacementMode mode = PlacementMode::WontFit;
    std::uint32_t first_gpu_layer = 0;  // layers [first_gpu_layer, n) on GPUs
    std::uint32_t cpu_moe_layers = 0;   // experts of layers [0, cpu_moe_layers) on the CPU
    bool output_on_gpu = false;
    std::vector<std::uint32_t> split;
};

std::vector<u64> scaled(const std::vector<u64>& cap, double f) {
    std::vector<u64> out;
    out.reserve(cap.size());
    for (const u64 c : cap) {
        out.push_back(static_cast<u64>(static_cast<double>(c) * f));
    }
    return out;
}

// Everything on the GPUs. With several GPUs the layers are spread so that each GPU fills the same
// share of its room, as llama.cpp's default split does (proportional to free memory), rather than
// filling the first GPUs to the brim and leaving the last ones idle: the smallest share that
// still holds the model is found by bisection.
std::optional<Draft> try_full(const PlacementInput& in, const std::vector<u64>& cap) {
    auto split = fill_gpus(in, cap, 0, true, whole_layer);
    if (!split) {
        return std::nullopt;
    }
    if (cap.size() > 1) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 16; ++i) {
            const double mid = (lo + hi) / 2;
            if (auto s = fill_gpus(in, scaled(cap, mid), 0, true, whole_layer)) {
                hi = mid;
                split = std::move(s);
            } else {
                lo = mid;
            }
        }
    }
    return Draft{PlacementMode::FullGpu, 0, 0, true, *split};
}

// MoE: every layer's dense part, KV and the output on the GPUs; the experts of the first k layers
// on the CPU, with k as small as fits.
std::optional<Draft> try_moe_offload(const PlacementInput& in, const std::vector<u64>& cap) {
    const auto n = static_cast<std::uint32_t>(in.layers.size());
    for (std::uint32_t k = 1; k <= n; ++k) {
        auto part = [&](const LayerCost& l) {
            const auto il = static_cast<std::uint32_t>(&l - in.layers.data());
            return il < k ? dense_part(l) : whole_layer(l);
        };
        auto split = fill_gpus(in, cap, 0, true, part);
        if (split) {
            return Draft{PlacementMode::Partial, 0, k, true, *split};
        }
    }
    return std::nullopt;
}

// Dense layer split: the last layers on the GPUs, as many as fit; the output stays on the CPU.
std::optional<Draft> try_layers(const PlacementInput& in, const std::vector<u64>& cap) {
    const auto n = static_cast<std::uint32_t>(in.layers.size());
    for (std::uint32_t first = 1; first < n; ++first) {
        auto split = fill_gpus(in, cap, first, false, whole_layer);
        if (split) {
            return Draft{PlacementMode::Partial, first, 0, false, *split};
        }
    }
    return std::nullopt;
}

// What stays in RAM for a draft (weights, KV, buffers).
u64 cpu_bytes(const PlacementInput& in, const Draft& d) {
    u64 sum = in.input_bytes;
    for (std::uint32_t il = 0; il < in.layers.size(); ++il) {
        const auto& l = in.layers[il];
        if (il < d.first_gpu_layer) {
            sum += whole_layer(l);
        } else if (il < d.cpu_moe_layers) {
            sum += l.expert_bytes;
        }
    }
    if (!d.output_on_gpu) {
        sum += in.output_bytes;
    }
    const bool any_gpu = d.mode == PlacementMode::FullGpu || d.mode == PlacementMode::Partial;
    return sum + (any_gpu ? in.host_compute_bytes : in.cpu_compute_bytes);
}

}  // namespace

const char* to_string(PlacementMode m) {
    switch (m) {
        case PlacementMode::FullGpu:
            return "full_gpu";
        case PlacementMode::Partial:
            return "partial";
        case PlacementMode::Cpu:
            return "cpu";
        case PlacementMode::WontFit:
            return "wont_fit";
    }
    return "wont_fit";
}

namespace {

// The GPU entries of a draft: what each GPU holds, layer by layer, in order.
std::vector<DevicePlacement> gpu_devices(const PlacementInput& in, const Machine& m,
                                         const Draft& d) {
    std::vector<DevicePlacement> out;
    std::uint32_t il = d.first_gpu_layer;
    for (std::size_t g = 0; g < m.gpus.size(); ++g) {
        DevicePlacement p;
        p.device = m.gpus[g].name;
        p.gpu = static_cast<int>(g);
        p.budget_bytes = m.gpus[g].memory_free_bytes;
        p.first_layer = il;
        std::uint32_t count = d.split.empty() ? 0 : d.split[g];
        const bool last_with_output = d.output_on_gpu && count > 0 &&
                                      il + count - 1 == in.layers.size();
        if (last_with_output) {
            --count;
            p.holds_output = true;
            p.weight_bytes += in.output_bytes + in.tied_output_bytes;
        }
        for (std::uint32_t k = 0; k < count; ++k, ++il) {
            const auto& l = in.layers[il];
            const bool experts_on_cpu = il < d.cpu_moe_layers;
            p.weight_bytes += experts_on_cpu ? l.weight_bytes - l.expert_bytes : l.weight_bytes;
            p.expert_bytes += experts_on_cpu ? 0 : l.expert_bytes;
            p.kv_bytes += l.kv_bytes;
        }
        p.layers = count;
        if (p.layers > 0 || p.holds_output) {
            p.bytes = p.weight_bytes + p.kv_bytes + in.gpu_compute_bytes + in.gpu_overhead_bytes;
        }
        out.push_back(p);
    }
    return out;
}

DevicePlacement cpu_device(const PlacementInput& in, const Draft& d, u64 budget) {
    DevicePlacement p;
    p.device = "CPU";
    p.budget_bytes = budget;
    p.layers = d.first_gpu_layer;
    p.weight_bytes = in.input_bytes + (d.output_on_gpu ? 0 : in.output_bytes);
    for (std::uint32_t il = 0; il < in.layers.size(); ++il) {
        const auto& l = in.layers[il];
        if (il < d.first_gpu_layer) {
            p.weight_bytes += l.weight_bytes;
            p.expert_bytes += l.expert_bytes;
            p.kv_bytes += l.kv_bytes;
        } else if (il < d.cpu_moe_layers) {
            p.weight_bytes += l.expert_bytes;
            p.expert_bytes += l.expert_bytes;
        }
    }
    p.holds_output = !d.output_on_gpu;
    p.bytes = cpu_bytes(in, d);
    return p;
}

// Turns a draft into a placement if the CPU side fits in RAM (less what unified GPUs take).
std::optional<Placement> finish(const PlacementInput& in, const Machine& m, const Draft& d) {
    Placement p;
    p.mode = d.mode;
    p.total_layers = static_cast<std::uint32_t>(in.layers.size());
    p.cpu_moe_layers = d.cpu_moe_layers;
    p.output_on_gpu = d.output_on_gpu;
    p.devices = gpu_devices(in, m, d);
    u64 unified_use = 0;
    for (std::size_t g = 0; g < p.devices.size(); ++g) {
        p.gpu_layers += p.devices[g].layers;
        p.gpu_split.push_back(p.devices[g].layers);
        if (m.gpus[g].unified) {
            unified_use += p.devices[g].bytes;
        }
    }
    const u64 budget = sat_sub(ram_budget(in, m), unified_use);
    DevicePlacement cpu = cpu_device(in, d, budget);
    if (cpu.bytes > budget) {
        return std::nullopt;
    }
    p.devices.push_back(cpu);
    return p;
}

Placement wont_fit(const PlacementInput& in, const Machine& m) {
    Draft all_cpu{PlacementMode::WontFit, static_cast<std::uint32_t>(in.layers.size()), 0,
                  false, {}};
    u64 usable = ram_budget(in, m);
    for (const u64 c : gpu_capacities(in, m)) {
        usable += c;
    }
    const u64 need = cpu_bytes(in, all_cpu);
    Placement p;
    p.total_layers = static_cast<std::uint32_t>(in.layers.size());
    p.devices.push_back(cpu_device(in, all_cpu, ram_budget(in, m)));
    p.shortfall_bytes = sat_sub(need, usable);
    return p;
}

}  // namespace

Placement place_model(const PlacementInput& in, const Machine& m) {
    const auto cap = gpu_capacities(in, m);
    const bool any_gpu = std::any_of(cap.begin(), cap.end(), [](u64 c) { return c > 0; });
    if (any_gpu && !in.layers.empty()) {
        using Try = std::optional<Draft> (*)(const PlacementInput&, const std::vector<u64>&);
        const Try tries[] = {try_full, in.moe ? try_moe_offload : nullptr, try_layers};
        for (const Try t : tries) {
            if (t == nullptr) {
                continue;
            }
            if (const auto d = t(in, cap)) {
                if (auto p = finish(in, m, *d)) {
                    return *p;
                }
            }
        }
    }
    const Draft all_cpu{PlacementMode::Cpu, static_cast<std::uint32_t>(in.layers.size()), 0,
                        false, std::vector<std::uint32_t>(m.gpus.size(), 0)};
    if (auto p = finish(in, m, all_cpu)) {
        return *p;
    }
    return wont_fit(in, m);
}

}  // namespace canrun::estimate
