#include "hw/amd_memory.h"

#include <algorithm>
#include <string>

#include "util/units.h"

namespace canrun::hw {

namespace {

bool looks_like_apu(const GpuInfo& g, const AmdMemory& m) {
    if (g.kind != GpuKind::Discrete) {
        return true;  // from our device table, or an earlier reading
    }
    // No discrete Radeon worth running LLMs on has 2 GiB or less; APU carve-outs do.
    return m.vram_total <= 2 * kGiB && m.gtt_total && *m.gtt_total > m.vram_total;
}

}  // namespace

void apply_amd_memory(const AmdMemory& m, std::string_view source, GpuInfo& g, HardwareReport& r) {
    g.vram_visible_bytes = m.vis_vram_total ? m.vis_vram_total : g.vram_visible_bytes;
    g.gtt_total_bytes = m.gtt_total ? m.gtt_total : g.gtt_total_bytes;
    g.sources.emplace_back(source);
    const std::uint64_t vram_free =
        m.vram_used && *m.vram_used <= m.vram_total ? m.vram_total - *m.vram_used : m.vram_total;
    if (!looks_like_apu(g, m)) {
        g.vram_total_bytes = m.vram_total;
        g.vram_free_bytes = vram_free;
        g.vram_used_by_others_bytes = m.vram_used;
        return;
    }
    const bool first_time = g.kind != GpuKind::Unified;
    g.kind = GpuKind::Unified;
    const std::uint64_t gtt = m.gtt_total.value_or(0);
    g.vram_total_bytes = m.vram_total + gtt;
    const std::uint64_t gtt_free = m.gtt_used && *m.gtt_used <= gtt ? gtt - *m.gtt_used : gtt;
    const std::uint64_t ram_free = r.memory.available_bytes.value_or(gtt_free);
    g.vram_free_bytes = vram_free + std::min(gtt_free, ram_free);
    if (first_time) {
        r.note("gpu-amd", "gpu-amd.apu_budget", {g.pci, format_bytes(m.vram_total), format_bytes(gtt)});
    }
}

}  // namespace canrun::hw
