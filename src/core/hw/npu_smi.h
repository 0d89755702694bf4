// Parsing `npu-smi info` (Huawei Ascend driver tool) for each NPU's name, bus ID and HBM.
// Layout of npu-smi 23.x / 24.x: a table whose chip row holds "Bus-Id ... HBM used / total (MB)".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace canrun::hw {

struct NpuSmiChip {
    std::string name;  // "910B3"
    std::string pci;   // "0000:c1:00.0" (lower case)
    std::uint64_t hbm_used_bytes = 0;
    std::uint64_t hbm_total_bytes = 0;
};

std::vector<NpuSmiChip> parse_npu_smi_info(std::string_view text);

}  // namespace canrun::hw
