// The disk probe under device-mapper volumes: traced to the disk below, or noted.
#include <gtest/gtest.h>

#include "has_note.h"
#include "hw/probe.h"
#include "temp_sysroot.h"

namespace canrun::hw {
namespace {

using test::has_note;

void mount_root(const test::TempSysroot& root, const std::string& source) {
    root.write("/proc/self/mounts", "proc /proc proc rw 0 0\n" + source + " / xfs rw 0 0\n");
}

TEST(DiskProbe, AVolumeOverTwoDisksTakesTheFirstAndSaysSo) {
    test::TempSysroot root;
    mount_root(root, "/dev/mapper/data-models");
    root.write("/sys/block/dm-0/dm/name", "data-models\n");
    root.link("/sys/block/dm-0/slaves/sda", "../../sda");
    root.link("/sys/block/dm-0/slaves/sdb", "../../sdb");
    root.write("/sys/block/sda/queue/rotational", "1\n");
    ProbeContext ctx(root.root());
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.disks.size(), 1U);
    EXPECT_EQ(r.disks[0].device, "sda");
    EXPECT_EQ(r.disks[0].kind, DiskKind::Hdd);
    EXPECT_TRUE(has_note(r, "disk", "/dev/mapper/data-models spans 2 devices")) << test::all_notes(r);
}

TEST(DiskProbe, AnUntraceableVolumeIsANote) {
    test::TempSysroot root;
    mount_root(root, "/dev/mapper/gone");
    ProbeContext ctx(root.root());
    const auto r = detect_hardware(ctx);
    ASSERT_EQ(r.disks.size(), 1U);
    EXPECT_TRUE(r.disks[0].device.empty());
    EXPECT_EQ(r.disks[0].kind, DiskKind::Unknown);
    EXPECT_TRUE(has_note(r, "disk", "device-mapper volume; its disk type is not traced"));
}

}  // namespace
}  // namespace canrun::hw
