// Memory probe: /proc/meminfo for sizes, SMBIOS type 17 records for type, speed and bandwidth.
#include <fmt/format.h>

#include "hw/dmi_memory.h"
#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

constexpr std::string_view kDmiEntries = "/sys/firmware/dmi/entries";

std::optional<std::uint64_t> meminfo_bytes(std::string_view text, std::string_view key) {
    const auto value = find_field(text, key);
    if (!value) {
        return std::nullopt;
    }
    const auto parts = split(*value, ' ');
    const auto n = parse_uint(parts.front());
    if (!n) {
        return std::nullopt;
    }
    return parts.size() > 1 && parts[1] == "kB" ? *n * 1024ULL : *n;
}

std::vector<MemoryDevice> dmi_memory_devices(const ProbeContext& ctx) {
    std::vector<MemoryDevice> out;
    for (const auto& entry : ctx.list(kDmiEntries)) {
        if (entry.rfind("17-", 0) != 0) {
            continue;
        }
        const auto raw = ctx.read(fmt::format("{}/{}/raw", kDmiEntries, entry));
        if (const auto dev = raw ? parse_dmi_memory_device(*raw) : std::nullopt) {
            out.push_back(*dev);
        }
    }
    return out;
}

void read_dmi(const ProbeContext& ctx, HardwareReport& r) {
    const auto devices = dmi_memory_devices(ctx);
    if (devices.empty()) {
        r.note("memory", "memory.no_smbios");
        return;
    }
    bool soldered = false;
    for (const auto& d : devices) {
        soldered = soldered || d.type.rfind("LP", 0) == 0;
    }
    const bool many_channels = soldered || r.system.form_factor == FormFactor::Server;
    const auto bw = memory_bandwidth(devices, many_channels ? 16 : 2);
    if (!bw) {
        r.note("memory", "memory.smbios_incomplete");
        return;
    }
    auto& m = r.memory;
    m.type = bw->type;
    m.speed_mts = bw->speed_mts;
    m.modules = bw->modules;
    m.channels = bw->channels;
    m.bandwidth_gbps = bw->gbps;
    m.bandwidth_source = "dmi";
    r.note("memory", "memory.bandwidth_from_dmi",
           {fmt::format("{:.1f}", bw->gbps), fmt::format("{}", bw->speed_mts),
            fmt::format("{}", bw->channels)});
}

}  // namespace

void probe_memory_linux(const ProbeContext& ctx, HardwareReport& r) {
    const auto text = ctx.read("/proc/meminfo");
    const auto total = text ? meminfo_bytes(*text, "MemTotal") : std::nullopt;
    if (!total) {
        r.warn("memory", "memory.no_meminfo");
    } else {
        r.memory.total_bytes = *total;
        r.memory.available_bytes = meminfo_bytes(*text, "MemAvailable");
        r.memory.swap_total_bytes = meminfo_bytes(*text, "SwapTotal");
        r.memory.swap_free_bytes = meminfo_bytes(*text, "SwapFree");
    }
    read_dmi(ctx, r);
}

}  // namespace canrun::hw
