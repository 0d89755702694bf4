#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "bench/bench_store.h"
#include "bench/calibration.h"
#include "bench/cuda_bandwidth.h"
#include "bench/disk_read.h"
#include "support/temp_path.h"

namespace canrun::bench {
namespace {

namespace fs = std::filesystem;

BenchRecord sample() {
    BenchRecord r;
    r.cpu_model = "Test CPU 3000";
    r.threads = 2;
    r.memory_gbps = 20.5;
    r.memory_single_gbps = 11.0;
    r.kernels = {{"q4_0", 9.0, 2}, {"q8_0", 20.0, 2}, {"q4_k", 8.0, 2}, {"f16", 18.0, 2}};
    r.kernels_single = {{"q4_0", 4.5, 1}};
    r.disk = {1.8, true, "/models/x.gguf", 1ULL << 30, ""};
    r.gpus = {{0, "Fake GPU 9000", 850.0, 25.0}};
    r.notes = {"disk.cache_not_bypassed"};
    return r;
}

fs::path temp_dir(const char* name) {
    const fs::path d = canrun::testing::unique_temp_path(name);
    fs::create_directories(d);
    return d;
}

TEST(BenchStore, PathFollowsXdgThenHome) {
    EXPECT_EQ(bench_record_path("/x/cfg", "/home/a"), "/x/cfg/canrun/bench.json");
    EXPECT_EQ(bench_record_path("", "/home/a"), "/home/a/.config/canrun/bench.json");
    EXPECT_EQ(bench_record_path("", ""), "");
}

TEST(BenchStore, RecordRoundTripsThroughTheFile) {
    const fs::path dir = temp_dir("canrun-bench-store");
    const std::string path = (dir / "sub" / "bench.json").string();
    ASSERT_TRUE(save_bench_record(sample(), path).has_value());
    auto loaded = load_bench_record(path);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    ASSERT_TRUE(loaded->has_value());
    EXPECT_EQ(to_json(**loaded), to_json(sample()));
    fs::remove_all(dir);
}

TEST(BenchStore, MissingFileIsNotAnErrorBrokenFileIs) {
    const fs::path dir = temp_dir("canrun-bench-broken");
    auto none = load_bench_record((dir / "none.json").string());
    ASSERT_TRUE(none.has_value());
    EXPECT_FALSE(none->has_value());
    std::ofstream((dir / "bad.json").string()) << "{\"schema_version\": 1}";
    auto bad = load_bench_record((dir / "bad.json").string());
    ASSERT_FALSE(bad.has_value());
    EXPECT_NE(bad.error().message.find("bad.json"), std::string::npos);
    EXPECT_NE(bad.error().message.find("canrun bench"), std::string::npos);
    fs::remove_all(dir);
}

TEST(BenchCalibration, AppliesOnlyToTheSameCpuAndScalesKernels) {
    estimate::SpeedTuning t;
    t.quants = {{"q4_0", 1, 1, 8.0, 1.0}, {"q4_k", 1, 1, 6.0, 1.5}, {"q5_k", 1, 1, 3.0, 1.0}};
    t.cuda_copy_share = 0.85;
    estimate::Machine m;
    m.cpu.name = "Other CPU";
    m.cpu.bandwidth_gbps = 50;
    EXPECT_FALSE(apply_bench_record(sample(), t, m).cpu);
    EXPECT_EQ(m.cpu.bandwidth_gbps, 50);
    m.cpu.name = "Test CPU 3000";
    m.gpus.push_back({});
    m.gpus[0].name = "Fake GPU 9000";
    const Calibration c = apply_bench_record(sample(), t, m);
    EXPECT_TRUE(c.cpu);
    EXPECT_TRUE(m.calibrated);
    EXPECT_EQ(m.cpu.bandwidth_gbps, 20.5);
    EXPECT_EQ(m.disk_read_gbps, 1.8);
    EXPECT_EQ(c.gpus, 1);
    EXPECT_NEAR(m.gpus[0].bandwidth_gbps, 1000.0, 1e-9);
    ASSERT_EQ(c.rates.size(), 3U);
    EXPECT_NEAR(c.rates[1].gbps_all_threads, 8.0 * 1.5, 1e-9);       // q4_k x bench_scale
    EXPECT_NEAR(c.rates[2].gbps_all_threads, 8.0 * 1.5 * 0.5, 1e-9); // q5_k from q4_k x table
}

TEST(BenchCalibration, FromFileAppliesASavedRecordAndIgnoresAMissingOne) {
    const fs::path dir = temp_dir("canrun-bench-calfile");
    estimate::SpeedTuning t;
    t.quants = {{"q4_0", 1, 1, 8.0, 1.0}};
    estimate::Machine m;
    m.cpu.name = "Test CPU 3000";
    auto none = calibrate_from_file((dir / "none.json").string(), t, m);
    ASSERT_TRUE(none.has_value());
    EXPECT_FALSE(none->cpu);
    EXPECT_FALSE(m.calibrated);
    ASSERT_TRUE(save_bench_record(sample(), (dir / "b.json").string()).has_value());
    auto c = calibrate_from_file((dir / "b.json").string(), t, m);
    ASSERT_TRUE(c.has_value());
    EXPECT_TRUE(c->cpu);
    EXPECT_TRUE(m.calibrated);
    ASSERT_EQ(c->rates.size(), 1U);
    EXPECT_EQ(c->rates[0].family, "q4_0");
    fs::remove_all(dir);
}

TEST(BenchDisk, ReadsTheLargestFileAndSaysWhenItCannot) {
    EXPECT_EQ(measure_disk_read("/nonexistent/canrun", 1 << 20, 0.1).note, "disk.no_dir");
    const fs::path dir = temp_dir("canrun-bench-disk");
    const std::string file = (dir / "model.gguf").string();
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, 65LL << 20), 0);  // sparse: no disk behind it, so it is skipped
    ::close(fd);
    const DiskReadResult r = measure_disk_read(dir.string(), 32ULL << 20, 2.0);
    EXPECT_NE(r.path, file);  // a scratch file was written and read instead
    EXPECT_NE(r.path.find("canrun-bench-"), std::string::npos);
    EXPECT_GT(r.gbps, 0);
    EXPECT_GE(r.bytes, 4ULL << 20);
    EXPECT_FALSE(fs::exists(r.path));  // and removed
    fs::remove_all(dir);
}

TEST(BenchCuda, MeasuresThroughTheDriverLibrary) {
    const CudaBench c = measure_cuda(CANRUN_FAKE_CUDA, 0.05);
    ASSERT_EQ(c.gpus.size(), 1U);
    EXPECT_EQ(c.gpus[0].name, "Fake GPU 9000");
    EXPECT_GT(c.gpus[0].bandwidth_gbps, 0);
    EXPECT_GT(c.gpus[0].pcie_gbps, 0);
    EXPECT_EQ(c.note, "");
}

TEST(BenchCuda, NoDriverIsANoteNotAFailure) {
    const CudaBench c = measure_cuda("libcanrun-no-such-cuda.so", 0.05);
    EXPECT_TRUE(c.gpus.empty());
    EXPECT_EQ(c.note, "cuda.no_driver");
}

}  // namespace
}  // namespace canrun::bench
