// NPUs on /sys/class/accel that are not PCI devices: Rockchip's mainline "rocket" driver.
#include <gtest/gtest.h>

#include "has_note.h"
#include "hw/probe.h"
#include "temp_sysroot.h"

namespace canrun::hw {
namespace {

TEST(NpuProbe, MainlineRocketDriverIsARockchipNpuListedOnce) {
    test::TempSysroot root;
    root.write("/proc/device-tree/compatible", std::string("radxa,rock-5b\0rockchip,rk3588\0", 30));
    root.link("/sys/class/accel/accel0/device", "../../../devices/platform/fdab0000.npu");
    root.link("/sys/devices/platform/fdab0000.npu/driver", "../../../bus/platform/drivers/rocket");
    ProbeContext ctx(root.root());
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.npus.size(), 1U);
    EXPECT_EQ(r.npus[0].vendor, "Rockchip");
    EXPECT_EQ(r.npus[0].driver, "rocket");
    EXPECT_TRUE(r.npus[0].pci.empty());
    EXPECT_FALSE(test::has_note(r, "npu", "rknpu driver is not loaded")) << test::all_notes(r);
}

TEST(NpuProbe, Rk3588WithoutAnyNpuDriverIsANote) {
    test::TempSysroot root;
    root.write("/proc/device-tree/compatible", std::string("radxa,rock-5b\0rockchip,rk3588\0", 30));
    ProbeContext ctx(root.root());
    const auto r = detect_hardware(ctx);
    EXPECT_TRUE(r.npus.empty());
    EXPECT_TRUE(test::has_note(r, "npu", "rknpu driver is not loaded"));
}

}  // namespace
}  // namespace canrun::hw
