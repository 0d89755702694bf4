// Intel enrichment (i915 / xe): integrated GPUs (Iris Xe, Arc iGPU) share system memory;
// discrete Arc cards have local memory: from the xe driver's tile files, from the lmem files of
// Intel's packaged i915, else as the size of their memory BAR (resizable BAR on).
#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

#include "hw/device_table.h"
#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::hw {

namespace {

// Largest BAR in the PCI "resource" file (start end flags per line, hex).
std::optional<std::uint64_t> largest_bar(const ProbeContext& ctx, const std::string& dir) {
    const auto text = ctx.read(dir + "/resource");
    if (!text) {
        return std::nullopt;
    }
    std::uint64_t best = 0;
    for (const auto& line : split(*text, '\n')) {
        const auto f = split(trim(line), ' ');
        if (f.size() < 2) {
            continue;
        }
        const auto start = std::strtoull(f[0].c_str(), nullptr, 16);
        const auto end = std::strtoull(f[1].c_str(), nullptr, 16);
        if (end > start) {
            best = std::max<std::uint64_t>(best, end - start + 1);
        }
    }
    return best > 0 ? std::optional<std::uint64_t>(best) : std::nullopt;
}

void enrich_integrated(GpuInfo& g, HardwareReport& r) {
    // Mesa's ANV driver offers 3/4 of RAM as the GPU heap when RAM exceeds 4 GiB, else 1/2
    // (anv_compute_sys_heap_size in src/intel/vulkan/anv_device.c).
    const auto total = r.memory.total_bytes;
    if (total == 0) {
        return;
    }
    g.vram_total_bytes = total > 4 * kGiB ? total / 4 * 3 : total / 2;
    g.vram_free_bytes = std::min(*g.vram_total_bytes, r.memory.available_bytes.value_or(total));
    g.bandwidth_gbps = r.memory.bandwidth_gbps;
    g.bandwidth_source = r.memory.bandwidth_gbps ? "system-memory" : "";
    g.sources.emplace_back(g.driver.empty() ? "intel" : g.driver);
    r.note("gpu-intel", "gpu-intel.integrated_budget", {g.pci});
}

// xe: local memory per tile, /sys/bus/pci/devices/<addr>/tile<N>/physical_vram_size_bytes
// (drivers/gpu/drm/xe/xe_tile_sysfs.c; slightly above the usable size, the driver reserves a
// little). Summed over tiles.
std::optional<std::uint64_t> xe_vram(const ProbeContext& ctx, const std::string& dir) {
    std::uint64_t total = 0;
    for (const auto& entry : ctx.list(dir)) {
        if (entry.rfind("tile", 0) == 0) {
            total += read_u64(ctx, fmt::format("{}/{}/physical_vram_size_bytes", dir, entry)).value_or(0);
        }
    }
    return total > 0 ? std::optional(total) : std::nullopt;
}

// i915 as packaged by Intel (out-of-tree DKMS / backports): lmem_total_bytes and
// lmem_avail_bytes on the DRM card, /sys/class/drm/card<N>/. Mainline i915 has neither.
std::optional<std::string> drm_card_of(const ProbeContext& ctx, const std::string& pci) {
    for (const auto& card : ctx.list("/sys/class/drm")) {
        if (card.rfind("card", 0) != 0 || card.find('-') != std::string::npos) {
            continue;
        }
        const auto target = ctx.link(fmt::format("/sys/class/drm/{}/device", card));
        if (target && pci_address_in(*target) == pci) {
            return card;
        }
    }
    return std::nullopt;
}

bool enrich_from_driver(const ProbeContext& ctx, GpuInfo& g, HardwareReport& r) {
    const std::string dir = "/sys/bus/pci/devices/" + g.pci;
    if (const auto vram = xe_vram(ctx, dir)) {
        g.vram_total_bytes = vram;
        g.sources.emplace_back("xe");
        r.note("gpu-intel", "gpu-intel.lmem_from_driver", {g.pci, format_bytes(*vram), "xe"});
        return true;
    }
    const auto card = drm_card_of(ctx, g.pci);
    const auto lmem = card ? read_u64(ctx, "/sys/class/drm/" + *card + "/lmem_total_bytes") : std::nullopt;
    if (!lmem || *lmem == 0) {
        return false;
    }
    g.vram_total_bytes = lmem;
    const auto avail = read_u64(ctx, "/sys/class/drm/" + *card + "/lmem_avail_bytes");
    g.vram_free_bytes = avail && *avail <= *lmem ? avail : std::nullopt;
    g.sources.emplace_back("i915");
    r.note("gpu-intel", "gpu-intel.lmem_from_driver", {g.pci, format_bytes(*lmem), "i915"});
    return true;
}

void enrich_discrete(const ProbeContext& ctx, GpuInfo& g, HardwareReport& r) {
    if (enrich_from_driver(ctx, g, r)) {
        return;
    }
    const auto bar = largest_bar(ctx, "/sys/bus/pci/devices/" + g.pci);
    if (bar && *bar >= 2 * kGiB) {
        g.vram_total_bytes = bar;  // resizable BAR exposes all local memory
        g.sources.emplace_back("pci-bar");
        r.note("gpu-intel", "gpu-intel.lmem_from_bar", {g.pci, format_bytes(*bar)});
        return;
    }
    r.warn("gpu-intel", "gpu-intel.lmem_unknown", {g.pci});
}

}  // namespace

void probe_gpu_intel_linux(const ProbeContext& ctx, HardwareReport& r) {
    for (auto& g : r.gpus) {
        if (g.vendor != GpuVendor::Intel) {
            continue;
        }
        if (g.driver != "i915" && g.driver != "xe") {
            r.warn("gpu-intel", "gpu-intel.no_driver", {g.pci, g.driver.empty() ? "none" : g.driver});
            continue;
        }
        if (g.kind == GpuKind::Integrated) {
            enrich_integrated(g, r);
        } else {
            enrich_discrete(ctx, g, r);
        }
    }
}

}  // namespace canrun::hw
