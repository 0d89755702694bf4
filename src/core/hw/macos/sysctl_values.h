// macOS `sysctl` output ("hw.memsize: 68719476736" per line) into CPU and memory facts.
// Portable: unit-tested on recorded output; probes_macos.cpp gathers the text on a Mac.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "hw/hardware.h"

namespace canrun::hw {

using SysctlValues = std::map<std::string, std::string, std::less<>>;

SysctlValues parse_sysctl_output(std::string_view text);
std::optional<std::uint64_t> sysctl_u64(const SysctlValues& v, std::string_view key);

/// CPU from machdep.cpu.brand_string, hw.physicalcpu, hw.logicalcpu, hw.perflevel{0,1}.*,
/// hw.optional.* features and cache sizes.
CpuInfo cpu_from_sysctl(const SysctlValues& v);

/// hw.memsize; available memory is not in sysctl (left unknown).
MemoryInfo memory_from_sysctl(const SysctlValues& v);

}  // namespace canrun::hw
