#include "advise/plan_multi_gpu.h"

#include <gtest/gtest.h>

#include "unit/plan/plan_shapes.h"
#include "util/units.h"

namespace canrun::advise {

namespace {

struct TpCase {
    const char* model;
    std::uint32_t tp;
    bool ok;
};

estimate::ModelShape shape_of(const std::string& name) {
    if (name == "llama70b") return test::llama70b();
    if (name == "qwen7b") return test::qwen7b();
    return test::dense(48, 40, 8, 5120, 300000000ULL);  // Qwen2.5-14B: 40 heads, 8 KV heads
}

class TpDivisible : public ::testing::TestWithParam<TpCase> {};

TEST_P(TpDivisible, FollowsVllmRule) {
    const auto& c = GetParam();
    EXPECT_EQ(tp_divisible(shape_of(c.model), c.tp), c.ok) << c.model << " tp " << c.tp;
}

INSTANTIATE_TEST_SUITE_P(Table, TpDivisible, ::testing::Values(
    TpCase{"llama70b", 1, true}, TpCase{"llama70b", 2, true}, TpCase{"llama70b", 4, true},
    TpCase{"llama70b", 8, true},
    TpCase{"llama70b", 16, true},   // 16 KV-head replicas of 8: 16 % 8 == 0
    TpCase{"llama70b", 3, false},   // 64 heads do not split in 3
    TpCase{"qwen7b", 2, true}, TpCase{"qwen7b", 4, true},
    TpCase{"qwen7b", 8, false},     // 28 query heads % 8 != 0
    TpCase{"qwen14b", 8, true},     // 40 % 8 == 0, 8 KV heads
    TpCase{"qwen14b", 16, false},   // 40 % 16 != 0
    TpCase{"qwen14b", 0, false}),
    [](const ::testing::TestParamInfo<TpCase>& p) {
        return std::string(p.param.model) + "_tp" + std::to_string(p.param.tp);
    });

TEST(KvHeadsPerGpu, SplitsOrReplicates) {
    EXPECT_EQ(kv_heads_per_gpu(8, 2), 4U);
    EXPECT_EQ(kv_heads_per_gpu(8, 8), 1U);
    EXPECT_EQ(kv_heads_per_gpu(8, 16), 1U);  // replicated twice
    EXPECT_EQ(kv_heads_per_gpu(4, 8), 1U);
    EXPECT_EQ(kv_heads_per_gpu(1, 8), 1U);
}

TEST(KvShare, ReplicasKeepAWholeHeadEach) {
    const auto m = test::llama70b();
    EXPECT_DOUBLE_EQ(kv_share_per_gpu(m, 2), 0.5);
    EXPECT_DOUBLE_EQ(kv_share_per_gpu(m, 8), 0.125);
    EXPECT_DOUBLE_EQ(kv_share_per_gpu(m, 16), 0.125);  // one of 8 heads, not 1/16
    auto mla = m;
    mla.mla = true;
    EXPECT_DOUBLE_EQ(kv_share_per_gpu(mla, 8), 1.0);
}

TEST(CheckpointShape, SixteenBitByDefault) {
    const auto m = test::llama70b();
    const auto b = checkpoint_shape(m, {});
    EXPECT_EQ(b.layers.front().weight_bytes, 2 * m.layers.front().weight_params);
    EXPECT_GT(b.weight_bytes(), 3 * m.weight_bytes());  // 16 bits vs 4.9
}

TEST(CheckpointShape, Fp8LayersHalveAndEmbeddingsStaySixteenBit) {
    const auto m = test::llama70b();
    const auto fp8 = checkpoint_format(catalog::Checkpoint{"fp8", "", "https://example.org"});
    const auto b16 = checkpoint_shape(m, {});
    const auto b8 = checkpoint_shape(m, fp8);
    const auto w = m.layers.front().weight_params;
    // One byte a weight plus one fp32 scale per 128 x 128 block.
    EXPECT_NEAR(static_cast<double>(b8.layers.front().weight_bytes),
                static_cast<double>(w) * (1 + 4.0 / 16384), 1.0);
    EXPECT_EQ(b8.token_embd_bytes, b16.token_embd_bytes);
    EXPECT_NEAR(static_cast<double>(b8.weight_bytes()) / static_cast<double>(b16.weight_bytes()),
                0.5, 0.02);
}

TEST(FastLink, SxmAndNvlModulesOnly) {
    catalog::HardwareSpec s;
    for (const auto& [id, fast] : std::vector<std::pair<std::string, bool>>{
             {"h100-sxm", true}, {"h100-nvl", true}, {"a100-sxm4-80gb", true}, {"b200", true},
             {"instinct-mi300x", true}, {"h100-pcie", false}, {"rtx-4090", false},
             {"instinct-mi210", false}, {"l40s", false}}) {
        s.id = id;
        EXPECT_EQ(fast_gpu_link(s), fast) << id;
    }
}

estimate::Machine gpus(int n, double gib, double gbps) {
    estimate::Machine m;
    m.cpu.physical_cores = 32;
    m.cpu.ram_total_bytes = 512 * kGiB;
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = 300;
    for (int i = 0; i < n; ++i) {
        estimate::GpuDevice g;
        g.name = "GPU";
        g.memory_total_bytes = static_cast<std::uint64_t>(gib * kGiB);
        g.memory_free_bytes = g.memory_total_bytes;
        g.bandwidth_gbps = gbps;
        g.fp16_tflops = 900;
        m.gpus.push_back(g);
    }
    return m;
}

PlanOption vllm(int tp, double gib, bool nvlink = true) {
    PlanOption o;
    PlanData d;
    answer_vllm(test::llama70b(), {}, gpus(tp, gib, 3350),
                {static_cast<std::uint32_t>(tp), 1, nvlink}, 8192, d, o);
    return o;
}

TEST(AnswerVllm, SixteenBit70BNeedsTwoEightyGigabyteGpus) {
    EXPECT_FALSE(vllm(1, 80).fits);  // 141 GB of BF16 weights
    EXPECT_TRUE(vllm(2, 80).fits);
    EXPECT_FALSE(vllm(4, 24).fits);  // 35 GB per GPU
    EXPECT_TRUE(vllm(8, 24).fits);
}

TEST(AnswerVllm, Fp8CheckpointNeedsHalfTheMemory) {
    // A 70B checkpoint in FP8: 35 GB a GPU over two 48 GB cards, where BF16 needs 70 GB each.
    const auto fp8 = checkpoint_format(catalog::Checkpoint{"fp8", "", "https://example.org"});
    PlanOption o8;
    PlanOption o16;
    PlanData d;
    answer_vllm(test::llama70b(), fp8, gpus(2, 48, 960), {2, 1, false}, 8192, d, o8);
    answer_vllm(test::llama70b(), {}, gpus(2, 48, 960), {2, 1, false}, 8192, d, o16);
    EXPECT_TRUE(o8.fits);
    EXPECT_FALSE(o16.fits);
    EXPECT_NEAR(static_cast<double>(o8.placement.total_bytes),
                0.5 * static_cast<double>(o16.placement.total_bytes), 0.06 * o16.placement.total_bytes);
}

TEST(AnswerVllm, MoreGpusDecodeFasterAndNvlinkBeatsPcie) {
    const auto tp2 = vllm(2, 80);
    const auto tp4 = vllm(4, 80);
    ASSERT_TRUE(tp2.fits && tp4.fits);
    EXPECT_GT(tp4.speed.decode_tps.p50, 1.5 * tp2.speed.decode_tps.p50);
    EXPECT_GT(tp4.speed.decode_tps.p50, vllm(4, 80, false).speed.decode_tps.p50);
    EXPECT_EQ(tp4.placement.devices.size(), 4U);
    EXPECT_EQ(tp4.placement.mode, estimate::PlacementMode::FullGpu);
}

}  // namespace

}  // namespace canrun::advise
