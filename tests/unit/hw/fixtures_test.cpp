// Invariants of each recorded machine (the golden CLI tests hold the full output).
#include <algorithm>
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
        Row{"jetson_agx_orin_64gb", 1, "NVIDIA Jetson AGX Orin GPU (Ampere)", true, 0, FormFactor::Sbc, 12},
        Row{"desktop_arc_a770", 2, "Intel UHD Graphics 770 (Raptor Lake-S)", true, 0, FormFactor::Desktop, 14},
        Row{"laptop_meteor_lake_npu", 1, "Intel Arc Graphics (Meteor Lake)", true, 1, FormFactor::Laptop, 16},
        Row{"orangepi5_rk3588s", 0, "", false, 1, FormFactor::Sbc, 8}),
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

TEST(Fixture, ArcA770MemoryComesFromXeWithResizableBarOff) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "desktop_arc_a770");
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.gpus.size(), 2U);
    const auto& arc = r.gpus[1];
    EXPECT_EQ(arc.name, "Intel Arc A770");
    EXPECT_EQ(arc.kind, GpuKind::Discrete);
    EXPECT_EQ(arc.vram_total_bytes, 16ULL << 30U);
    EXPECT_EQ(arc.bandwidth_gbps, 560.0);
    EXPECT_NE(std::find(arc.sources.begin(), arc.sources.end(), "xe"), arc.sources.end());
    // The iGPU shares RAM: 3/4 of it, as Mesa's Vulkan driver offers.
    EXPECT_EQ(r.gpus[0].vram_total_bytes, r.memory.total_bytes / 4 * 3);
    ASSERT_EQ(r.disks.size(), 1U);
    EXPECT_EQ(r.disks[0].kind, DiskKind::Hdd);
    EXPECT_EQ(r.disks[0].mount, "/srv/models");
    EXPECT_EQ(r.disks[0].device, "sda");
}

TEST(Fixture, MeteorLakeNpuIsFoundOnTheAccelClass) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "laptop_meteor_lake_npu");
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.npus.size(), 1U);
    EXPECT_EQ(r.npus[0].vendor, "Intel");
    EXPECT_EQ(r.npus[0].name, "Intel AI Boost NPU (Meteor Lake)");
    EXPECT_EQ(r.npus[0].driver, "intel_vpu");
    EXPECT_EQ(r.npus[0].pci, "0000:00:0b.0");
    EXPECT_EQ(r.cpu.performance_cores, 6U);
    EXPECT_EQ(r.cpu.efficiency_cores, 10U);
    // Root on LVM on LUKS: traced through dm-1 -> dm-0 -> nvme0n1p3.
    ASSERT_EQ(r.disks.size(), 1U);
    EXPECT_EQ(r.disks[0].device, "nvme0n1");
    EXPECT_EQ(r.disks[0].kind, DiskKind::Nvme);
}

TEST(Fixture, Rk3588NpuWithItsDriverAndRootOnFlash) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "orangepi5_rk3588s");
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.npus.size(), 1U);
    EXPECT_EQ(r.npus[0].vendor, "Rockchip");
    EXPECT_EQ(r.npus[0].driver, "rknpu");
    EXPECT_EQ(r.system.board, "Orange Pi 5");
    ASSERT_EQ(r.disks.size(), 1U);
    EXPECT_EQ(r.disks[0].kind, DiskKind::Flash);
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
