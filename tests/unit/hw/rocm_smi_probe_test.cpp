// The real ROCm SMI probe, dlopen included, against the fake libraries built in tests/fakes.
#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>

#include "has_note.h"
#include "hw/probe.h"
#include "temp_sysroot.h"
#include "util/units.h"

namespace canrun::hw {
namespace {

using test::has_note;

ProbeContext rx7900_with(const char* library, std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "desktop_rx7900xtx");
    ctx.vendor.rocm_smi_library = library;
    ctx.vendor.timeout = timeout;
    return ctx;
}

const GpuInfo& gpu_at(const HardwareReport& r, std::string_view pci) {
    const auto it = std::find_if(r.gpus.begin(), r.gpus.end(), [&](const GpuInfo& g) { return g.pci == pci; });
    EXPECT_NE(it, r.gpus.end()) << pci;
    return *it;
}

bool has_source(const GpuInfo& g, std::string_view s) {
    return std::find(g.sources.begin(), g.sources.end(), s) != g.sources.end();
}

TEST(RocmSmiProbe, FillsTheDiscreteGpuByPciAddress) {
    const auto r = detect_hardware(rx7900_with(FAKE_ROCM_SMI));
    ASSERT_EQ(r.gpus.size(), 2U);
    const auto& g = gpu_at(r, "0000:03:00.0");
    EXPECT_EQ(g.vram_total_bytes, 25753026560ULL);
    EXPECT_EQ(g.vram_used_by_others_bytes, 2147483648ULL);  // the fake's figure, not sysfs's
    EXPECT_EQ(g.vram_free_bytes, 25753026560ULL - 2147483648ULL);
    EXPECT_EQ(g.vram_visible_bytes, 25753026560ULL);
    EXPECT_EQ(g.gtt_total_bytes, 16384000000ULL);
    EXPECT_EQ(g.kind, GpuKind::Discrete);
    EXPECT_TRUE(has_source(g, "rocm-smi"));
    EXPECT_TRUE(has_source(g, "amdgpu"));
}

TEST(RocmSmiProbe, TheApuKeepsItsUnifiedBudgetAndIsNotedOnce) {
    const auto r = detect_hardware(rx7900_with(FAKE_ROCM_SMI));
    const auto& g = gpu_at(r, "0000:11:00.0");
    EXPECT_EQ(g.kind, GpuKind::Unified);
    EXPECT_EQ(g.vram_total_bytes, 536870912ULL + 16384000000ULL);
    const auto apu_notes = std::count_if(r.notes.begin(), r.notes.end(),
                                         [](const ProbeNote& n) { return n.id == "gpu-amd.apu_budget"; });
    EXPECT_EQ(apu_notes, 1);
}

TEST(RocmSmiProbe, FillsVramWhereSysfsHasNoMemoryFiles) {
    test::TempSysroot root;
    const std::string dev = "/sys/bus/pci/devices/0000:03:00.0";
    root.write(dev + "/class", "0x030000\n");
    root.write(dev + "/vendor", "0x1002\n");
    root.write(dev + "/device", "0x744c\n");
    root.write(dev + "/revision", "0xc8\n");
    root.link(dev + "/driver", "../../../bus/pci/drivers/amdgpu");
    ProbeContext ctx(root.root());
    ctx.vendor.rocm_smi_library = FAKE_ROCM_SMI;
    const auto r = detect_hardware(ctx);
    const auto& g = gpu_at(r, "0000:03:00.0");
    EXPECT_EQ(g.vram_total_bytes, 25753026560ULL);
    EXPECT_TRUE(has_source(g, "rocm-smi"));
    EXPECT_FALSE(has_source(g, "table"));
    // The iGPU the fake also lists is not on this sysroot's PCI bus: added from ROCm SMI.
    EXPECT_TRUE(has_note(r, "rocm-smi", "0000:11:00.0 (Raphael) not seen on PCI"));
}

TEST(RocmSmiProbe, MissingUsageCallIsANoteAndTotalsStillCount) {
    const auto r = detect_hardware(rx7900_with(FAKE_ROCM_SMI_NO_USAGE));
    const auto& g = gpu_at(r, "0000:03:00.0");
    EXPECT_EQ(g.vram_total_bytes, 25753026560ULL);
    EXPECT_FALSE(g.vram_used_by_others_bytes);
    EXPECT_TRUE(has_note(r, "rocm-smi", "rsmi_dev_memory_usage_get"));
}

TEST(RocmSmiProbe, MissingRequiredCallLeavesSysfsFigures) {
    const auto r = detect_hardware(rx7900_with(FAKE_ROCM_SMI_NO_TOTAL));
    EXPECT_TRUE(has_note(r, "rocm-smi", "lacks a required call"));
    const auto& g = gpu_at(r, "0000:03:00.0");
    EXPECT_EQ(g.vram_used_by_others_bytes, 1288490188ULL);  // sysfs
    EXPECT_FALSE(has_source(g, "rocm-smi"));
}

TEST(RocmSmiProbe, InitFailureIsANote) {
    const auto r = detect_hardware(rx7900_with(FAKE_ROCM_SMI_INIT_FAILS));
    EXPECT_TRUE(has_note(r, "rocm-smi", "RSMI_STATUS_INIT_ERROR"));
    EXPECT_EQ(gpu_at(r, "0000:03:00.0").vram_total_bytes, 25753026560ULL);  // sysfs
}

TEST(RocmSmiProbe, AHungLibraryIsAbandonedAfterTheTimeout) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = detect_hardware(rx7900_with(FAKE_ROCM_SMI_HANGS, std::chrono::milliseconds(300)));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));  // the fake sleeps 30 s
    EXPECT_TRUE(has_note(r, "rocm-smi", "no answer within 300 ms"));
    EXPECT_EQ(gpu_at(r, "0000:03:00.0").vram_total_bytes, 25753026560ULL);  // sysfs
}

TEST(RocmSmiProbe, AnExplicitMissingLibraryIsANote) {
    const auto r = detect_hardware(rx7900_with("/nonexistent/librocm_smi64.so.7"));
    EXPECT_TRUE(has_note(r, "rocm-smi", "ROCm SMI not available"));
}

TEST(RocmSmiProbe, ARecordedAnswerReplaysWithoutTheLibrary) {
    test::TempSysroot root;
    const std::string dev = "/sys/bus/pci/devices/0000:03:00.0";
    root.write(dev + "/class", "0x030000\n");
    root.write(dev + "/vendor", "0x1002\n");
    root.write(dev + "/device", "0x7448\n");
    root.link(dev + "/driver", "../../../bus/pci/drivers/amdgpu");
    root.write("/.canrun/answers/rocm-smi",
               "gpu\tbus=0000:03:00.0\tname=Radeon Pro W7900\tvram_total=51522830336\tvram_used=536870912\n");
    ProbeContext ctx(root.root());
    const auto r = detect_hardware(ctx);
    const auto& g = gpu_at(r, "0000:03:00.0");
    EXPECT_EQ(g.vram_total_bytes, 51522830336ULL);
    EXPECT_EQ(g.vram_free_bytes, 51522830336ULL - 536870912ULL);
    EXPECT_TRUE(has_source(g, "rocm-smi"));
}

TEST(RocmSmiProbe, NotAskedWithoutAnAmdGpu) {
    ProbeContext ctx(std::filesystem::path(CANRUN_SYSROOTS) / "desktop_rtx4090");
    const auto r = detect_hardware(ctx);
    EXPECT_FALSE(std::any_of(r.notes.begin(), r.notes.end(), [](const ProbeNote& n) { return n.probe == "rocm-smi"; }));
}

TEST(RocmSmiProbe, DisabledVendorLibrariesAreNotOpened) {
    auto ctx = rx7900_with(FAKE_ROCM_SMI);
    ctx.vendor.use_vendor_libraries = false;
    const auto r = detect_hardware(ctx);
    EXPECT_TRUE(has_note(r, "rocm-smi", "--no-vendor-libs"));
    EXPECT_EQ(gpu_at(r, "0000:03:00.0").vram_used_by_others_bytes, 1288490188ULL);  // sysfs
}

}  // namespace
}  // namespace canrun::hw
