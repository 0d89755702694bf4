#include "hw/to_machine.h"

#include <gtest/gtest.h>

#include "hw/probe.h"

namespace canrun::hw {
namespace {

estimate::Machine machine_of(const char* name) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / name);
    return to_machine(detect_hardware(ctx));
}

TEST(ToMachine, FreeIsTotalMinusWhatOthersHold) {
    HardwareReport r;
    GpuInfo g;
    g.name = "GPU";
    g.vendor = GpuVendor::Nvidia;
    g.vram_total_bytes = 24ULL << 30U;
    g.vram_used_by_others_bytes = 2ULL << 30U;
    r.gpus.push_back(g);
    const auto m = to_machine(r);
    ASSERT_EQ(m.gpus.size(), 1U);
    EXPECT_EQ(m.gpus[0].memory_free_bytes, 22ULL << 30U);
    EXPECT_EQ(m.gpus[0].backend, estimate::Backend::Cuda);
}

TEST(ToMachine, HybridLaptopKeepsOnlyTheDiscreteGpu) {
    const auto m = machine_of("laptop_rtx4060_hybrid");
    ASSERT_EQ(m.gpus.size(), 1U);
    EXPECT_EQ(m.gpus[0].name, "NVIDIA GeForce RTX 4060 Laptop GPU");
    EXPECT_EQ(m.gpus[0].memory_free_bytes, 8321499136ULL);
    EXPECT_NEAR(m.gpus[0].pcie_gbps, 15.75, 0.01);  // PCIe 4.0 x8
    EXPECT_EQ(m.cpu.physical_cores, 14U);
}

TEST(ToMachine, ApuIsUnifiedAndIgpuOnlyMachinesKeepTheIgpu) {
    const auto halo = machine_of("apu_strix_halo");
    ASSERT_EQ(halo.gpus.size(), 1U);
    EXPECT_TRUE(halo.gpus[0].unified);
    EXPECT_EQ(halo.gpus[0].backend, estimate::Backend::Rocm);
    EXPECT_NEAR(halo.gpus[0].bandwidth_gbps, 256.0, 0.01);
    const auto xe = machine_of("laptop_iris_xe");
    ASSERT_EQ(xe.gpus.size(), 1U);
    EXPECT_TRUE(xe.gpus[0].unified);
}

TEST(ToMachine, CpuOnlyMachines) {
    const auto vm = machine_of("vm_no_gpu");
    EXPECT_TRUE(vm.gpus.empty());
    EXPECT_EQ(vm.cpu.logical_cores, 2U);
    EXPECT_GT(vm.cpu.ram_total_bytes, 20ULL << 30U);
    const auto pi = machine_of("rpi5_8gb");
    EXPECT_NEAR(pi.cpu.bandwidth_gbps, 17.1, 0.01);
}

TEST(ToMachine, PcieBandwidthPerGeneration) {
    EXPECT_NEAR(pcie_gbps({4, 16}), 31.5, 0.01);
    EXPECT_NEAR(pcie_gbps({5, 16}), 63.0, 0.01);
    EXPECT_EQ(pcie_gbps({}), 0.0);
    EXPECT_EQ(pcie_gbps({9, 16}), 0.0);
}

}  // namespace
}  // namespace canrun::hw
