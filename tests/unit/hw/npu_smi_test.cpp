#include "hw/npu_smi.h"

#include <gtest/gtest.h>

namespace canrun::hw {
namespace {

constexpr std::string_view kInfo =
    "+------------------------------------------------------------------------------------------------+\n"
    "| npu-smi 23.0.rc3                 Version: 23.0.rc3                                             |\n"
    "+---------------------------+---------------+----------------------------------------------------+\n"
    "| NPU   Name                | Health        | Power(W)    Temp(C)           Hugepages-Usage(page)|\n"
    "| Chip                      | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |\n"
    "+===========================+===============+====================================================+\n"
    "| 0     910B3               | OK            | 95.7        36                0    / 0             |\n"
    "| 0                         | 0000:C1:00.0  | 0           0    / 0          3162 / 65536         |\n"
    "+===========================+===============+====================================================+\n"
    "| 1     910B3               | OK            | 92.1        37                0    / 0             |\n"
    "| 0                         | 0000:01:00.0  | 12          0    / 0          40000 / 65536        |\n"
    "+===========================+===============+====================================================+\n";

TEST(NpuSmi, ReadsNameBusAndHbmOfEachChip) {
    const auto chips = parse_npu_smi_info(kInfo);
    ASSERT_EQ(chips.size(), 2U);
    EXPECT_EQ(chips[0].name, "910B3");
    EXPECT_EQ(chips[0].pci, "0000:c1:00.0");
    EXPECT_EQ(chips[0].hbm_total_bytes, 65536ULL << 20U);
    EXPECT_EQ(chips[0].hbm_used_bytes, 3162ULL << 20U);
    EXPECT_EQ(chips[1].pci, "0000:01:00.0");
    EXPECT_EQ(chips[1].hbm_used_bytes, 40000ULL << 20U);
}

TEST(NpuSmi, GarbageGivesNoChips) {
    EXPECT_TRUE(parse_npu_smi_info("").empty());
    EXPECT_TRUE(parse_npu_smi_info("| a | 0000:01:00.0 | x / y |\n|||\n").empty());
    EXPECT_TRUE(parse_npu_smi_info("dcmi module initialize failed. ret is -8005\n").empty());
}

}  // namespace
}  // namespace canrun::hw
