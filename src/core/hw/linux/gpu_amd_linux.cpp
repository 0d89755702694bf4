// AMD enrichment from amdgpu sysfs: VRAM total/used, CPU-visible VRAM and GTT (mem_info_*).
// The budget rules (discrete VRAM, or an APU's carve-out + GTT) live in hw/amd_memory.h,
// shared with the ROCm SMI probe.

#include "hw/amd_memory.h"
#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"

namespace canrun::hw {

namespace {

void enrich(const ProbeContext& ctx, GpuInfo& g, HardwareReport& r) {
    const std::string dir = "/sys/bus/pci/devices/" + g.pci;
    const auto vram = read_u64(ctx, dir + "/mem_info_vram_total");
    if (!vram) {
        r.warn("gpu-amd", "gpu-amd.no_vram_file", {g.pci});
        return;
    }
    AmdMemory m;
    m.vram_total = *vram;
    m.vram_used = read_u64(ctx, dir + "/mem_info_vram_used");
    m.vis_vram_total = read_u64(ctx, dir + "/mem_info_vis_vram_total");
    m.gtt_total = read_u64(ctx, dir + "/mem_info_gtt_total");
    m.gtt_used = read_u64(ctx, dir + "/mem_info_gtt_used");
    apply_amd_memory(m, "amdgpu", g, r);
}

}  // namespace

void probe_gpu_amd_linux(const ProbeContext& ctx, HardwareReport& r) {
    for (auto& g : r.gpus) {
        if (g.vendor != GpuVendor::Amd) {
            continue;
        }
        if (g.driver != "amdgpu") {
            r.warn("gpu-amd", "gpu-amd.not_amdgpu", {g.pci, g.driver.empty() ? "none" : g.driver});
            continue;
        }
        enrich(ctx, g, r);
    }
}

}  // namespace canrun::hw
