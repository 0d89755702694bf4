#include "catalog/hardware_profile.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "util/units.h"

namespace canrun::catalog {

namespace {

// Host RAM assumed beside a discrete GPU when --ram is not given: enough to load what fits in
// VRAM, and at least a typical 32 GiB desktop.
constexpr double kMinHostRamGib = 32;
// Host memory bandwidth assumed beside a discrete GPU: dual-channel DDR4-3200 before 2022,
// DDR5-5600 from 2022; eight-channel DDR5-4800 in servers (see data/hardware.json cpu_platforms).
constexpr double kHostDdr4Gbps = 51.2;
constexpr double kHostDdr5Gbps = 89.6;
constexpr double kHostServerGbps = 307.2;

std::uint64_t gib_bytes(double gib) { return static_cast<std::uint64_t>(std::llround(gib * kGiB)); }

estimate::Backend to_backend(BackendHint hint, std::vector<ProfileAssumption>& notes) {
    switch (hint) {
    case BackendHint::Cuda: return estimate::Backend::Cuda;
    case BackendHint::Rocm: return estimate::Backend::Rocm;
    case BackendHint::Metal: return estimate::Backend::Metal;
    case BackendHint::Vulkan: return estimate::Backend::Vulkan;
    case BackendHint::Sycl: return estimate::Backend::Sycl;
    case BackendHint::Cpu: return estimate::Backend::Cpu;
    case BackendHint::Cann:
    case BackendHint::Musa:
        // llama.cpp's CANN and MUSA backends size buffers like its CUDA backend.
        notes.push_back({"backend_approximated", 1});
        return estimate::Backend::Cuda;
    }
    return estimate::Backend::Cpu;
}

double host_bandwidth(const HardwareSpec& s) {
    if (s.form_factor == FormFactor::Server) return kHostServerGbps;
    return s.launch_year.value_or(2022) >= 2022 ? kHostDdr5Gbps : kHostDdr4Gbps;
}

Result<double> pick_memory(const HardwareSpec& s, const ProfileRequest& r,
                           std::vector<ProfileAssumption>& notes) {
    if (r.memory_gb) {
        if (!s.sells_memory(*r.memory_gb)) {
            return fail(fmt::format("{} is not sold with {:g} GB", s.name, *r.memory_gb),
                        ExitCode::Usage);
        }
        return *r.memory_gb;
    }
    if (r.ram_gib) return *r.ram_gib;
    if (s.memory_gb.size() > 1) notes.push_back({"memory_gib", s.memory_gb.front()});
    return s.memory_gb.front();
}

estimate::GpuDevice gpu_of(const HardwareSpec& s, estimate::Backend backend) {
    estimate::GpuDevice g;
    g.name = s.name;
    g.backend = backend;
    g.unified = s.unified_memory;
    g.bandwidth_gbps = s.bandwidth_gbps;
    g.fp16_tflops = s.fp16_tflops.value_or(0);
    return g;
}

HardwareProfile discrete(const HardwareSpec& s, const ProfileRequest& r) {
    HardwareProfile p;
    estimate::Machine& m = p.machine;
    m.name = r.gpus > 1 ? fmt::format("{} x {}", r.gpus, s.name) : s.name;
    const estimate::Backend backend = to_backend(s.backend, p.assumptions);
    for (int i = 0; i < r.gpus; ++i) {
        estimate::GpuDevice g = gpu_of(s, backend);
        g.memory_total_bytes = s.memory_bytes();
        g.memory_free_bytes = g.memory_total_bytes;
        m.gpus.push_back(g);
    }
    const double vram_gib = s.memory_gb.front() * r.gpus;
    const double ram = r.ram_gib.value_or(std::max(kMinHostRamGib, std::ceil(vram_gib / 16) * 16));
    if (!r.ram_gib) p.assumptions.push_back({"host_ram_gib", ram});
    m.cpu.ram_total_bytes = gib_bytes(ram);
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = host_bandwidth(s);
    p.assumptions.push_back({"host_bandwidth_gbps", m.cpu.bandwidth_gbps});
    return p;
}

}  // namespace

double unified_gpu_budget_fraction(const HardwareSpec& spec, double memory_gib) {
    if (spec.backend == BackendHint::Metal) return memory_gib <= 36 ? 2.0 / 3.0 : 0.75;
    return 0.75;
}

Result<HardwareProfile> build_hardware_profile(const HardwareSpec& spec,
                                               const ProfileRequest& request) {
    if (request.gpus < 1 || request.gpus > 64) {
        return fail(fmt::format("--gpus {}: give 1 to 64", request.gpus), ExitCode::Usage);
    }
    const bool shared = spec.unified_memory || spec.kind == DeviceKind::CpuPlatform;
    if (!shared) {
        return discrete(spec, request);
    }
    if (request.gpus > 1) {
        return fail(fmt::format("--gpus {}: {} shares memory with its CPU; give one machine",
                                request.gpus, spec.name), ExitCode::Usage);
    }
    HardwareProfile p;
    const auto memory = pick_memory(spec, request, p.assumptions);
    if (!memory) return tl::unexpected(memory.error());
    estimate::Machine& m = p.machine;
    m.name = spec.memory_gb.size() > 1 ? fmt::format("{} {:g}GB", spec.name, *memory) : spec.name;
    m.cpu.ram_total_bytes = gib_bytes(*memory);
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = spec.bandwidth_gbps;
    if (spec.backend == BackendHint::Cpu) {
        return p;  // Raspberry Pi, Snapdragon laptops, CPU memory platforms: CPU only
    }
    estimate::GpuDevice g = gpu_of(spec, to_backend(spec.backend, p.assumptions));
    const double fraction = unified_gpu_budget_fraction(spec, *memory);
    p.assumptions.push_back({"gpu_budget_fraction", fraction});
    g.memory_total_bytes = gib_bytes(*memory * fraction);
    g.memory_free_bytes = g.memory_total_bytes;
    m.gpus.push_back(g);
    return p;
}

}  // namespace canrun::catalog
