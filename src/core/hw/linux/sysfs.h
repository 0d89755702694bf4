// Small readers for sysfs and procfs values, through the probe context.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hw/probe_context.h"

namespace canrun::hw {

/// A decimal integer file ("8\n"); nullopt when missing, empty or garbage.
std::optional<std::uint64_t> read_u64(const ProbeContext& ctx, std::string_view path);
/// A hexadecimal file ("0x10de\n").
std::optional<std::uint64_t> read_hex(const ProbeContext& ctx, std::string_view path);
/// The last path component of a link target ("../../bus/pci/drivers/amdgpu" -> "amdgpu").
std::optional<std::string> link_name(const ProbeContext& ctx, std::string_view path);
/// "0-3,8,10-11" -> {0,1,2,3,8,10,11}; empty on garbage. Bounded to 65536 entries.
std::vector<std::uint32_t> parse_cpu_list(std::string_view text);
/// A "key: value" line's value from text such as /proc/meminfo ("MemTotal:  16 kB").
std::optional<std::string> find_field(std::string_view text, std::string_view key, char sep = ':');
/// A PCI address ("0000:01:00.0") from a sysfs path or link, or empty.
std::string pci_address_in(std::string_view path);

}  // namespace canrun::hw
