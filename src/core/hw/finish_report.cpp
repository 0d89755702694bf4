#include "hw/finish_report.h"

#include <algorithm>
#include <fmt/format.h>

#include "hw/device_table.h"
#include "util/units.h"

namespace canrun::hw {

namespace {

void fill_from_table(GpuInfo& g, HardwareReport& r) {
    if (!g.pci_vendor_id || !g.pci_device_id) {
        return;
    }
    const auto* known = find_known_device(*g.pci_vendor_id, *g.pci_device_id, g.pci_revision);
    if (known == nullptr) {
        return;
    }
    if (!g.vram_total_bytes && known->memory_bytes > 0) {
        g.vram_total_bytes = known->memory_bytes;
        g.sources.emplace_back("table");
        r.note("gpu", "gpu.memory_from_table", {g.pci, format_bytes(known->memory_bytes)});
    }
    if (!g.bandwidth_gbps && known->bandwidth_gbps > 0) {
        g.bandwidth_gbps = known->bandwidth_gbps;
        g.bandwidth_source = "table";
    }
}

void finish_gpu(GpuInfo& g, HardwareReport& r) {
    fill_from_table(g, r);
    if (g.vendor == GpuVendor::Nvidia && g.name.find("GB10") != std::string::npos) {
        g.kind = GpuKind::Unified;  // DGX Spark: one LPDDR5X pool shared with the CPU
        g.vram_total_bytes = r.memory.total_bytes;
        g.vram_free_bytes = r.memory.available_bytes;
    }
    if (g.kind != GpuKind::Discrete && !g.bandwidth_gbps && r.memory.bandwidth_gbps) {
        g.bandwidth_gbps = r.memory.bandwidth_gbps;
        g.bandwidth_source = "system-memory";
    }
    if (g.vram_total_bytes && !g.vram_free_bytes && g.vram_used_by_others_bytes &&
        *g.vram_used_by_others_bytes <= *g.vram_total_bytes) {
        g.vram_free_bytes = *g.vram_total_bytes - *g.vram_used_by_others_bytes;
    }
    if (!g.vram_total_bytes) {
        r.warn("gpu", "gpu.memory_unknown", {g.pci.empty() ? "gpu" : g.pci, g.name});
    }
    std::sort(g.sources.begin(), g.sources.end());
    g.sources.erase(std::unique(g.sources.begin(), g.sources.end()), g.sources.end());
}

}  // namespace

void finish_report(HardwareReport& r) {
    for (auto& g : r.gpus) {
        finish_gpu(g, r);
    }
    std::stable_sort(r.gpus.begin(), r.gpus.end(), [](const GpuInfo& a, const GpuInfo& b) {
        if (a.pci.empty() != b.pci.empty()) {
            return !a.pci.empty();
        }
        return a.pci != b.pci ? a.pci < b.pci : a.name < b.name;
    });
    std::stable_sort(r.npus.begin(), r.npus.end(), [](const NpuInfo& a, const NpuInfo& b) {
        return a.pci != b.pci ? a.pci < b.pci : a.name < b.name;
    });
    std::sort(r.cpu.features.begin(), r.cpu.features.end());
}

}  // namespace canrun::hw
