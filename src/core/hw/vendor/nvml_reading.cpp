#include "hw/vendor/nvml_reading.h"

#include <algorithm>
#include <fmt/format.h>

#include "util/strings.h"

namespace canrun::hw {

namespace {

template <typename T>
void put(std::string& out, std::string_view key, const std::optional<T>& v) {
    if (v) {
        out += fmt::format("\t{}={}", key, *v);
    }
}

template <typename T>
std::optional<T> get_uint(const std::string& v) {
    const auto n = parse_uint(v);
    return n ? std::optional<T>(static_cast<T>(*n)) : std::nullopt;
}

NvmlGpu parse_gpu(const std::vector<std::string>& fields) {
    NvmlGpu g;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const auto eq = fields[i].find('=');
        if (eq == std::string::npos) {
            continue;
        }
        const auto key = fields[i].substr(0, eq);
        const auto value = fields[i].substr(eq + 1);
        if (key == "bus") g.pci = value;
        else if (key == "name") g.name = value;
        else if (key == "total") g.total_bytes = get_uint<std::uint64_t>(value);
        else if (key == "free") g.free_bytes = get_uint<std::uint64_t>(value);
        else if (key == "used") g.used_bytes = get_uint<std::uint64_t>(value);
        else if (key == "bus_width") g.bus_width_bits = get_uint<std::uint32_t>(value);
        else if (key == "mem_clock") g.max_mem_clock_mhz = get_uint<std::uint32_t>(value);
        else if (key == "cc") g.compute_capability = value;
        else if (key == "pcie_gen") g.pcie_generation = get_uint<std::uint32_t>(value);
        else if (key == "pcie_width") g.pcie_width = get_uint<std::uint32_t>(value);
    }
    return g;
}

}  // namespace

std::string format_nvml_reading(const NvmlReading& r) {
    std::string out;
    if (!r.error.empty()) {
        out += "error\t" + r.error + "\n";
    }
    if (!r.driver_version.empty()) {
        out += "driver\t" + r.driver_version + "\n";
    }
    for (const auto& g : r.gpus) {
        out += fmt::format("gpu\tbus={}\tname={}", g.pci, g.name);
        put(out, "total", g.total_bytes);
        put(out, "free", g.free_bytes);
        put(out, "used", g.used_bytes);
        put(out, "bus_width", g.bus_width_bits);
        put(out, "mem_clock", g.max_mem_clock_mhz);
        if (!g.compute_capability.empty()) {
            out += "\tcc=" + g.compute_capability;
        }
        put(out, "pcie_gen", g.pcie_generation);
        put(out, "pcie_width", g.pcie_width);
        out += "\n";
    }
    for (const auto& n : r.notes) {
        out += "note\t" + n + "\n";
    }
    return out;
}

NvmlReading parse_nvml_reading(std::string_view text) {
    NvmlReading r;
    for (const auto& line : split(text, '\n')) {
        const auto fields = split(line, '\t');
        if (fields.size() < 2) {
            continue;
        }
        if (fields[0] == "error") r.error = fields[1];
        else if (fields[0] == "driver") r.driver_version = fields[1];
        else if (fields[0] == "note") r.notes.push_back(fields[1]);
        else if (fields[0] == "gpu") r.gpus.push_back(parse_gpu(fields));
    }
    return r;
}

std::string normalize_nvml_bus_id(std::string_view bus_id) {
    std::string s = to_lower(trim(bus_id));
    // NVML pads the domain to 8 digits; sysfs uses 4.
    if (s.size() == 16 && s[8] == ':') {
        s = s.substr(4);
    }
    return s;
}

std::optional<double> nvml_bandwidth_gbps(const NvmlGpu& g) {
    if (!g.bus_width_bits || !g.max_mem_clock_mhz || *g.bus_width_bits == 0) {
        return std::nullopt;
    }
    return static_cast<double>(*g.max_mem_clock_mhz) * 1e6 * 2.0 * (*g.bus_width_bits / 8.0) / 1e9;
}

void apply_nvml_reading(const NvmlReading& reading, HardwareReport& r) {
    if (!reading.error.empty()) {
        r.note("nvml", "nvml.unavailable", {reading.error});
        return;
    }
    for (const auto& n : reading.notes) {
        r.note("nvml", "nvml.partial", {n});
    }
    for (const auto& ng : reading.gpus) {
        auto it = std::find_if(r.gpus.begin(), r.gpus.end(), [&](const GpuInfo& g) { return g.pci == ng.pci; });
        if (it == r.gpus.end()) {
            r.note("nvml", "nvml.added_gpu", {ng.pci, ng.name});
            r.gpus.push_back(GpuInfo{.vendor = GpuVendor::Nvidia, .pci = ng.pci});
            it = std::prev(r.gpus.end());
        }
        auto& g = *it;
        g.name = ng.name.empty() ? g.name : ng.name;
        g.driver_version = reading.driver_version;
        g.vram_total_bytes = ng.total_bytes ? ng.total_bytes : g.vram_total_bytes;
        g.vram_free_bytes = ng.free_bytes;
        g.vram_used_by_others_bytes = ng.used_bytes;
        g.memory_bus_bits = ng.bus_width_bits;
        g.memory_clock_mhz = ng.max_mem_clock_mhz;
        g.compute_capability = ng.compute_capability;
        if (const auto bw = nvml_bandwidth_gbps(ng)) {
            g.bandwidth_gbps = bw;
            g.bandwidth_source = "nvml";
        }
        g.link.generation = ng.pcie_generation ? ng.pcie_generation : g.link.generation;
        g.link.width = ng.pcie_width ? ng.pcie_width : g.link.width;
        g.sources.emplace_back("nvml");
    }
}

}  // namespace canrun::hw
