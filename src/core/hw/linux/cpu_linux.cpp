// CPU probe: /proc/cpuinfo for the model and ISA flags, sysfs for topology, caches and clocks.
#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

#include "hw/linux/cpuinfo.h"
#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

constexpr std::string_view kCpuDir = "/sys/devices/system/cpu";

std::string cpu_path(std::uint32_t cpu, std::string_view rest) {
    return fmt::format("{}/cpu{}/{}", kCpuDir, cpu, rest);
}

using CoreKey = std::tuple<std::uint64_t, std::uint64_t, std::uint64_t>;

std::optional<CoreKey> core_key(const ProbeContext& ctx, std::uint32_t cpu) {
    const auto package = read_u64(ctx, cpu_path(cpu, "topology/physical_package_id"));
    const auto core = read_u64(ctx, cpu_path(cpu, "topology/core_id"));
    if (!package || !core) {
        return std::nullopt;
    }
    const auto cluster = read_u64(ctx, cpu_path(cpu, "topology/cluster_id")).value_or(0);
    return CoreKey{*package, cluster, *core};
}

// Distinct physical cores among `cpus`, from sysfs topology; nullopt when topology is missing.
std::optional<std::uint32_t> count_cores(const ProbeContext& ctx,
                                         const std::vector<std::uint32_t>& cpus) {
    std::set<CoreKey> keys;
    for (const auto cpu : cpus) {
        const auto key = core_key(ctx, cpu);
        if (!key) {
            return std::nullopt;
        }
        keys.insert(*key);
    }
    return keys.empty() ? std::nullopt : std::optional<std::uint32_t>(keys.size());
}

void read_hybrid(const ProbeContext& ctx, const std::vector<std::uint32_t>& online, CpuInfo& cpu) {
    // Intel hybrid: the kernel registers two PMUs, cpu_core (P) and cpu_atom (E).
    const auto p_list = ctx.read_line("/sys/devices/cpu_core/cpus");
    const auto e_list = ctx.read_line("/sys/devices/cpu_atom/cpus");
    if (p_list && e_list) {
        const auto p = parse_cpu_list(*p_list);
        cpu.performance_cores = count_cores(ctx, p).value_or(static_cast<std::uint32_t>(p.size()));
        cpu.efficiency_cores = count_cores(ctx, parse_cpu_list(*e_list));
        return;
    }
    // Arm big.LITTLE: cores with the largest cpu_capacity are the performance cores.
    std::vector<std::uint64_t> caps;
    for (const auto c : online) {
        if (const auto cap = read_u64(ctx, cpu_path(c, "cpu_capacity"))) {
            caps.push_back(*cap);
        }
    }
    if (caps.size() != online.size() || caps.empty()) {
        return;
    }
    const auto top = *std::max_element(caps.begin(), caps.end());
    const auto big = static_cast<std::uint32_t>(std::count(caps.begin(), caps.end(), top));
    if (big != caps.size()) {
        cpu.performance_cores = big;
        cpu.efficiency_cores = static_cast<std::uint32_t>(caps.size()) - big;
    }
}

std::optional<std::uint64_t> cache_size(const ProbeContext& ctx, std::uint32_t cpu, int index) {
    const auto text = ctx.read_line(cpu_path(cpu, fmt::format("cache/index{}/size", index)));
    if (!text || text->empty()) {
        return std::nullopt;
    }
    const bool kib = text->back() == 'K';
    const bool mib = text->back() == 'M';
    const auto n = parse_uint(kib || mib ? text->substr(0, text->size() - 1) : *text);
    if (!n) {
        return std::nullopt;
    }
    return *n * (kib ? 1024ULL : (mib ? 1024ULL * 1024ULL : 1ULL));
}

void read_caches(const ProbeContext& ctx, const std::vector<std::uint32_t>& online, CpuInfo& cpu) {
    for (int index = 0; index < 8; ++index) {
        const auto level = read_u64(ctx, cpu_path(online.front(), fmt::format("cache/index{}/level", index)));
        if (!level) {
            break;
        }
        if (*level == 2) {
            cpu.l2_bytes = cache_size(ctx, online.front(), index);
        } else if (*level == 3) {
            std::set<std::string> instances;  // one L3 per distinct shared_cpu_list
            std::uint64_t total = 0;
            for (const auto c : online) {
                const auto shared = ctx.read_line(cpu_path(c, fmt::format("cache/index{}/shared_cpu_list", index)));
                const auto size = cache_size(ctx, c, index);
                if (shared && size && instances.insert(*shared).second) {
                    total += *size;
                }
            }
            if (total > 0) {
                cpu.l3_bytes = total;
            }
        }
    }
}

std::optional<double> max_clock_ghz(const ProbeContext& ctx, const std::vector<std::uint32_t>& online) {
    std::uint64_t khz = 0;
    for (const auto c : online) {
        khz = std::max(khz, read_u64(ctx, cpu_path(c, "cpufreq/cpuinfo_max_freq")).value_or(0));
    }
    return khz > 0 ? std::optional<double>(static_cast<double>(khz) / 1e6) : std::nullopt;
}

std::string arch_of(const CpuinfoSummary& info) {
    const bool arm = std::find(info.features.begin(), info.features.end(), "neon") != info.features.end() ||
                     info.vendor == "ARM" || info.vendor == "HiSilicon";
    return arm ? "aarch64" : (info.processors > 0 ? "x86_64" : "");
}

// The online CPUs from sysfs, else one per cpuinfo "processor" entry.
std::vector<std::uint32_t> online_cpus(const ProbeContext& ctx, const CpuinfoSummary& info) {
    auto online = parse_cpu_list(ctx.read_line(fmt::format("{}/online", kCpuDir)).value_or(""));
    if (online.empty()) {
        for (std::uint32_t c = 0; c < info.processors; ++c) {
            online.push_back(c);
        }
    }
    return online;
}

}  // namespace

void probe_cpu_linux(const ProbeContext& ctx, HardwareReport& r) {
    auto& cpu = r.cpu;
    const auto text = ctx.read("/proc/cpuinfo");
    const auto info = parse_cpuinfo(text.value_or(""));
    if (!text || info.processors == 0) {
        r.warn("cpu", "cpu.no_cpuinfo");
    }
    cpu.model = info.model;
    cpu.vendor = info.vendor;
    cpu.features = info.features;
    cpu.arch = arch_of(info);
    cpu.sockets = info.sockets;
    const auto online = online_cpus(ctx, info);
    if (!online.empty()) {
        cpu.logical_cores = static_cast<std::uint32_t>(online.size());
    }
    cpu.physical_cores = info.physical_cores ? info.physical_cores : count_cores(ctx, online);
    if (!cpu.physical_cores) {
        cpu.physical_cores = cpu.logical_cores;
        r.note("cpu", "cpu.no_topology");
    }
    if (info.hypervisor && r.system.virtualization.empty()) {
        r.system.virtualization = "vm";
    }
    if (online.empty()) {
        return;
    }
    read_hybrid(ctx, online, cpu);
    read_caches(ctx, online, cpu);
    cpu.max_ghz = max_clock_ghz(ctx, online);
    if (!cpu.max_ghz) {
        cpu.max_ghz = info.model_ghz;
    }
}

}  // namespace canrun::hw
