// AMD enrichment from amdgpu sysfs: VRAM total/used, CPU-visible VRAM and GTT. APUs (780M,
// Strix Halo) get a unified budget: their VRAM carve-out plus the GTT system memory they map.
#include <algorithm>
#include <fmt/format.h>

#include "hw/device_table.h"
#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "util/units.h"

namespace canrun::hw {

namespace {

bool looks_like_apu(const GpuInfo& g, std::uint64_t vram, std::optional<std::uint64_t> gtt) {
    if (g.kind == GpuKind::Integrated) {
        return true;  // from our device table
    }
    // No discrete Radeon worth running LLMs on has 2 GiB or less; APU carve-outs do.
    return vram <= 2 * kGiB && gtt && *gtt > vram;
}

void enrich(const ProbeContext& ctx, GpuInfo& g, HardwareReport& r) {
    const std::string dir = "/sys/bus/pci/devices/" + g.pci;
    const auto vram = read_u64(ctx, dir + "/mem_info_vram_total");
    if (!vram) {
        r.note("gpu-amd", fmt::format("{}: mem_info_vram_total missing or garbage (amdgpu driver "
                                      "not loaded?); VRAM unknown", g.pci),
               NoteSeverity::Warning);
        return;
    }
    const auto used = read_u64(ctx, dir + "/mem_info_vram_used");
    const auto gtt = read_u64(ctx, dir + "/mem_info_gtt_total");
    const auto gtt_used = read_u64(ctx, dir + "/mem_info_gtt_used");
    g.vram_visible_bytes = read_u64(ctx, dir + "/mem_info_vis_vram_total");
    g.gtt_total_bytes = gtt;
    g.sources.emplace_back("amdgpu");
    const std::uint64_t vram_free = used && *used <= *vram ? *vram - *used : *vram;
    if (!looks_like_apu(g, *vram, gtt)) {
        g.vram_total_bytes = vram;
        g.vram_free_bytes = vram_free;
        g.vram_used_by_others_bytes = used;
        return;
    }
    g.kind = GpuKind::Unified;
    g.vram_total_bytes = *vram + gtt.value_or(0);
    const std::uint64_t gtt_free = gtt && gtt_used && *gtt_used <= *gtt ? *gtt - *gtt_used : gtt.value_or(0);
    const std::uint64_t ram_free = r.memory.available_bytes.value_or(gtt_free);
    g.vram_free_bytes = vram_free + std::min(gtt_free, ram_free);
    r.note("gpu-amd", fmt::format("{}: APU; budget = VRAM carve-out {} + GTT {} (system memory the "
                                  "GPU can map)", g.pci, format_bytes(*vram), format_bytes(gtt.value_or(0))));
}

}  // namespace

void probe_gpu_amd_linux(const ProbeContext& ctx, HardwareReport& r) {
    for (auto& g : r.gpus) {
        if (g.vendor != GpuVendor::Amd) {
            continue;
        }
        if (g.driver != "amdgpu") {
            r.note("gpu-amd", fmt::format("{}: driver is '{}', not amdgpu; memory unknown", g.pci,
                                          g.driver.empty() ? "none" : g.driver),
                   NoteSeverity::Warning);
            continue;
        }
        enrich(ctx, g, r);
    }
}

}  // namespace canrun::hw
