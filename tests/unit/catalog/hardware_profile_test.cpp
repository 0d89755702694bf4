// Building the Machine the estimates see from a catalog device.
#include "catalog/hardware_profile.h"

#include <gtest/gtest.h>

#include "unit/catalog/hardware_test_support.h"
#include "util/units.h"

namespace canrun::catalog {
namespace {

double assumed(const HardwareProfile& p, const std::string& key) {
    for (const auto& a : p.assumptions) {
        if (a.key == key) return a.value;
    }
    return -1;
}

TEST(HardwareProfile, DiscreteCardsBecomeNGpusWithAHost) {
    ProfileRequest r;
    r.gpus = 2;
    auto p = build_hardware_profile(*shipped_device("rtx-4090"), r);
    ASSERT_TRUE(p) << p.error().message;
    const auto& m = p->machine;
    ASSERT_EQ(m.gpus.size(), 2U);
    EXPECT_EQ(m.gpus[1].memory_total_bytes, 24ULL * kGiB);
    EXPECT_EQ(m.gpus[1].memory_free_bytes, 24ULL * kGiB);
    EXPECT_EQ(m.gpus[0].backend, estimate::Backend::Cuda);
    EXPECT_FALSE(m.gpus[0].unified);
    EXPECT_DOUBLE_EQ(m.gpus[0].bandwidth_gbps, 1008);
    EXPECT_NEAR(m.gpus[0].fp16_tflops, 165.2, 0.05);
    EXPECT_EQ(m.name, "2 x GeForce RTX 4090");
    // 48 GiB of VRAM: the host is assumed to have at least as much RAM.
    EXPECT_EQ(m.cpu.ram_total_bytes, 48ULL * kGiB);
    EXPECT_DOUBLE_EQ(assumed(*p, "host_ram_gib"), 48);
    EXPECT_DOUBLE_EQ(m.cpu.bandwidth_gbps, 89.6);
}

TEST(HardwareProfile, GivenHostRamIsUsedAsIs) {
    ProfileRequest r;
    r.ram_gib = 16;
    auto p = build_hardware_profile(*shipped_device("gtx-1080-ti"), r);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->machine.cpu.ram_total_bytes, 16ULL * kGiB);
    EXPECT_DOUBLE_EQ(assumed(*p, "host_ram_gib"), -1);
    EXPECT_DOUBLE_EQ(p->machine.cpu.bandwidth_gbps, 51.2);  // a 2017 card: DDR4 host
}

TEST(HardwareProfile, AppleSmallestMemoryWithTwoThirdsForTheGpu) {
    auto p = build_hardware_profile(*shipped_device("apple-m2-max-38c"), {});
    ASSERT_TRUE(p);
    const auto& m = p->machine;
    EXPECT_EQ(m.cpu.ram_total_bytes, 32ULL * kGiB);
    ASSERT_EQ(m.gpus.size(), 1U);
    EXPECT_TRUE(m.gpus[0].unified);
    EXPECT_EQ(m.gpus[0].backend, estimate::Backend::Metal);
    EXPECT_NEAR(to_gib(m.gpus[0].memory_total_bytes), 32.0 * 2 / 3, 1e-6);
    EXPECT_DOUBLE_EQ(assumed(*p, "memory_gib"), 32);
    EXPECT_EQ(m.name, "Apple M2 Max 38-core 32GB");
}

TEST(HardwareProfile, AppleLargeMemoryGivesThreeQuarters) {
    ProfileRequest r;
    r.memory_gb = 96;
    auto p = build_hardware_profile(*shipped_device("apple-m2-max-38c"), r);
    ASSERT_TRUE(p);
    EXPECT_NEAR(to_gib(p->machine.gpus[0].memory_total_bytes), 72, 1e-6);
    EXPECT_DOUBLE_EQ(p->machine.cpu.bandwidth_gbps, 400);
}

TEST(HardwareProfile, RaspberryPiIsCpuOnly) {
    auto p = build_hardware_profile(*shipped_device("raspberry-pi-5-8gb"), {});
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->machine.gpus.empty());
    EXPECT_EQ(p->machine.cpu.ram_total_bytes, 8ULL * kGiB);
    EXPECT_NEAR(p->machine.cpu.bandwidth_gbps, 17.1, 1e-9);
}

TEST(HardwareProfile, CpuPlatformTakesTheRamGiven) {
    ProfileRequest r;
    r.ram_gib = 64;
    auto p = build_hardware_profile(*shipped_device("ddr5-5600-2ch"), r);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->machine.gpus.empty());
    EXPECT_EQ(p->machine.cpu.ram_total_bytes, 64ULL * kGiB);
    EXPECT_NEAR(p->machine.cpu.bandwidth_gbps, 89.6, 1e-9);
}

TEST(HardwareProfile, RefusesImpossibleRequests) {
    ProfileRequest two;
    two.gpus = 2;
    auto p = build_hardware_profile(*shipped_device("apple-m4-pro-20c"), two);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().code, ExitCode::Usage);
    ProfileRequest odd;
    odd.memory_gb = 20;
    EXPECT_FALSE(build_hardware_profile(*shipped_device("apple-m4-pro-20c"), odd));
    ProfileRequest none;
    none.gpus = 0;
    EXPECT_FALSE(build_hardware_profile(*shipped_device("rtx-4090"), none));
}

TEST(HardwareProfile, AscendIsSizedLikeCudaAndSaysSo) {
    auto p = build_hardware_profile(*shipped_device("ascend-910b"), {});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->machine.gpus.at(0).memory_total_bytes, 64ULL * kGiB);
    EXPECT_DOUBLE_EQ(assumed(*p, "backend_approximated"), 1);
    EXPECT_DOUBLE_EQ(p->machine.cpu.bandwidth_gbps, 307.2);  // a server host
}

}  // namespace
}  // namespace canrun::catalog
