#include "hw/snapshot.h"

#include <gtest/gtest.h>

#include "hw/probe.h"
#include "report/hw_json.h"
#include "temp_sysroot.h"

namespace canrun::hw {
namespace {

std::filesystem::path fixture(const char* name) { return std::filesystem::path(CANRUN_SYSROOTS) / name; }

TEST(Snapshot, JsonRoundTripKeepsBinaryFiles) {
    Snapshot s;
    s.files["/proc/meminfo"] = "MemTotal: 1 kB\n";
    s.files["/sys/firmware/dmi/entries/17-0/raw"] = std::string("\x11\x28\x00\xff", 4);
    s.dirs["/sys/class/drm"] = {"card0", "renderD128"};
    s.links["/sys/class/drm/card0/device"] = "../../../0000:01:00.0";
    s.answers["nvml"] = "driver\t550\n";
    const auto back = snapshot_from_json(snapshot_to_json(s));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->files, s.files);
    EXPECT_EQ(back->dirs, s.dirs);
    EXPECT_EQ(back->links, s.links);
    EXPECT_EQ(back->answers, s.answers);
}

TEST(Snapshot, RejectsWhatIsNotASnapshot) {
    EXPECT_FALSE(snapshot_from_json("not json"));
    EXPECT_FALSE(snapshot_from_json("{\"format\": \"other\", \"version\": 1}"));
    EXPECT_FALSE(snapshot_from_json("{\"format\": \"canrun-snapshot\", \"version\": 2}"));
    EXPECT_FALSE(snapshot_from_json("{\"format\": \"canrun-snapshot\", \"version\": 1, \"files\": 3}"));
    EXPECT_FALSE(load_snapshot("/nonexistent/snapshot.json"));
}

class ReplayEachFixture : public testing::TestWithParam<const char*> {};

TEST_P(ReplayEachFixture, ReplaysExactlyWhatWasDetected) {
    ProbeContext live(fixture(GetParam()));
    Snapshot recorded;
    live.record_into(&recorded);
    const auto first = report::hw_to_json(detect_hardware(live));
    test::TempSysroot dir;
    const auto file = dir.root() / "snap.json";
    ASSERT_TRUE(save_snapshot(recorded, file));
    auto loaded = load_snapshot(file);
    ASSERT_TRUE(loaded) << loaded.error().message;
    const ProbeContext replay(std::move(*loaded));
    EXPECT_EQ(report::hw_to_json(detect_hardware(replay)), first);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ReplayEachFixture,
                         testing::Values("desktop_rtx4090", "desktop_rtx3090_rtx3060", "laptop_iris_xe",
                                         "laptop_rtx4060_hybrid", "desktop_rx7900xtx", "apu_strix_halo",
                                         "rpi5_8gb", "server_8x_h100", "server_ascend_910b", "vm_no_gpu",
                                         "jetson_agx_orin_64gb", "desktop_arc_a770",
                                         "laptop_meteor_lake_npu", "orangepi5_rk3588s"));

TEST(Snapshot, RecordsNvmlAnswersFromALibrary) {
    ProbeContext live(fixture("desktop_rtx4090"));
    live.vendor.nvml_library = FAKE_NVML;
    Snapshot recorded;
    live.record_into(&recorded);
    const auto first = report::hw_to_json(detect_hardware(live));
    ASSERT_EQ(recorded.answers.count("nvml"), 1U);
    const ProbeContext replay(recorded);  // no library needed any more
    EXPECT_EQ(report::hw_to_json(detect_hardware(replay)), first);
}

}  // namespace
}  // namespace canrun::hw
