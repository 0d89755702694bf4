// Missing, empty and garbage sysfs/procfs files: detection completes and says what it missed.
#include <gtest/gtest.h>

#include "has_note.h"
#include "hw/probe.h"
#include "temp_sysroot.h"

namespace canrun::hw {
namespace {

using test::has_note;

HardwareReport detect(const test::TempSysroot& root) {
    ProbeContext ctx(root.root());
    return detect_hardware(ctx);
}

TEST(ProbeFaults, AnEmptySysrootStillGivesAReport) {
    test::TempSysroot root;
    const auto r = detect(root);
    EXPECT_TRUE(r.gpus.empty());
    EXPECT_EQ(r.memory.total_bytes, 0U);
    EXPECT_TRUE(has_note(r, "cpu", "/proc/cpuinfo missing"));
    EXPECT_TRUE(has_note(r, "memory", "/proc/meminfo missing"));
}

TEST(ProbeFaults, EmptyAndGarbageProcFiles) {
    test::TempSysroot root;
    root.write("/proc/cpuinfo", "");
    root.write("/proc/meminfo", "MemTotal: lots of it\nMemAvailable: \xff\xfe kB\n");
    root.write("/sys/devices/system/cpu/online", "banana");
    const auto r = detect(root);
    EXPECT_TRUE(r.cpu.model.empty());
    EXPECT_FALSE(r.cpu.logical_cores);
    EXPECT_EQ(r.memory.total_bytes, 0U);
    EXPECT_TRUE(has_note(r, "memory", "unreadable"));
}

TEST(ProbeFaults, ADirectoryWhereAFileShouldBe) {
    test::TempSysroot root;
    root.write("/proc/cpuinfo/oops", "x");
    const auto r = detect(root);
    EXPECT_TRUE(has_note(r, "cpu", "/proc/cpuinfo missing"));
}

TEST(ProbeFaults, GarbagePciIdsAreNotedAndSkipped) {
    test::TempSysroot root;
    root.write("/sys/bus/pci/devices/0000:01:00.0/class", "0x030000\n");
    root.write("/sys/bus/pci/devices/0000:01:00.0/vendor", "nvidia\n");
    root.write("/sys/bus/pci/devices/0000:01:00.0/device", "");
    root.write("/sys/bus/pci/devices/0000:02:00.0/class", "\x01\x02\x03");
    const auto r = detect(root);
    EXPECT_TRUE(r.gpus.empty());
    EXPECT_TRUE(has_note(r, "gpu-pci", "unreadable vendor/device"));
}

TEST(ProbeFaults, AmdgpuWithGarbageVramIsANote) {
    test::TempSysroot root;
    const std::string dev = "/sys/bus/pci/devices/0000:03:00.0/";
    root.write(dev + "class", "0x030000\n");
    root.write(dev + "vendor", "0x1002\n");
    root.write(dev + "device", "0x744c\n");
    root.write(dev + "revision", "0xc8\n");
    root.write(dev + "mem_info_vram_total", "-1\n");
    root.link(dev + "driver", "../../../../bus/pci/drivers/amdgpu");
    const auto r = detect(root);
    ASSERT_EQ(r.gpus.size(), 1U);
    EXPECT_TRUE(has_note(r, "gpu-amd", "garbage"));
    EXPECT_EQ(r.gpus[0].vram_total_bytes, 24ULL << 30U);  // our table, noted
    EXPECT_TRUE(has_note(r, "gpu", "device table"));
}

TEST(ProbeFaults, TruncatedDmiRecordsAreIgnored) {
    test::TempSysroot root;
    root.write("/proc/meminfo", "MemTotal: 1024 kB\n");
    root.write("/sys/firmware/dmi/entries/17-0/raw", std::string("\x11\x28\x00", 3));
    root.write("/sys/firmware/dmi/entries/17-1/raw", "");
    const auto r = detect(root);
    EXPECT_EQ(r.memory.total_bytes, 1024U * 1024U);
    EXPECT_FALSE(r.memory.bandwidth_gbps);
    EXPECT_TRUE(has_note(r, "memory", "no SMBIOS memory records"));
}

TEST(ProbeFaults, AscendWithoutNpuSmiKeepsTheNpus) {
    test::TempSysroot root;
    const std::string dev = "/sys/bus/pci/devices/0000:c1:00.0/";
    root.write(dev + "class", "0x120000\n");
    root.write(dev + "vendor", "0x19e5\n");
    root.write(dev + "device", "0xd802\n");
    const auto r = detect(root);
    ASSERT_EQ(r.npus.size(), 1U);
    EXPECT_EQ(r.npus[0].name, "Huawei Ascend 910B");
    EXPECT_FALSE(r.npus[0].memory_total_bytes);
    EXPECT_TRUE(has_note(r, "npu", "npu-smi gave no answer"));
}

}  // namespace
}  // namespace canrun::hw
