// Invariants of each recorded machine (the golden CLI tests hold the full output).
#include <gtest/gtest.h>

#include "hw/probe.h"

namespace canrun::hw {
namespace {

struct Row {
    const char* machine;
    std::size_t gpus;
    const char* first_gpu;  // "" when none
    bool first_unified;
    std::size_t npus;
    FormFactor form;
    std::uint32_t physical_cores;
};

class Fixture : public testing::TestWithParam<Row> {};

TEST_P(Fixture, DetectsTheMachine) {
    const auto& row = GetParam();
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / row.machine);
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.gpus.size(), row.gpus);
    if (row.gpus > 0) {
        EXPECT_EQ(r.gpus[0].name, row.first_gpu);
        EXPECT_EQ(r.gpus[0].kind != GpuKind::Discrete, row.first_unified);
    }
    EXPECT_EQ(r.npus.size(), row.npus);
    EXPECT_EQ(r.system.form_factor, row.form);
    EXPECT_EQ(r.cpu.physical_cores, row.physical_cores);
    EXPECT_GT(r.memory.total_bytes, 0U);
    for (std::size_t i = 1; i < r.gpus.size(); ++i) {
        EXPECT_LT(r.gpus[i - 1].pci, r.gpus[i].pci);  // sorted by PCI address
    }
}

INSTANTIATE_TEST_SUITE_P(
    Machines, Fixture,
    testing::Values(
        Row{"desktop_rtx4090", 1, "NVIDIA GeForce RTX 4090", false, 0, FormFactor::Desktop, 16},
        Row{"desktop_rtx3090_rtx3060", 3, "Intel UHD Graphics 770 (Alder Lake-S)", true, 0, FormFactor::Desktop, 16},
        Row{"laptop_iris_xe", 1, "Intel Iris Xe Graphics (Tiger Lake)", true, 0, FormFactor::Laptop, 4},
        Row{"laptop_rtx4060_hybrid", 2, "Intel Iris Xe Graphics (Raptor Lake)", true, 0, FormFactor::Laptop, 14},
        Row{"desktop_rx7900xtx", 2, "AMD Radeon RX 7900 XTX", false, 0, FormFactor::Desktop, 8},
        Row{"apu_strix_halo", 1, "AMD Radeon 8060S (Strix Halo)", true, 1, FormFactor::Desktop, 16},
        Row{"rpi5_8gb", 0, "", false, 0, FormFactor::Sbc, 4},
        Row{"server_8x_h100", 8, "NVIDIA H100 80GB HBM3", false, 0, FormFactor::Server, 112},
        Row{"server_ascend_910b", 0, "", false, 8, FormFactor::Server, 192},
        Row{"vm_no_gpu", 0, "", false, 0, FormFactor::Unknown, 2},
        Row{"jetson_agx_orin_64gb", 1, "NVIDIA Jetson AGX Orin GPU (Ampere)", true, 0, FormFactor::Sbc, 12}),
    [](const testing::TestParamInfo<Row>& p) { return std::string(p.param.machine); });

TEST(Fixture, HybridCoresAreSplit) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "laptop_rtx4060_hybrid");
    const auto r = detect_hardware(ctx);
    EXPECT_EQ(r.cpu.performance_cores, 6U);
    EXPECT_EQ(r.cpu.efficiency_cores, 8U);
    EXPECT_EQ(r.cpu.logical_cores, 20U);
}

TEST(Fixture, StrixHaloBudgetIsCarveOutPlusGtt) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "apu_strix_halo");
    const auto r = detect_hardware(ctx);
    EXPECT_EQ(r.gpus.at(0).vram_total_bytes, 536870912ULL + 103079215104ULL);
    EXPECT_NEAR(r.memory.bandwidth_gbps.value_or(0), 256.0, 0.01);
}

TEST(Fixture, VmIsFlaggedAndItsVgaIgnored) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "vm_no_gpu");
    const auto r = detect_hardware(ctx);
    EXPECT_EQ(r.system.virtualization, "qemu");
    EXPECT_EQ(r.system.container, "docker");
    ASSERT_EQ(r.disks.size(), 1U);
    EXPECT_EQ(r.disks[0].kind, DiskKind::Virtual);
}

}  // namespace
}  // namespace canrun::hw
