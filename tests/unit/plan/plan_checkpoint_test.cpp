// vLLM sizing by the published checkpoint (advise/checkpoint_format.h over models.json
// `checkpoint`): DeepSeek V3 ships FP8, so vLLM holds about half of what 16 bits would need;
// gpt-oss keeps its MXFP4 experts exactly as before the widths moved into the data.
#include <gtest/gtest.h>

#include "advise/checkpoint_format.h"
#include "advise/fit.h"
#include "advise/plan_multi_gpu.h"
#include "catalog/model_catalog.h"
#include "unit/plan/catalog_shape.h"
#include "util/units.h"

namespace canrun::advise {
namespace {

CheckpointFormat catalog_format(const std::string& id) {
    static const auto cat = catalog::load_model_catalog({});
    EXPECT_TRUE(cat) << (cat ? "" : cat.error().message);
    const auto* m = cat->find_id(id);
    EXPECT_NE(m, nullptr) << id;
    return m != nullptr ? checkpoint_format(m->checkpoint) : CheckpointFormat{};
}

estimate::Machine h200s(int n) {
    estimate::Machine m;
    m.cpu.physical_cores = 64;
    m.cpu.ram_total_bytes = 2048 * kGiB;
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = 400;
    for (int i = 0; i < n; ++i) {
        estimate::GpuDevice g;
        g.name = "H200";
        g.backend = estimate::Backend::Cuda;
        g.memory_total_bytes = 141ULL * 1000 * 1000 * 1000;
        g.memory_free_bytes = g.memory_total_bytes;
        g.bandwidth_gbps = 4800;
        g.fp16_tflops = 990;
        m.gpus.push_back(g);
    }
    return m;
}

TEST(CheckpointSizing, DeepSeekV3Fp8IsHalfOfSixteenBit) {
    const auto m = test::catalog_shape("deepseek-v3:671b");
    const auto fmt = catalog_format("deepseek-v3:671b");
    const double fp8 = checkpoint_weight_bytes(m, fmt);
    const double b16 = checkpoint_weight_bytes(m, {});
    EXPECT_NEAR(fp8 / b16, 0.5, 0.01);
    EXPECT_NEAR(fp8 / 1e9, 673, 5);  // 671B at 1 byte + 1.9B of BF16 embeddings + scales
    EXPECT_EQ(fmt.speed_quant, "Q8_0");
}

TEST(CheckpointSizing, DeepSeekV3OnEightH200sUnderVllmOnlyAsFp8) {
    // The usual DeepSeek V3 deployment: FP8 weights, TP8 on one 8 x H200 node (1128 GB).
    const auto m = test::catalog_shape("deepseek-v3:671b");
    PlanData d;
    PlanOption fp8;
    PlanOption b16;
    answer_vllm(m, catalog_format("deepseek-v3:671b"), h200s(8), {8, 1, true}, 8192, d, fp8);
    answer_vllm(m, {}, h200s(8), {8, 1, true}, 8192, d, b16);
    EXPECT_TRUE(fp8.fits);
    EXPECT_FALSE(b16.fits);
    // What each GPU would hold (weights, KV cache, activations): about half.
    EXPECT_NEAR(static_cast<double>(fp8.placement.total_bytes) /
                    static_cast<double>(b16.placement.total_bytes),
                0.5, 0.03);
}

TEST(CheckpointSizing, FitOffersVllmForDeepSeekOnlyWithItsCheckpoint) {
    const auto m = test::catalog_shape("deepseek-v3:671b");
    const auto machine = h200s(8);
    FitRequest req;
    const auto fit = fit_model(m, machine, req, {}, {});
    ModelNames names;
    names.hf_repo = "deepseek-ai/DeepSeek-V3-0324";
    names.checkpoint = catalog_format("deepseek-v3:671b");
    const auto with = command_input(fit, m, machine, names, req);
    names.checkpoint = {};
    const auto without = command_input(fit, m, machine, names, req);
    EXPECT_TRUE(with.vllm_fits);
    EXPECT_EQ(with.tensor_parallel, 8U);
    EXPECT_FALSE(without.vllm_fits);
}

TEST(CheckpointSizing, GptOssExpertsStayMxfp4) {
    const auto m = test::catalog_shape("gpt-oss:120b");
    double experts = 0;
    for (const auto& l : m.layers) {
        experts += static_cast<double>(l.expert_params);
    }
    const double params = static_cast<double>(m.params);
    const double before = 2.0 * (params - experts) + 4.25 / 8 * experts;  // the old rule
    EXPECT_DOUBLE_EQ(checkpoint_weight_bytes(m, catalog_format("gpt-oss:120b")), before);
    EXPECT_NEAR(before / 1e9, 65, 3);  // openai/gpt-oss-120b is 65 GB on Hugging Face
}

TEST(CheckpointSizing, DenseModelsStaySixteenBit) {
    const auto fmt = catalog_format("qwen2.5:14b");
    EXPECT_DOUBLE_EQ(fmt.dense_bytes_per_param, 2.0);
    EXPECT_DOUBLE_EQ(fmt.expert_bytes_per_param, 2.0);
    EXPECT_EQ(fmt.speed_quant, "BF16");
}

}  // namespace
}  // namespace canrun::advise
