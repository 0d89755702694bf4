#include "estimate/speed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/speed/speed_fixtures.h"

namespace canrun::estimate {
namespace {

using testing::dense_model;
using testing::gpu;
using testing::machine_with_cpu;
using testing::round_tuning;

constexpr std::uint64_t kLayer = 100'000'000;  // 100 MB per layer, 10 layers: 1 GB of weights

bool has_note(const SpeedEstimate& e, const std::string& id) {
    for (const auto& n : e.notes) {
        if (n == id) {
            return true;
        }
    }
    return false;
}

TEST(SpeedDecode, GpuIsBytesOverEffectiveBandwidthPlusFloor) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(1000, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    const auto e = estimate_speed(model, m, whole_model_on(model, 0, 0), q, round_tuning());
    // 1e9 B / (1000 GB/s * 0.5) = 2 ms, + 1 ms floor = 3 ms per token.
    EXPECT_NEAR(e.decode_tps.p50, 1.0 / 0.003, 1e-6);
    EXPECT_NEAR(e.decode_tps.p10, 0.5 / 0.003, 1e-6);
    EXPECT_NEAR(e.decode_tps.p90, 2.0 / 0.003, 1e-6);
}

TEST(SpeedDecode, KvReadsSlowDecodeAsContextGrows) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(1000, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    q.context_depth = 10'000;
    // 10k tokens x 50 kB = 0.5 GB more per token: 3 ms -> 4 ms.
    const auto e = estimate_speed(model, m, whole_model_on(model, 0, 50'000), q, round_tuning());
    EXPECT_NEAR(e.decode_tps.p50, 1.0 / 0.004, 1e-6);
}

TEST(SpeedDecode, CpuWithFewCoresIsComputeBound) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    const auto m = machine_with_cpu(2, 100);  // 50 GB/s usable; kernels: 2 x 2.5 = 5 GB/s
    SpeedQuery q;
    q.quant = "Q4_K_M";
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.decode_tps.p50, 5.0, 0.05);
    EXPECT_TRUE(has_note(e, "speed.cpu_compute_bound"));
}

TEST(SpeedDecode, CpuWithManyCoresIsMemoryBound) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    const auto m = machine_with_cpu(32, 40);  // 20 GB/s usable; kernels 80 GB/s
    SpeedQuery q;
    q.quant = "Q4_K_M";
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.decode_tps.p50, 20.0, 0.2);
    EXPECT_FALSE(has_note(e, "speed.cpu_compute_bound"));
}

TEST(SpeedDecode, CpuBarriersCostPerLayerPerThread) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    const auto m = machine_with_cpu(32, 40);  // memory-bound: 50 ms per token
    auto t = round_tuning();
    t.cpu_sync_s = 0.0001;  // 10 layers x 32 threads x 0.1 ms = 32 ms more
    SpeedQuery q;
    q.quant = "Q4_K_M";
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, t);
    EXPECT_NEAR(e.decode_tps.p50, 1.0 / 0.082, 0.1);
    q.threads = 16;  // fewer threads, fewer barriers: 16 ms more (kernels still fast enough)
    const auto sixteen = estimate_speed(model, m, whole_model_on(model, -1, 0), q, t);
    EXPECT_NEAR(sixteen.decode_tps.p50, 1.0 / 0.066, 0.1);
}

TEST(SpeedDecode, GpuAluBoundBindsBelowTheBus) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(800, 20, Backend::Metal));  // bus: 1 GB / 640 GB/s = 1.56 ms
    auto t = round_tuning();
    SpeedQuery q;
    q.quant = "Q4_0";
    const auto bus = estimate_speed(model, m, whole_model_on(model, 0, 0), q, t);
    EXPECT_NEAR(bus.decode_tps.p50, 640.0, 0.5);
    t.backends[1].decode_bytes_per_flop = 0.02;  // 20 TFLOPS x 0.02 B/FLOP = 400 GB/s: 2.5 ms
    const auto alu = estimate_speed(model, m, whole_model_on(model, 0, 0), q, t);
    EXPECT_NEAR(alu.decode_tps.p50, 400.0, 0.5);
}

TEST(SpeedDecode, MeasuredKernelRatesReplaceTheTableAndCalibrate) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(2, 100);
    m.calibrated = true;
    SpeedQuery q;
    q.quant = "Q4_K_M";
    q.cpu_rates = {CpuKernelRate{"q4_k", 12.0}, CpuKernelRate{"f16", 24.0}};
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.decode_tps.p50, 12.0, 0.15);
    EXPECT_TRUE(e.calibrated);
}

TEST(SpeedDecode, MeasuredKernelRatesScaleWithThreads) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(4, 1000);
    SpeedQuery q;
    q.quant = "Q4_K_M";
    q.threads = 1;
    q.cpu_rates = {CpuKernelRate{"q4_k", 12.0, 2.0}};  // measured with 2 threads
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.decode_tps.p50, 6.0, 0.1);
}

TEST(SpeedDecode, AvxFiveTwelveDoublesTheKernelRate) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(2, 1000);
    m.cpu.features = {"avx2", "avx512f"};
    SpeedQuery q;
    q.quant = "Q4_K_M";
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.decode_tps.p50, 10.0, 0.1);
}

TEST(SpeedDecode, MoeReadsOnlyTheUsedExperts) {
    auto model = dense_model(10, kLayer, 0, 50'000'000);
    for (auto& l : model.layers) {
        l.expert_weight_bytes = 80'000'000;  // 20 MB dense + 80 MB of 8 experts per layer
        l.expert_params = 40'000'000;
    }
    model.n_expert = 8;
    model.n_expert_used = 2;
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(1000, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    const auto e = estimate_speed(model, m, whole_model_on(model, 0, 0), q, round_tuning());
    // (200 MB + 800 MB / 4) / 500 GB/s = 0.8 ms, + 1 ms floor.
    EXPECT_NEAR(e.decode_tps.p50, 1.0 / 0.0018, 1e-6);
}

SpeedSplit halves(const ModelShape& model, SplitMode mode) {
    SpeedSplit split = whole_model_on(model, 0, 0);
    DeviceLoad half = split.devices[0];
    half.layers /= 2;
    half.dense_weight_bytes /= 2;
    half.dense_params /= 2;
    DeviceLoad other = half;
    other.gpu = 1;
    split.devices = {half, other};
    split.mode = mode;
    return split;
}

TEST(SpeedDecode, LayerSplitAddsMemoryButNotSpeed) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(8, 50);
    m.gpus = {gpu(1000, 100), gpu(1000, 100)};
    SpeedQuery q;
    q.quant = "Q4_0";
    const auto e = estimate_speed(model, m, halves(model, SplitMode::Layer), q, round_tuning());
    // 1 ms + 1 ms on the two GPUs, 1 ms hand-off, 1 ms floor.
    EXPECT_NEAR(e.decode_tps.p50, 1.0 / 0.004, 1e-6);
}

TEST(SpeedDecode, TensorParallelAddsBandwidthMinusCommunication) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(8, 50);
    m.gpus = {gpu(1000, 100), gpu(1000, 100)};
    SpeedQuery q;
    q.quant = "Q4_0";
    auto tuning = round_tuning();
    tuning.tp_efficiency = 1.0;
    tuning.allreduce_nvlink_s = 0.00005;
    auto split = halves(model, SplitMode::Tensor);
    split.nvlink = true;
    const auto e = estimate_speed(model, m, split, q, tuning);
    // 1 ms per GPU in parallel, 20 all-reduces x 50 us = 1 ms, 1 ms floor.
    EXPECT_NEAR(e.decode_tps.p50, 1.0 / 0.003, 1e-6);
}

TEST(SpeedDecode, UnknownGpuBandwidthGivesNoFigureAndANote) {
    const auto model = dense_model(10, kLayer, 0, 50'000'000);
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(0, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    const auto e = estimate_speed(model, m, whole_model_on(model, 0, 0), q, round_tuning());
    EXPECT_EQ(e.decode_tps.p50, 0.0);
    EXPECT_TRUE(has_note(e, "speed.gpu_bandwidth_unknown"));
}

}  // namespace
}  // namespace canrun::estimate
