#include "hw/macos/system_profiler_displays.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hw/macos/apple_gpu.h"
#include "hw/macos/sysctl_values.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::hw {

namespace {

// "8 GB", "1536 MB" -> bytes (binary: macOS reports VRAM in powers of two).
std::optional<std::uint64_t> vram_text(const std::string& s) {
    const auto f = split(trim(s), ' ');
    if (f.size() != 2) {
        return std::nullopt;
    }
    const auto n = parse_uint(f[0]);
    if (!n) {
        return std::nullopt;
    }
    return f[1] == "GB" ? *n * kGiB : (f[1] == "MB" ? *n * kMiB : 0);
}

GpuVendor vendor_of(const std::string& vendor, const std::string& name) {
    const auto v = to_lower(vendor);
    if (v.find("apple") != std::string::npos || name.rfind("Apple", 0) == 0) return GpuVendor::Apple;
    if (v.find("amd") != std::string::npos || v.find("ati") != std::string::npos) return GpuVendor::Amd;
    if (v.find("intel") != std::string::npos) return GpuVendor::Intel;
    if (v.find("nvidia") != std::string::npos) return GpuVendor::Nvidia;
    return GpuVendor::Other;
}

GpuInfo apple_gpu(const MacGpu& mg, const SysctlValues& sysctl, HardwareReport& r) {
    GpuInfo g;
    g.vendor = GpuVendor::Apple;
    g.name = mg.cores ? fmt::format("{} ({}-core GPU)", mg.name, *mg.cores) : mg.name;
    g.kind = GpuKind::Unified;
    g.driver = "metal";
    const auto wired = sysctl_u64(sysctl, "iogpu.wired_limit_mb");
    g.vram_total_bytes = apple_gpu_budget_bytes(r.memory.total_bytes, wired);
    g.bandwidth_gbps = apple_chip_bandwidth_gbps(mg.name, mg.cores);
    g.bandwidth_source = g.bandwidth_gbps ? "apple-soc" : "";
    g.sources = {"system_profiler", "sysctl"};
    r.note("gpu-apple", wired && *wired > 0 ? "gpu-apple.budget_wired_limit" : "gpu-apple.budget_default",
           {format_bytes(*g.vram_total_bytes)});
    return g;
}

}  // namespace

std::optional<std::vector<MacGpu>> parse_system_profiler_displays(std::string_view json_text) {
    const auto j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("SPDisplaysDataType") ||
        !j["SPDisplaysDataType"].is_array()) {
        return std::nullopt;
    }
    std::vector<MacGpu> out;
    for (const auto& item : j["SPDisplaysDataType"]) {
        if (!item.is_object()) {
            continue;
        }
        MacGpu g;
        g.name = item.value("sppci_model", item.value("_name", ""));
        g.vendor = vendor_of(item.value("spdisplays_vendor", item.value("sppci_vendor", "")), g.name);
        if (const auto cores = parse_uint(item.value("sppci_cores", ""))) {
            g.cores = static_cast<std::uint32_t>(*cores);
        }
        g.vram_bytes = vram_text(item.value("spdisplays_vram", item.value("_spdisplays_vram", "")));
        if (!g.name.empty()) {
            out.push_back(std::move(g));
        }
    }
    return out;
}

HardwareReport macos_report(std::string_view sysctl_text, std::string_view profiler_json) {
    HardwareReport r;
    r.system.os = "macos";
    const auto sysctl = parse_sysctl_output(sysctl_text);
    r.cpu = cpu_from_sysctl(sysctl);
    r.memory = memory_from_sysctl(sysctl);
    if (const auto it = sysctl.find("hw.model"); it != sysctl.end()) {
        r.system.board = it->second;
        r.system.form_factor = it->second.find("Book") != std::string::npos ? FormFactor::Laptop
                                                                               : FormFactor::Desktop;
    }
    const auto gpus = parse_system_profiler_displays(profiler_json);
    if (!gpus) {
        r.warn("gpu-apple", "gpu-apple.no_displays_json");
        return r;
    }
    for (const auto& mg : *gpus) {
        if (mg.vendor == GpuVendor::Apple) {
            r.gpus.push_back(apple_gpu(mg, sysctl, r));
            r.memory.bandwidth_gbps = r.gpus.back().bandwidth_gbps;
            r.memory.bandwidth_source = r.memory.bandwidth_gbps ? "apple-soc" : "";
            continue;
        }
        GpuInfo g;
        g.vendor = mg.vendor;
        g.name = mg.name;
        g.kind = mg.vram_bytes ? GpuKind::Discrete : GpuKind::Integrated;
        g.vram_total_bytes = mg.vram_bytes;
        g.sources = {"system_profiler"};
        r.gpus.push_back(std::move(g));
    }
    return r;
}

}  // namespace canrun::hw
