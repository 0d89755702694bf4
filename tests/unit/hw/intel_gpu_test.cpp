// Intel discrete GPUs on Linux: local memory from xe tiles, from the lmem files of Intel's
// packaged i915, from a resizable BAR, or unknown (then a warning).
#include <gtest/gtest.h>

#include "has_note.h"
#include "hw/probe.h"
#include "temp_sysroot.h"
#include "util/units.h"

namespace canrun::hw {
namespace {

using test::has_note;

constexpr const char* kDev = "/sys/bus/pci/devices/0000:03:00.0";

// An Arc A770 (8086:56a0: 8 or 16 GB, so canrun's table cannot say) under `driver`.
void add_a770(const test::TempSysroot& root, const std::string& driver, const std::string& bar2_end) {
    const std::string dev = kDev;
    root.write(dev + "/class", "0x030000\n");
    root.write(dev + "/vendor", "0x8086\n");
    root.write(dev + "/device", "0x56a0\n");
    root.link(dev + "/driver", "../../../bus/pci/drivers/" + driver);
    root.write(dev + "/resource", "0x00000000a0000000 0x00000000a0ffffff 0x0000000000040200\n"
                                  "0x0000000000000000 0x0000000000000000 0x0000000000000000\n"
                                  "0x0000006000000000 " + bar2_end + " 0x000000000014220c\n");
    root.link("/sys/class/drm/card1/device", "../../../bus/pci/devices/0000:03:00.0");
}

HardwareReport detect(const test::TempSysroot& root) {
    ProbeContext ctx(root.root());
    return detect_hardware(ctx);
}

TEST(IntelGpu, XeTilesAreSummed) {
    test::TempSysroot root;
    add_a770(root, "xe", "0x000000600fffffff");
    root.write(std::string(kDev) + "/tile0/physical_vram_size_bytes", "8589934592\n");
    root.write(std::string(kDev) + "/tile1/physical_vram_size_bytes", "8589934592\n");
    const auto r = detect(root);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_EQ(r.gpus[0].vram_total_bytes, 16 * kGiB);
    EXPECT_TRUE(has_note(r, "gpu-intel", "from the xe driver"));
}

TEST(IntelGpu, PackagedI915StatesTotalAndAvailable) {
    test::TempSysroot root;
    add_a770(root, "i915", "0x000000600fffffff");
    root.write("/sys/class/drm/card1/lmem_total_bytes", "17179869184\n");
    root.write("/sys/class/drm/card1/lmem_avail_bytes", "16106127360\n");
    const auto r = detect(root);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_EQ(r.gpus[0].vram_total_bytes, 16 * kGiB);
    EXPECT_EQ(r.gpus[0].vram_free_bytes, 15 * kGiB);
    EXPECT_TRUE(has_note(r, "gpu-intel", "from the i915 driver"));
}

TEST(IntelGpu, ResizableBarShowsAllLocalMemory) {
    test::TempSysroot root;
    add_a770(root, "i915", "0x00000063ffffffff");  // a 16 GiB BAR 2
    const auto r = detect(root);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_EQ(r.gpus[0].vram_total_bytes, 16 * kGiB);
    EXPECT_FALSE(r.gpus[0].vram_free_bytes);
    EXPECT_TRUE(has_note(r, "gpu-intel", "resizable BAR"));
}

TEST(IntelGpu, NoSourceIsAWarningAndMemoryStaysUnknown) {
    test::TempSysroot root;
    add_a770(root, "i915", "0x000000600fffffff");  // 256 MiB BAR, no lmem files
    const auto r = detect(root);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_FALSE(r.gpus[0].vram_total_bytes);  // 8 or 16 GB: the table does not guess
    EXPECT_TRUE(has_note(r, "gpu-intel", "local memory size not exposed"));
    EXPECT_TRUE(has_note(r, "gpu", "pass --vram"));
}

}  // namespace
}  // namespace canrun::hw
