#include "hw/macos/sysctl_values.h"

#include <algorithm>
#include <array>

#include "util/strings.h"

namespace canrun::hw {

namespace {

// sysctl hw.optional.* keys (Apple, "Determining instruction set characteristics") -> ours.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kFeatureKeys = {{
    {"hw.optional.AdvSIMD", "neon"},
    {"hw.optional.neon", "neon"},
    {"hw.optional.arm.FEAT_DotProd", "dotprod"},
    {"hw.optional.arm.FEAT_I8MM", "i8mm"},
    {"hw.optional.arm.FEAT_BF16", "bf16"},
    {"hw.optional.arm.FEAT_FP16", "fp16"},
    {"hw.optional.arm.FEAT_SME", "sme"},
    {"hw.optional.avx2_0", "avx2"},
    {"hw.optional.avx512f", "avx512f"},
}};

std::optional<std::uint32_t> u32(const SysctlValues& v, std::string_view key) {
    const auto n = sysctl_u64(v, key);
    return n && *n <= 0xFFFFFFFFULL ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*n))
                                    : std::nullopt;
}

}  // namespace

SysctlValues parse_sysctl_output(std::string_view text) {
    SysctlValues out;
    for (const auto& line : split(text, '\n')) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        out[std::string(trim(std::string_view(line).substr(0, colon)))] =
            std::string(trim(std::string_view(line).substr(colon + 1)));
    }
    return out;
}

std::optional<std::uint64_t> sysctl_u64(const SysctlValues& v, std::string_view key) {
    const auto it = v.find(key);
    return it == v.end() ? std::nullopt : parse_uint(it->second);
}

CpuInfo cpu_from_sysctl(const SysctlValues& v) {
    CpuInfo c;
    if (const auto it = v.find("machdep.cpu.brand_string"); it != v.end()) {
        c.model = it->second;
    }
    c.vendor = c.model.rfind("Apple", 0) == 0 ? "Apple" : "";
    c.arch = sysctl_u64(v, "hw.optional.arm64").value_or(0) == 1 ? "aarch64" : "x86_64";
    c.physical_cores = u32(v, "hw.physicalcpu");
    c.logical_cores = u32(v, "hw.logicalcpu");
    c.sockets = u32(v, "hw.packages");
    if (u32(v, "hw.nperflevels").value_or(1) > 1) {
        c.performance_cores = u32(v, "hw.perflevel0.physicalcpu");
        c.efficiency_cores = u32(v, "hw.perflevel1.physicalcpu");
    }
    for (const auto& [key, name] : kFeatureKeys) {
        if (sysctl_u64(v, key).value_or(0) == 1) {
            c.features.emplace_back(name);
        }
    }
    std::sort(c.features.begin(), c.features.end());
    c.features.erase(std::unique(c.features.begin(), c.features.end()), c.features.end());
    c.l2_bytes = sysctl_u64(v, "hw.perflevel0.l2cachesize");
    if (!c.l2_bytes) {
        c.l2_bytes = sysctl_u64(v, "hw.l2cachesize");
    }
    c.l3_bytes = sysctl_u64(v, "hw.l3cachesize");
    if (const auto hz = sysctl_u64(v, "hw.cpufrequency_max")) {
        c.max_ghz = static_cast<double>(*hz) / 1e9;
    }
    return c;
}

MemoryInfo memory_from_sysctl(const SysctlValues& v) {
    MemoryInfo m;
    m.total_bytes = sysctl_u64(v, "hw.memsize").value_or(0);
    return m;
}

}  // namespace canrun::hw
