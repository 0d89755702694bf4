#include "estimate/placement.h"

#include <gtest/gtest.h>

#include <numeric>

namespace canrun::estimate {

namespace {

constexpr std::uint64_t kMiB = 1024ULL * 1024;
constexpr std::uint64_t kGiB = 1024 * kMiB;

// A Llama-3.1-8B Q4_K_M-like model at 8192 context: 32 layers of ~137 MiB + 32 MiB KV.
PlacementInput llama8b() {
    PlacementInput in;
    in.layers.assign(32, LayerCost{137 * kMiB, 0, 32 * kMiB});
    in.input_bytes = 282 * kMiB;
    in.output_bytes = 411 * kMiB;
    in.gpu_compute_bytes = 266 * kMiB;
    in.host_compute_bytes = 25 * kMiB;
    in.cpu_compute_bytes = 267 * kMiB;
    in.gpu_overhead_bytes = 400 * kMiB;
    return in;
}

Machine machine(std::vector<std::uint64_t> vram, std::uint64_t ram, bool unified = false) {
    Machine m;
    m.cpu.ram_total_bytes = ram;
    m.cpu.ram_available_bytes = ram;
    for (std::size_t i = 0; i < vram.size(); ++i) {
        GpuDevice g;
        g.name = "GPU" + std::to_string(i);
        g.memory_total_bytes = vram[i];
        g.memory_free_bytes = vram[i];
        g.unified = unified;
        m.gpus.push_back(g);
    }
    return m;
}

std::uint32_t sum(const std::vector<std::uint32_t>& v) {
    return std::accumulate(v.begin(), v.end(), 0U);
}

}  // namespace

TEST(Placement, FitsWhollyOnA24GiBCard) {
    const auto p = place_model(llama8b(), machine({24 * kGiB}, 32 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::FullGpu);
    EXPECT_EQ(p.gpu_layers, 32U);
    EXPECT_TRUE(p.output_on_gpu);
    ASSERT_EQ(p.devices.size(), 2U);
    EXPECT_EQ(p.devices[0].bytes, 32 * (137 + 32) * kMiB + 411 * kMiB + 266 * kMiB + 400 * kMiB);
    EXPECT_EQ(p.devices[1].device, "CPU");
    EXPECT_EQ(p.devices[1].bytes, 282 * kMiB + 25 * kMiB);
}

TEST(Placement, SmallCardTakesTheLastLayersAndLeavesTheOutputOnTheCpu) {
    // 4 GiB: 4096 - 1024 margin - 400 runtime - 266 compute = 2406 MiB -> 14 layers of 169 MiB.
    const auto p = place_model(llama8b(), machine({4 * kGiB}, 32 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::Partial);
    EXPECT_EQ(p.gpu_layers, 14U);
    EXPECT_FALSE(p.output_on_gpu);
    EXPECT_EQ(p.devices[0].first_layer, 18U);
    EXPECT_EQ(p.devices[1].layers, 18U);
    EXPECT_EQ(p.devices[1].bytes, 282 * kMiB + 18 * 169 * kMiB + 411 * kMiB + 25 * kMiB);
}

TEST(Placement, NoGpuRunsOnTheCpu) {
    const auto p = place_model(llama8b(), machine({}, 16 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::Cpu);
    EXPECT_EQ(p.gpu_layers, 0U);
    EXPECT_EQ(p.devices.back().bytes, 282 * kMiB + 32 * 169 * kMiB + 411 * kMiB + 267 * kMiB);
}

TEST(Placement, CpuOnlyIgnoresTheGpu) {
    auto in = llama8b();
    in.cpu_only = true;
    EXPECT_EQ(place_model(in, machine({24 * kGiB}, 16 * kGiB)).mode, PlacementMode::Cpu);
}

TEST(Placement, TooBigForRamAndVramSaysByHowMuch) {
    const auto p = place_model(llama8b(), machine({}, 4 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::WontFit);
    const std::uint64_t need = 282 * kMiB + 32 * 169 * kMiB + 411 * kMiB + 267 * kMiB;
    EXPECT_EQ(p.shortfall_bytes, need - 4 * kGiB);
}

TEST(Placement, TwoGpusSplitConsecutiveLayers) {
    const auto p = place_model(llama8b(), machine({6 * kGiB, 6 * kGiB}, 32 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::FullGpu);
    ASSERT_EQ(p.gpu_split.size(), 2U);
    EXPECT_EQ(sum(p.gpu_split), 32U);
    EXPECT_EQ(p.devices[1].first_layer, p.gpu_split[0]);
    EXPECT_TRUE(p.devices[1].holds_output);
}

// Regression: layers filled the first GPUs to the brim (plan printed -ts 39,39,2,0 for four
// cards); llama.cpp's default split is proportional to free memory, so the layers spread evenly.
TEST(Placement, SeveralGpusShareTheLayersEvenly) {
    const auto p = place_model(llama8b(), machine({24 * kGiB, 24 * kGiB, 24 * kGiB, 24 * kGiB},
                                                  64 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::FullGpu);
    ASSERT_EQ(p.gpu_split.size(), 4U);
    EXPECT_EQ(sum(p.gpu_split), 32U);
    // Each GPU holds 5 to 9 of the 169 MiB layers (the last one also the 411 MiB output layer):
    // its model data is within one layer of every other's, not 0 on one and 16 on another.
    std::uint64_t lo = ~0ULL;
    std::uint64_t hi = 0;
    for (std::size_t g = 0; g < 4; ++g) {
        const std::uint64_t data = p.gpu_split[g] * 169 * kMiB + (g == 3 ? 411 * kMiB : 0);
        lo = std::min(lo, data);
        hi = std::max(hi, data);
    }
    EXPECT_LE(hi - lo, 411 * kMiB) << p.gpu_split[0] << "," << p.gpu_split[1] << ","
                                   << p.gpu_split[2] << "," << p.gpu_split[3];
}

TEST(Placement, MoeMovesExpertsOfTheFirstLayersBeforeWholeLayers) {
    PlacementInput in;
    // 48 layers: 60 MiB dense + 500 MiB experts + 12 MiB KV each (a 30B-A3B-like shape).
    in.layers.assign(48, LayerCost{560 * kMiB, 500 * kMiB, 12 * kMiB});
    in.input_bytes = 160 * kMiB;
    in.output_bytes = 250 * kMiB;
    in.gpu_compute_bytes = 300 * kMiB;
    in.gpu_overhead_bytes = 400 * kMiB;
    in.moe = true;
    const auto p = place_model(in, machine({12 * kGiB}, 64 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::Partial);
    EXPECT_EQ(p.gpu_layers, 48U);
    EXPECT_TRUE(p.output_on_gpu);
    EXPECT_GT(p.cpu_moe_layers, 0U);
    EXPECT_LT(p.cpu_moe_layers, 48U);
    // Capacity 12288 - 1024 - 400 - 300 = 10564 MiB; all dense parts + output = 48*72 + 250.
    const std::uint64_t room = 10564 - (48 * 72 + 250);
    EXPECT_EQ(48 - p.cpu_moe_layers, room / 500);
    EXPECT_EQ(p.devices.back().expert_bytes, p.cpu_moe_layers * 500 * kMiB);
}

TEST(Placement, UnifiedMemoryGpuUseComesOutOfRam) {
    // 16 GiB Mac: GPU budget 10.67 GiB of the same 16 GiB; the 8B model fits on the GPU, and the
    // CPU side must fit in what the GPU leaves.
    auto m = machine({10 * kGiB + 683 * kMiB}, 16 * kGiB, true);
    const auto p = place_model(llama8b(), m);
    EXPECT_EQ(p.mode, PlacementMode::FullGpu);
    EXPECT_EQ(p.devices.back().budget_bytes, 16 * kGiB - p.devices[0].bytes);
}

TEST(Placement, ModeNames) {
    EXPECT_STREQ(to_string(PlacementMode::FullGpu), "full_gpu");
    EXPECT_STREQ(to_string(PlacementMode::WontFit), "wont_fit");
}

}  // namespace canrun::estimate

namespace canrun::estimate {

TEST(Placement, TwoSmallGpusTogetherTakeMoreLayersThanOne) {
    const auto p = place_model(llama8b(), machine({4 * kGiB, 4 * kGiB}, 32 * kGiB));
    EXPECT_EQ(p.mode, PlacementMode::Partial);
    EXPECT_EQ(p.gpu_layers, 28U);  // 2 x 14 layers of 169 MiB in 2406 MiB each
    EXPECT_EQ(p.devices[0].first_layer, 4U);
    EXPECT_EQ(p.devices[1].first_layer, 18U);
}

}  // namespace canrun::estimate

namespace canrun::estimate {

TEST(Placement, TiedEmbeddingsAreCopiedToTheGpuOnlyWithTheOutputLayer) {
    auto in = llama8b();
    in.output_bytes = 1 * kMiB;  // only the final norm: the LM head is the embedding
    in.tied_output_bytes = in.input_bytes;
    const auto full = place_model(in, machine({24 * kGiB}, 32 * kGiB));
    EXPECT_EQ(full.devices[0].weight_bytes, 32 * 137 * kMiB + 1 * kMiB + 282 * kMiB);
    const auto cpu = place_model(in, machine({}, 32 * kGiB));
    EXPECT_EQ(cpu.devices.back().weight_bytes, 282 * kMiB + 32 * 137 * kMiB + 1 * kMiB);
}

}  // namespace canrun::estimate
