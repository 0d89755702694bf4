#include <gtest/gtest.h>

#include "estimate/speed.h"
#include "unit/speed/speed_fixtures.h"

namespace canrun::estimate {
namespace {

using testing::dense_model;
using testing::gpu;
using testing::machine_with_cpu;
using testing::round_tuning;

constexpr std::uint64_t kLayer = 100'000'000;
constexpr std::uint64_t kLayerParams = 100'000'000;

ModelShape no_attention_model() {
    auto model = dense_model(10, kLayer, 0, kLayerParams);  // 1 B parameters in the layers
    for (auto& l : model.layers) {
        l.memory = LayerMemory::Recurrent;  // no attention FLOPs: keeps the arithmetic simple
    }
    model.params = 10 * kLayerParams;
    return model;
}

TEST(SpeedPrefill, GpuIsTwoFlopsPerParameterOverEffectiveCompute) {
    const auto model = no_attention_model();
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(1000, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    q.prompt_tokens = 1000;
    const auto e = estimate_speed(model, m, whole_model_on(model, 0, 0), q, round_tuning());
    // 2e9 FLOP per token over 50 TFLOPS effective: 25,000 tokens/s.
    EXPECT_NEAR(e.prefill_tps.p50, 25'000.0, 1e-6);
    EXPECT_GT(e.ttft_s.p50, 1000.0 / 25'000.0);  // plus the first decoded token
    EXPECT_LT(e.ttft_s.p10, e.ttft_s.p50);
    EXPECT_GT(e.ttft_s.p90, e.ttft_s.p50);
}

TEST(SpeedPrefill, AttentionCostGrowsWithThePrompt) {
    const auto model = dense_model(10, kLayer, 0, kLayerParams);
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(1000, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    q.prompt_tokens = 512;
    const auto t = round_tuning();
    const double short_tps = estimate_speed(model, m, whole_model_on(model, 0, 0), q, t)
                                 .prefill_tps.p50;
    q.prompt_tokens = 16384;
    const double long_tps = estimate_speed(model, m, whole_model_on(model, 0, 0), q, t)
                                .prefill_tps.p50;
    EXPECT_LT(long_tps, short_tps);
}

TEST(SpeedPrefill, PartialOffloadStreamsCpuWeightsOverPcie) {
    const auto model = no_attention_model();
    auto m = machine_with_cpu(8, 50);
    m.gpus.push_back(gpu(1000, 100));  // PCIe 10 GB/s x 0.8 = 8 GB/s
    SpeedSplit split = whole_model_on(model, 0, 0);
    DeviceLoad cpu = split.devices[0];
    cpu.gpu = -1;
    cpu.layers = 5;
    cpu.dense_weight_bytes = 500'000'000;
    cpu.dense_params = 500'000'000;
    split.devices[0].layers = 5;
    split.devices[0].dense_weight_bytes = 500'000'000;
    split.devices[0].dense_params = 500'000'000;
    split.devices.insert(split.devices.begin(), cpu);
    SpeedQuery q;
    q.quant = "Q4_0";
    q.prompt_tokens = 1000;
    q.ubatch = 500;
    const auto e = estimate_speed(model, m, split, q, round_tuning());
    // Compute 1000 tokens: 0.04 s; two ubatches stream 0.5 GB each over 8 GB/s: 0.125 s.
    EXPECT_NEAR(e.prefill_tps.p50, 1000.0 / 0.165, 1e-3);
}

TEST(SpeedPrefill, CpuUsesTheKernelRateTimesTheBatchReuse) {
    const auto model = no_attention_model();
    const auto m = machine_with_cpu(4, 50);
    SpeedQuery q;
    q.quant = "Q4_0";
    q.prompt_tokens = 100;
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    // Kernel 4 x 5 GB/s x reuse 2 = 40 GB/s over 1 GB of weights: 40 tokens/s.
    EXPECT_NEAR(e.prefill_tps.p50, 40.0, 1e-6);
}

TEST(SpeedPrefill, AmxCpusMultiplyTheWeightRateForTheirFamiliesOnly) {
    const auto model = no_attention_model();
    auto m = machine_with_cpu(4, 50);
    m.cpu.features = {"amx_int8", "avx2", "avx512f"};
    auto t = round_tuning();
    t.prefill_isas.push_back({"amx_int8", {"q4_0", "q8_0"}, 2.5});
    SpeedQuery q;
    q.quant = "Q4_0";
    q.prompt_tokens = 100;
    const auto split = whole_model_on(model, -1, 0);
    const double amx = estimate_speed(model, m, split, q, t).prefill_tps.p50;
    q.quant = "F16";  // no row for f16: the plain rate
    const double amx_f16 = estimate_speed(model, m, split, q, t).prefill_tps.p50;
    m.cpu.features = {"avx2", "avx512f"};
    const double plain_f16 = estimate_speed(model, m, split, q, t).prefill_tps.p50;
    q.quant = "Q4_0";
    const double plain = estimate_speed(model, m, split, q, t).prefill_tps.p50;
    EXPECT_NEAR(amx / plain, 2.5, 1e-9);
    EXPECT_NEAR(amx_f16, plain_f16, 1e-9);
}

TEST(SpeedLoad, ColdReadIsFileOverDiskAndWarmCacheIsFaster) {
    const auto model = no_attention_model();  // 1 GB file
    auto m = machine_with_cpu(4, 50);
    m.disk_read_gbps = 0.5;
    SpeedQuery q;
    q.quant = "Q4_0";
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.load_s.p50, 2.0, 1e-9);
    EXPECT_NEAR(e.load_s.p10, 0.25, 1e-9);  // page cache at 4 GB/s
    EXPECT_GT(e.load_s.p90, e.load_s.p50);
    q.page_cache_warm = true;
    const auto warm = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(warm.load_s.p50, 0.25, 1e-9);
}

TEST(SpeedLoad, UnknownDiskSpansNvmeToHardDisk) {
    const auto model = no_attention_model();
    const auto m = machine_with_cpu(4, 50);
    SpeedQuery q;
    q.quant = "Q4_0";
    q.page_cache_warm = false;
    const auto e = estimate_speed(model, m, whole_model_on(model, -1, 0), q, round_tuning());
    EXPECT_NEAR(e.load_s.p10, 1.0 / 2.5, 1e-9);
    EXPECT_NEAR(e.load_s.p50, 1.0 / 0.5, 1e-9);
    EXPECT_NEAR(e.load_s.p90, 1.0 / 0.15, 1e-9);
}

TEST(SpeedLoad, DiscreteGpuAddsTheUploadUnifiedDoesNot) {
    const auto model = no_attention_model();
    auto m = machine_with_cpu(4, 50);
    m.disk_read_gbps = 1.0;
    m.gpus.push_back(gpu(1000, 100));
    SpeedQuery q;
    q.quant = "Q4_0";
    q.page_cache_warm = false;
    const auto t = round_tuning();
    const double discrete = estimate_speed(model, m, whole_model_on(model, 0, 0), q, t).load_s.p50;
    m.gpus[0].unified = true;
    const double unified = estimate_speed(model, m, whole_model_on(model, 0, 0), q, t).load_s.p50;
    EXPECT_NEAR(discrete - unified, 1.0 / 8.0, 1e-9);  // 1 GB over 8 GB/s of PCIe
}

}  // namespace
}  // namespace canrun::estimate
