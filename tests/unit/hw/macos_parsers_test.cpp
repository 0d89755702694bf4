// macOS parsing on recorded `sysctl` and `system_profiler SPDisplaysDataType -json` output.
#include <gtest/gtest.h>

#include "hw/macos/apple_gpu.h"
#include "hw/macos/sysctl_values.h"
#include "hw/macos/system_profiler_displays.h"
#include "util/units.h"

namespace canrun::hw {
namespace {

// Recorded on a Mac Studio (M2 Max, 38-core GPU, 64 GB), trimmed to the keys we read.
constexpr std::string_view kSysctl =
    "hw.model: Mac14,14\nhw.memsize: 68719476736\nhw.physicalcpu: 12\nhw.logicalcpu: 12\n"
    "hw.packages: 1\nhw.nperflevels: 2\nhw.perflevel0.physicalcpu: 8\nhw.perflevel1.physicalcpu: 4\n"
    "hw.perflevel0.l2cachesize: 16777216\nhw.optional.arm64: 1\nhw.optional.AdvSIMD: 1\n"
    "hw.optional.arm.FEAT_DotProd: 1\nhw.optional.arm.FEAT_I8MM: 0\nhw.optional.arm.FEAT_BF16: 0\n"
    "hw.optional.arm.FEAT_FP16: 1\nmachdep.cpu.brand_string: Apple M2 Max\niogpu.wired_limit_mb: 0\n";

constexpr std::string_view kProfiler = R"({
  "SPDisplaysDataType" : [
    {
      "_name" : "Apple M2 Max",
      "spdisplays_mtlgpufamilysupport" : "spdisplays_metal3",
      "spdisplays_vendor" : "sppci_vendor_Apple",
      "sppci_bus" : "spdisplays_builtin",
      "sppci_cores" : "38",
      "sppci_device_type" : "spdisplays_gpu",
      "sppci_model" : "Apple M2 Max"
    }
  ]
})";

TEST(MacSysctl, CpuAndMemory) {
    const auto v = parse_sysctl_output(kSysctl);
    const auto cpu = cpu_from_sysctl(v);
    EXPECT_EQ(cpu.model, "Apple M2 Max");
    EXPECT_EQ(cpu.arch, "aarch64");
    EXPECT_EQ(cpu.physical_cores, 12U);
    EXPECT_EQ(cpu.performance_cores, 8U);
    EXPECT_EQ(cpu.efficiency_cores, 4U);
    EXPECT_EQ(cpu.features, (std::vector<std::string>{"dotprod", "fp16", "neon"}));
    EXPECT_EQ(memory_from_sysctl(v).total_bytes, 64 * kGiB);
}

TEST(MacProfiler, AppleGpuGetsTheWorkingSetBudgetAndChipBandwidth) {
    const auto r = macos_report(kSysctl, kProfiler);
    ASSERT_EQ(r.gpus.size(), 1U);
    const auto& g = r.gpus[0];
    EXPECT_EQ(g.name, "Apple M2 Max (38-core GPU)");
    EXPECT_EQ(g.kind, GpuKind::Unified);
    EXPECT_EQ(g.vram_total_bytes, 48 * kGiB);  // 3/4 of 64 GiB
    EXPECT_NEAR(g.bandwidth_gbps.value_or(0), 400.0, 0.01);
    EXPECT_EQ(r.system.form_factor, FormFactor::Desktop);
}

TEST(MacProfiler, WiredLimitOverridesTheDefault) {
    std::string sysctl(kSysctl);
    sysctl += "iogpu.wired_limit_mb: 57344\n";  // later line wins
    const auto r = macos_report(sysctl, kProfiler);
    EXPECT_EQ(r.gpus.at(0).vram_total_bytes, 56 * kGiB);
}

TEST(MacProfiler, IntelMacWithDiscreteRadeon) {
    const auto gpus = parse_system_profiler_displays(R"({"SPDisplaysDataType":[
      {"_name":"Intel UHD Graphics 630","sppci_model":"Intel UHD Graphics 630","spdisplays_vendor":"Intel",
       "spdisplays_vram_shared":"1536 MB"},
      {"_name":"AMD Radeon Pro 5500M","sppci_model":"AMD Radeon Pro 5500M",
       "spdisplays_vendor":"sppci_vendor_amd","spdisplays_vram":"8 GB"}]})");
    ASSERT_TRUE(gpus);
    ASSERT_EQ(gpus->size(), 2U);
    EXPECT_EQ((*gpus)[1].vendor, GpuVendor::Amd);
    EXPECT_EQ((*gpus)[1].vram_bytes, 8 * kGiB);
    EXPECT_FALSE((*gpus)[0].vram_bytes);
}

TEST(MacProfiler, GarbageIsANoteNotACrash) {
    EXPECT_FALSE(parse_system_profiler_displays("not json"));
    EXPECT_FALSE(parse_system_profiler_displays("{\"SPDisplaysDataType\": 3}"));
    const auto r = macos_report("", "");
    EXPECT_TRUE(r.gpus.empty());
    EXPECT_EQ(r.notes.size(), 1U);
}

TEST(AppleGpu, BudgetAndBandwidthRows) {
    EXPECT_EQ(apple_gpu_budget_bytes(16 * kGiB, std::nullopt), 16 * kGiB / 3 * 2);
    EXPECT_EQ(apple_gpu_budget_bytes(128 * kGiB, std::nullopt), 96 * kGiB);
    EXPECT_EQ(apple_gpu_budget_bytes(16 * kGiB, 0), 16 * kGiB / 3 * 2);
    EXPECT_EQ(apple_gpu_budget_bytes(16 * kGiB, 999999), 16 * kGiB);  // capped at RAM
    EXPECT_EQ(apple_chip_bandwidth_gbps("Apple M1", std::nullopt), 68.25);
    EXPECT_EQ(apple_chip_bandwidth_gbps("Apple M1 Pro", 16), 200.0);
    EXPECT_EQ(apple_chip_bandwidth_gbps("Apple M3 Max", 30), 300.0);
    EXPECT_EQ(apple_chip_bandwidth_gbps("Apple M3 Max", 40), 400.0);
    EXPECT_EQ(apple_chip_bandwidth_gbps("Apple M4 Max", 40), 546.0);
    EXPECT_FALSE(apple_chip_bandwidth_gbps("Apple M9", 10));
}

}  // namespace
}  // namespace canrun::hw
