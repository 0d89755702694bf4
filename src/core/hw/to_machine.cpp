#include "hw/to_machine.h"

#include <algorithm>
#include <array>

namespace canrun::hw {

namespace {

estimate::Backend backend_of(GpuVendor v) {
    switch (v) {
        case GpuVendor::Nvidia: return estimate::Backend::Cuda;
        case GpuVendor::Amd: return estimate::Backend::Rocm;
        case GpuVendor::Intel: return estimate::Backend::Sycl;
        case GpuVendor::Apple: return estimate::Backend::Metal;
        case GpuVendor::Huawei:
        case GpuVendor::Other: return estimate::Backend::Vulkan;
    }
    return estimate::Backend::Vulkan;
}

estimate::GpuDevice gpu_device(const GpuInfo& g) {
    estimate::GpuDevice d;
    d.name = g.name;
    d.backend = backend_of(g.vendor);
    d.unified = g.kind != GpuKind::Discrete;
    d.memory_total_bytes = *g.vram_total_bytes;
    if (g.vram_free_bytes) {
        d.memory_free_bytes = std::min(*g.vram_free_bytes, d.memory_total_bytes);
    } else if (g.vram_used_by_others_bytes && *g.vram_used_by_others_bytes <= d.memory_total_bytes) {
        d.memory_free_bytes = d.memory_total_bytes - *g.vram_used_by_others_bytes;
    } else {
        d.memory_free_bytes = d.memory_total_bytes;
    }
    d.bandwidth_gbps = g.bandwidth_gbps.value_or(0.0);
    d.pcie_gbps = pcie_gbps(g.link);
    return d;
}

}  // namespace

double pcie_gbps(const PciLink& link) {
    // Usable GB/s per lane after line coding (PCI-SIG: 8b/10b for 1-2, 128b/130b for 3-5,
    // FLIT for 6).
    constexpr std::array<double, 6> kPerLane = {0.25, 0.5, 0.985, 1.969, 3.938, 7.563};
    if (!link.generation || !link.width || *link.generation < 1 || *link.generation > kPerLane.size()) {
        return 0.0;
    }
    return kPerLane[*link.generation - 1] * *link.width;
}

estimate::Machine to_machine(const HardwareReport& r) {
    estimate::Machine m;
    m.name = "this machine";
    m.cpu.name = r.cpu.model;
    m.cpu.physical_cores = r.cpu.physical_cores.value_or(0);
    m.cpu.logical_cores = r.cpu.logical_cores.value_or(0);
    m.cpu.features = r.cpu.features;
    m.cpu.ram_total_bytes = r.memory.total_bytes;
    m.cpu.ram_available_bytes = r.memory.available_bytes.value_or(r.memory.total_bytes);
    m.cpu.bandwidth_gbps = r.memory.bandwidth_gbps.value_or(0.0);
    const auto usable = [](const GpuInfo& g) { return g.vram_total_bytes && *g.vram_total_bytes > 0; };
    const bool has_discrete = std::any_of(r.gpus.begin(), r.gpus.end(), [&](const GpuInfo& g) {
        return usable(g) && g.kind == GpuKind::Discrete;
    });
    for (const auto& g : r.gpus) {
        // Next to a discrete GPU, an iGPU only slows a split down; runtimes are pointed at the
        // discrete one (as Ollama and LM Studio do by default).
        if (usable(g) && (!has_discrete || g.kind == GpuKind::Discrete)) {
            m.gpus.push_back(gpu_device(g));
        }
    }
    return m;
}

}  // namespace canrun::hw
