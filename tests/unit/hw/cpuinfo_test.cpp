#include "hw/linux/cpuinfo.h"

#include <gtest/gtest.h>

#include "hw/linux/sysfs.h"

namespace canrun::hw {
namespace {

TEST(Cpuinfo, X86CountsSocketsCoresAndThreads) {
    std::string text;
    for (int cpu = 0; cpu < 8; ++cpu) {
        text += "processor\t: " + std::to_string(cpu) + "\nvendor_id\t: GenuineIntel\n"
                "model name\t: Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz\nphysical id\t: " +
                std::to_string(cpu / 4) + "\ncore id\t\t: " + std::to_string(cpu % 2) +
                "\nflags\t\t: fpu avx avx2 fma avx512f avx512_vnni hypervisor\n\n";
    }
    const auto s = parse_cpuinfo(text);
    EXPECT_EQ(s.processors, 8U);
    EXPECT_EQ(s.sockets, 2U);
    EXPECT_EQ(s.physical_cores, 4U);
    EXPECT_EQ(s.model, "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz");
    ASSERT_TRUE(s.model_ghz);
    EXPECT_DOUBLE_EQ(*s.model_ghz, 2.0);
    EXPECT_TRUE(s.hypervisor);
    EXPECT_EQ(s.features, (std::vector<std::string>{"avx", "avx2", "avx512_vnni", "avx512f", "fma"}));
}

TEST(Cpuinfo, ArmNamesCoresFromImplementerAndPart) {
    const std::string text =
        "processor\t: 0\nFeatures\t: fp asimd asimddp i8mm sve bf16\nCPU implementer\t: 0x41\n"
        "CPU part\t: 0xd0b\n\nprocessor\t: 1\nFeatures\t: fp asimd asimddp i8mm sve bf16\n"
        "CPU implementer\t: 0x41\nCPU part\t: 0xd05\n\n";
    const auto s = parse_cpuinfo(text);
    EXPECT_EQ(s.processors, 2U);
    EXPECT_EQ(s.model, "Cortex-A55 + Cortex-A76");
    EXPECT_EQ(s.vendor, "ARM");
    EXPECT_FALSE(s.physical_cores);
    EXPECT_EQ(s.features, (std::vector<std::string>{"bf16", "dotprod", "i8mm", "neon", "sve"}));
}

TEST(Cpuinfo, GarbageGivesNothingRatherThanNonsense) {
    const auto s = parse_cpuinfo("\x01\x02 no colon here\nprocessor: x\n:::\n");
    EXPECT_EQ(s.processors, 0U);
    EXPECT_TRUE(s.model.empty());
    EXPECT_TRUE(s.features.empty());
}

TEST(Cpuinfo, ArmCoreNames) {
    EXPECT_EQ(arm_core_name(0x41, 0xd4f), "Neoverse-V2");
    EXPECT_EQ(arm_core_name(0x48, 0xd01), "Kunpeng 920 (TaiShan v110)");
    EXPECT_EQ(arm_core_name(0x41, 0x123), "");
}

TEST(CpuList, ParsesRangesAndRejectsGarbage) {
    EXPECT_EQ(parse_cpu_list("0-3,8,10-11\n"), (std::vector<std::uint32_t>{0, 1, 2, 3, 8, 10, 11}));
    EXPECT_EQ(parse_cpu_list("5"), (std::vector<std::uint32_t>{5}));
    EXPECT_TRUE(parse_cpu_list("3-1").empty());
    EXPECT_TRUE(parse_cpu_list("a-b").empty());
    EXPECT_TRUE(parse_cpu_list("0-4294967295").empty());
    EXPECT_TRUE(parse_cpu_list("").empty());
}

TEST(PciAddress, FoundInLinkTargets) {
    EXPECT_EQ(pci_address_in("../../devices/pci0000:00/0000:00:01.1/0000:01:00.0"), "0000:01:00.0");
    EXPECT_EQ(pci_address_in("../../../bus/pci/devices/0000:C1:00.0"), "0000:c1:00.0");
    EXPECT_EQ(pci_address_in("../../devices/platform/axi:gpu"), "");
}

}  // namespace
}  // namespace canrun::hw
