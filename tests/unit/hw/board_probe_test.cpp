// Boards from the device tree: the Jetson row is chosen by model and, where one model name
// covers two memory sizes (Orin Nano 4 GB / 8 GB), by the RAM it has.
#include <gtest/gtest.h>

#include "hw/probe.h"
#include "temp_sysroot.h"

namespace canrun::hw {
namespace {

HardwareReport jetson(const std::string& model, const std::string& mem_total_kb) {
    test::TempSysroot root;
    root.write("/proc/device-tree/model", model + std::string(1, '\0'));
    root.write("/proc/meminfo", "MemTotal: " + mem_total_kb + " kB\nMemAvailable: 1000000 kB\n");
    ProbeContext ctx(root.root());
    return detect_hardware(ctx);
}

TEST(BoardProbe, OrinNanoBandwidthFollowsItsMemorySize) {
    const auto small = jetson("NVIDIA Jetson Orin Nano Developer Kit", "3735000");
    ASSERT_EQ(small.gpus.size(), 1U);
    EXPECT_EQ(small.gpus[0].bandwidth_gbps, 34.0);
    EXPECT_EQ(small.gpus[0].kind, GpuKind::Unified);
    const auto large = jetson("NVIDIA Jetson Orin Nano Developer Kit", "7802000");
    ASSERT_EQ(large.gpus.size(), 1U);
    EXPECT_EQ(large.gpus[0].bandwidth_gbps, 68.0);
}

TEST(BoardProbe, OlderJetsonsHaveTheirOwnRows) {
    const auto nano = jetson("NVIDIA Jetson Nano Developer Kit", "4050000");
    ASSERT_EQ(nano.gpus.size(), 1U);
    EXPECT_EQ(nano.gpus[0].name, "NVIDIA Jetson Nano GPU (Maxwell)");
    EXPECT_EQ(nano.memory.bandwidth_gbps, 25.6);
    const auto nx = jetson("NVIDIA Jetson Xavier NX Developer Kit", "7900000");
    ASSERT_EQ(nx.gpus.size(), 1U);
    EXPECT_EQ(nx.gpus[0].bandwidth_gbps, 59.7);
}

}  // namespace
}  // namespace canrun::hw
