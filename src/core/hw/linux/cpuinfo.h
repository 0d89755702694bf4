// Parsing /proc/cpuinfo (x86 and Arm layouts) into what matters for inference.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace canrun::hw {

struct CpuinfoSummary {
    std::string model;  // "model name", or an Arm core name from implementer/part
    std::string vendor;
    std::uint32_t processors = 0;                     // "processor" entries
    std::optional<std::uint32_t> sockets;             // distinct "physical id"
    std::optional<std::uint32_t> physical_cores;      // distinct (physical id, core id)
    std::vector<std::string> features;                // inference-relevant, sorted, canonical
    std::optional<double> model_ghz;                  // "@ 2.10GHz" in the model name
    bool hypervisor = false;                          // the "hypervisor" flag
};

CpuinfoSummary parse_cpuinfo(std::string_view text);

/// Canonical inference-relevant features from a flags/Features list; others are dropped.
std::vector<std::string> inference_features(std::string_view flags);

/// "Cortex-A76" for implementer 0x41 part 0xd0b; empty when unknown.
std::string arm_core_name(std::uint32_t implementer, std::uint32_t part);

}  // namespace canrun::hw
