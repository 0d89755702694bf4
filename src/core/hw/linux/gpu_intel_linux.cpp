// Intel enrichment (i915 / xe): integrated GPUs (Iris Xe, Arc iGPU) share system memory;
// discrete Arc cards have local memory, seen here as the size of their memory BAR.
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
    r.note("gpu-intel", fmt::format("{}: integrated; shares system memory, budget 3/4 of RAM as "
                                    "Mesa's Vulkan driver offers", g.pci));
}

void enrich_discrete(const ProbeContext& ctx, GpuInfo& g, HardwareReport& r) {
    const auto bar = largest_bar(ctx, "/sys/bus/pci/devices/" + g.pci);
    if (bar && *bar >= 2 * kGiB) {
        g.vram_total_bytes = bar;  // resizable BAR exposes all local memory
        g.sources.emplace_back("pci-bar");
        r.note("gpu-intel", fmt::format("{}: local memory {} from the resizable BAR; free memory "
                                        "unknown", g.pci, format_bytes(*bar)));
        return;
    }
    r.note("gpu-intel", fmt::format("{}: local memory size not exposed (resizable BAR off?); "
                                    "use --vram", g.pci), NoteSeverity::Warning);
}

}  // namespace

void probe_gpu_intel_linux(const ProbeContext& ctx, HardwareReport& r) {
    for (auto& g : r.gpus) {
        if (g.vendor != GpuVendor::Intel) {
            continue;
        }
        if (g.driver != "i915" && g.driver != "xe") {
            r.note("gpu-intel", fmt::format("{}: no i915/xe driver bound ('{}'); not usable for compute",
                                            g.pci, g.driver.empty() ? "none" : g.driver),
                   NoteSeverity::Warning);
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
