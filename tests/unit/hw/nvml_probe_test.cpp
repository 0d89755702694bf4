// The real NVML probe, dlopen included, against the fake libraries built in tests/fakes.
#include <chrono>
#include <gtest/gtest.h>

#include "has_note.h"
#include "hw/probe.h"

namespace canrun::hw {
namespace {

HardwareReport detect_with(const char* library, std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "desktop_rtx4090");
    ctx.vendor.nvml_library = library;
    ctx.vendor.timeout = timeout;
    return detect_hardware(ctx);
}

using test::has_note;

TEST(NvmlProbe, FillsTheGpuFoundOnPci) {
    const auto r = detect_with(FAKE_NVML);
    ASSERT_EQ(r.gpus.size(), 1U);
    const auto& g = r.gpus[0];
    EXPECT_EQ(g.pci, "0000:01:00.0");
    EXPECT_EQ(g.name, "NVIDIA GeForce RTX 4090");
    EXPECT_EQ(g.vram_total_bytes, 25757220864ULL);
    EXPECT_EQ(g.vram_free_bytes, 25231294464ULL);
    EXPECT_EQ(g.vram_used_by_others_bytes, 25757220864ULL - 25231294464ULL);
    EXPECT_EQ(g.compute_capability, "8.9");
    EXPECT_EQ(g.driver_version, "550.54.14");
    EXPECT_EQ(g.memory_bus_bits, 384U);
    EXPECT_EQ(g.bandwidth_source, "nvml");
    EXPECT_NEAR(g.bandwidth_gbps.value_or(0), 1008.1, 0.1);
    EXPECT_EQ(g.link.generation, 4U);
    EXPECT_NE(std::find(g.sources.begin(), g.sources.end(), "nvml"), g.sources.end());
}

TEST(NvmlProbe, MissingOptionalSymbolIsANoteAndTheRestStillCounts) {
    const auto r = detect_with(FAKE_NVML_NO_BUS_WIDTH);  // also lacks nvmlInit_v2: uses nvmlInit
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_EQ(r.gpus[0].vram_free_bytes, 25231294464ULL);
    EXPECT_FALSE(r.gpus[0].memory_bus_bits);
    EXPECT_EQ(r.gpus[0].bandwidth_source, "table");
    EXPECT_TRUE(has_note(r, "nvml", "nvmlDeviceGetMemoryBusWidth"));
}

TEST(NvmlProbe, MissingRequiredSymbolFallsBackToTheTable) {
    const auto r = detect_with(FAKE_NVML_NO_MEMORY);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_TRUE(has_note(r, "nvml", "lacks a required call"));
    EXPECT_EQ(r.gpus[0].vram_total_bytes, 24ULL << 30U);
    EXPECT_FALSE(r.gpus[0].vram_free_bytes);
}

TEST(NvmlProbe, InitFailureIsANote) {
    const auto r = detect_with(FAKE_NVML_INIT_FAILS);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_TRUE(has_note(r, "nvml", "Driver Not Loaded"));
    EXPECT_FALSE(r.gpus[0].driver_version.size());
}

TEST(NvmlProbe, AHungLibraryIsAbandonedAfterTheTimeout) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = detect_with(FAKE_NVML_HANGS, std::chrono::milliseconds(300));
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, std::chrono::seconds(10));  // the fake sleeps 30 s
    EXPECT_TRUE(has_note(r, "nvml", "no answer within 300 ms"));
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_EQ(r.gpus[0].name, "NVIDIA GeForce RTX 4090");  // from PCI IDs
}

TEST(NvmlProbe, AbsentLibraryIsANote) {
    const auto r = detect_with("/nonexistent/libnvidia-ml.so.1");
    EXPECT_TRUE(has_note(r, "nvml", "NVML not available"));
    ASSERT_EQ(r.gpus.size(), 1U);
}

TEST(NvmlProbe, DisabledVendorLibrariesAreNotOpened) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "desktop_rtx4090");
    ctx.vendor.use_vendor_libraries = false;
    ctx.vendor.nvml_library = FAKE_NVML;
    const auto r = detect_hardware(ctx);
    EXPECT_TRUE(has_note(r, "nvml", "--no-vendor-libs"));
    EXPECT_FALSE(r.gpus.at(0).vram_free_bytes);
}

}  // namespace
}  // namespace canrun::hw
