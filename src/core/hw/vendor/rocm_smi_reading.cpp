#include "hw/vendor/rocm_smi_reading.h"

#include <algorithm>
#include <fmt/format.h>

#include "hw/amd_memory.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

void put(std::string& out, std::string_view key, const std::optional<std::uint64_t>& v) {
    if (v) {
        out += fmt::format("\t{}={}", key, *v);
    }
}

RocmSmiGpu parse_gpu(const std::vector<std::string>& fields) {
    RocmSmiGpu g;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const auto eq = fields[i].find('=');
        if (eq == std::string::npos) {
            continue;
        }
        const auto key = fields[i].substr(0, eq);
        const auto value = fields[i].substr(eq + 1);
        if (key == "bus") g.pci = value;
        else if (key == "name") g.name = value;
        else if (key == "vram_total") g.vram_total = parse_uint(value);
        else if (key == "vram_used") g.vram_used = parse_uint(value);
        else if (key == "vis_vram_total") g.vis_vram_total = parse_uint(value);
        else if (key == "gtt_total") g.gtt_total = parse_uint(value);
        else if (key == "gtt_used") g.gtt_used = parse_uint(value);
    }
    return g;
}

GpuInfo& find_or_add(const RocmSmiGpu& rg, HardwareReport& r) {
    auto it = std::find_if(r.gpus.begin(), r.gpus.end(), [&](const GpuInfo& g) { return g.pci == rg.pci; });
    if (it != r.gpus.end()) {
        return *it;
    }
    r.note("rocm-smi", "rocm-smi.added_gpu", {rg.pci, rg.name});
    r.gpus.push_back(GpuInfo{.vendor = GpuVendor::Amd, .name = rg.name, .pci = rg.pci});
    return r.gpus.back();
}

}  // namespace

std::string format_rocm_smi_reading(const RocmSmiReading& r) {
    std::string out;
    if (!r.error.empty()) {
        out += "error\t" + r.error + "\n";
    }
    if (!r.absent.empty()) {
        out += "absent\t" + r.absent + "\n";
    }
    for (const auto& g : r.gpus) {
        out += fmt::format("gpu\tbus={}\tname={}", g.pci, g.name);
        put(out, "vram_total", g.vram_total);
        put(out, "vram_used", g.vram_used);
        put(out, "vis_vram_total", g.vis_vram_total);
        put(out, "gtt_total", g.gtt_total);
        put(out, "gtt_used", g.gtt_used);
        out += "\n";
    }
    for (const auto& n : r.notes) {
        out += "note\t" + n + "\n";
    }
    return out;
}

RocmSmiReading parse_rocm_smi_reading(std::string_view text) {
    RocmSmiReading r;
    for (const auto& line : split(text, '\n')) {
        const auto fields = split(line, '\t');
        if (fields.size() < 2) {
            continue;
        }
        if (fields[0] == "error") r.error = fields[1];
        else if (fields[0] == "absent") r.absent = fields[1];
        else if (fields[0] == "note") r.notes.push_back(fields[1]);
        else if (fields[0] == "gpu") r.gpus.push_back(parse_gpu(fields));
    }
    return r;
}

std::string rocm_bdfid_to_pci(std::uint64_t bdfid) {
    const auto domain = static_cast<unsigned>(bdfid >> 32U);
    const auto bus = static_cast<unsigned>((bdfid >> 8U) & 0xFFU);
    const auto device = static_cast<unsigned>((bdfid >> 3U) & 0x1FU);
    const auto function = static_cast<unsigned>(bdfid & 0x7U);
    return fmt::format("{:04x}:{:02x}:{:02x}.{:x}", domain, bus, device, function);
}

void apply_rocm_smi_reading(const RocmSmiReading& reading, HardwareReport& r) {
    if (!reading.absent.empty()) {
        const bool needed = std::any_of(r.gpus.begin(), r.gpus.end(), [](const GpuInfo& g) {
            return g.vendor == GpuVendor::Amd && !g.vram_total_bytes;
        });
        if (needed) {
            r.note("rocm-smi", "rocm-smi.absent", {reading.absent});
        }
        return;
    }
    if (!reading.error.empty()) {
        r.note("rocm-smi", "rocm-smi.unavailable", {reading.error});
        return;
    }
    for (const auto& n : reading.notes) {
        r.note("rocm-smi", "rocm-smi.partial", {n});
    }
    for (const auto& rg : reading.gpus) {
        if (rg.pci.empty() || !rg.vram_total) {
            continue;  // unmatched and without memory: nothing to add (the notes say why)
        }
        auto& g = find_or_add(rg, r);
        AmdMemory m{*rg.vram_total, rg.vram_used, rg.vis_vram_total, rg.gtt_total, rg.gtt_used};
        apply_amd_memory(m, "rocm-smi", g, r);
    }
}

}  // namespace canrun::hw
