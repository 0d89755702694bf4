#include "estimate/speed_split.h"

#include <gtest/gtest.h>

#include "unit/speed/speed_fixtures.h"

namespace canrun::estimate {
namespace {

TEST(SpeedSplit, PartialOffloadPutsTheCpuFirstAndDropsTheEmbeddingLookup) {
    const auto model = testing::dense_model(10, 100'000'000, 50'000'000, 50'000'000);
    Placement p;
    p.mode = PlacementMode::Partial;
    p.output_on_gpu = true;
    DevicePlacement gpu;
    gpu.gpu = 0;
    gpu.layers = 6;
    gpu.weight_bytes = 650'000'000;  // 6 layers + the output layer
    gpu.kv_bytes = 6 * 1000 * 4096;
    DevicePlacement cpu;
    cpu.gpu = -1;
    cpu.layers = 4;
    cpu.weight_bytes = 450'000'000;  // 4 layers + the input embedding
    cpu.kv_bytes = 4 * 1000 * 4096;
    p.devices = {gpu, cpu};
    const SpeedSplit s = speed_split(model, p, 1000);
    ASSERT_EQ(s.devices.size(), 2U);
    EXPECT_EQ(s.devices[0].gpu, -1);
    EXPECT_EQ(s.devices[0].dense_weight_bytes, 400'000'000U);
    EXPECT_EQ(s.devices[0].kv_bytes_per_token, 4U * 4096U);
    EXPECT_EQ(s.devices[1].gpu, 0);
    EXPECT_EQ(s.devices[1].dense_weight_bytes, 650'000'000U);
    EXPECT_GT(s.devices[1].dense_params, s.devices[0].dense_params);
}

TEST(SpeedSplit, TiedEmbeddingOnTheCpuIsReadAsTheOutputMatrix) {
    auto model = testing::dense_model(2, 100'000'000, 50'000'000, 50'000'000);
    model.tied_embeddings = true;
    Placement p;
    p.output_on_gpu = false;
    DevicePlacement cpu;
    cpu.gpu = -1;
    cpu.layers = 2;
    cpu.weight_bytes = 200'000'000 + model.token_embd_bytes;
    p.devices = {cpu};
    EXPECT_EQ(speed_split(model, p, 100).devices[0].dense_weight_bytes,
              200'000'000U + model.token_embd_bytes);
    model.tied_embeddings = false;  // a separate output matrix: the embedding is a row lookup
    EXPECT_EQ(speed_split(model, p, 100).devices[0].dense_weight_bytes, 200'000'000U);
}

TEST(SpeedSplit, ExpertsOnTheCpuStayExperts) {
    auto model = testing::dense_model(2, 100'000'000, 0, 50'000'000);
    for (auto& l : model.layers) {
        l.expert_weight_bytes = 80'000'000;
        l.expert_params = 40'000'000;
    }
    Placement p;
    p.output_on_gpu = true;
    DevicePlacement cpu;
    cpu.gpu = -1;
    cpu.weight_bytes = 160'000'000 + model.token_embd_bytes;
    cpu.expert_bytes = 160'000'000;
    DevicePlacement gpu;
    gpu.gpu = 0;
    gpu.layers = 2;
    gpu.weight_bytes = 40'000'000;
    p.devices = {gpu, cpu};
    const SpeedSplit s = speed_split(model, p, 100);
    ASSERT_EQ(s.devices.size(), 2U);
    EXPECT_EQ(s.devices[0].expert_weight_bytes, 160'000'000U);
    EXPECT_EQ(s.devices[0].dense_weight_bytes, 0U);
    EXPECT_EQ(s.devices[0].expert_params, 80'000'000U);
}

}  // namespace
}  // namespace canrun::estimate
