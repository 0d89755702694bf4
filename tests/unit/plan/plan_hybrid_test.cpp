// plan's GPU + server RAM family (advise/plan_hybrid_options.cpp): one or two 24 GB+ cards in an
// 8-12-channel server, routed experts in RAM. Offered for MoE models too big for the cards, never
// for dense ones; placed with the experts on the CPU; faster than the same server without the GPU
// and slower than the model wholly on GPUs. Over the real data files and speed tuning.
#include <algorithm>

#include <gtest/gtest.h>

#include "advise/plan.h"
#include "catalog/cloud_catalog.h"
#include "catalog/hardware_catalog.h"
#include "catalog/speed_tuning.h"
#include "unit/plan/catalog_shape.h"
#include "unit/plan/plan_shapes.h"

namespace canrun::advise {
namespace {

struct Data {
    catalog::HardwareCatalog hardware;
    catalog::CloudCatalog cloud;
    estimate::SpeedTuning speed;
};

const Data& data() {
    static const Data d = [] {
        Data x;
        catalog::DataSourceOptions src;  // built-in copies only
        x.hardware = catalog::load_hardware(src).value();
        x.cloud = catalog::load_cloud(src).value();
        x.speed = catalog::load_speed_tuning(src).value();
        return x;
    }();
    return d;
}

PlanResult run_all(const estimate::ModelShape& m, std::vector<std::string> have = {}) {
    PlanRequest req;
    req.have = std::move(have);
    req.model = &m;
    req.quant = "Q4_K_M";
    req.names.hf_gguf_repo = "org/model-GGUF";  // what llama-server -hf takes
    req.names.quant = "Q4_K_M";
    req.limit = 5000;
    PlanData d;
    d.hardware = &data().hardware;
    d.cloud = &data().cloud;
    d.speed_tuning = data().speed;
    return plan(req, d);
}

std::vector<const PlanOption*> hybrids(const PlanResult& r) {
    std::vector<const PlanOption*> out;
    for (const auto& o : r.options) {
        if (o.kind == PlanKind::Hybrid) {
            out.push_back(&o);
        }
    }
    return out;
}

const PlanOption* named(const PlanResult& r, const std::string& name) {
    const auto it = std::find_if(r.options.begin(), r.options.end(),
                                 [&](const PlanOption& o) { return o.name == name; });
    return it == r.options.end() ? nullptr : &*it;
}

struct HybridCase {
    const char* model;  // catalog id, or "dense70b" for a hand-built dense 70B
    bool offered;
};

class HybridFamily : public ::testing::TestWithParam<HybridCase> {};

TEST_P(HybridFamily, OnlyForMoeModelsTooBigForTheCards) {
    const auto& c = GetParam();
    const std::string id = c.model;
    const auto m = id == "dense70b" ? test::llama70b() : test::catalog_shape(id);
    const auto r = run_all(m);
    EXPECT_EQ(!hybrids(r).empty(), c.offered) << id;
}

INSTANTIATE_TEST_SUITE_P(Table, HybridFamily, ::testing::Values(
    HybridCase{"deepseek-v3:671b", true},   // 377 GiB at Q4_K_M, 256 experts
    HybridCase{"qwen3:235b", true},         // 133 GiB, 128 experts
    HybridCase{"dense70b", false},          // dense: no experts to keep in RAM
    HybridCase{"qwen3:30b", false}),        // MoE, but 18 GiB: one 24 GB card holds it
    [](const ::testing::TestParamInfo<HybridCase>& p) {
        std::string s = p.param.model;
        std::replace_if(s.begin(), s.end(), [](char ch) { return ch == ':' || ch == '.' || ch == '-'; }, '_');
        return s;
    });

TEST(HybridFamily, ExpertsGoToRamAndTheRestToTheGpu) {
    const auto r = run_all(test::catalog_shape("deepseek-v3:671b"));
    const auto found = hybrids(r);
    ASSERT_FALSE(found.empty());
    for (const auto* o : found) {
        ASSERT_TRUE(o->fits) << o->name;
        EXPECT_EQ(o->placement.mode, estimate::PlacementMode::Partial) << o->name;
        EXPECT_EQ(o->placement.gpu_layers, o->placement.total_layers) << o->name;  // -ngl all
        std::uint64_t gpu = 0;
        std::uint64_t cpu = 0;
        for (const auto& d : o->placement.devices) {
            (d.name == "CPU" ? cpu : gpu) += d.bytes;
        }
        EXPECT_GT(gpu, 10ULL << 30) << o->name;  // attention, shared experts, dense layers
        EXPECT_GT(cpu, 4 * gpu) << o->name;      // the routed experts
        ASSERT_FALSE(o->commands.empty());
        EXPECT_NE(o->commands.front().command.find("--n-cpu-moe"), std::string::npos) << o->name;
        EXPECT_FALSE(o->price.has_value()) << "the data prices no server platform";
        EXPECT_EQ(o->notes, std::vector<std::string>{"plan.hybrid_moe"});
    }
    // Each card and server pairs once, at the smallest RAM that holds the model.
    EXPECT_NE(named(r, "GeForce RTX 4090 + 384 GB DDR5-6000 12-channel"), nullptr);
    EXPECT_EQ(named(r, "GeForce RTX 4090 + 768 GB DDR5-6000 12-channel"), nullptr);
}

TEST(HybridFamily, SpeedBetweenTheBareServerAndAllOnGpus) {
    const auto r = run_all(test::catalog_shape("deepseek-v3:671b"));
    const auto* hybrid = named(r, "GeForce RTX 4090 + 384 GB DDR5-6000 12-channel");
    const auto* server = named(r, "DDR5-6000 12-channel 384 GB");
    ASSERT_NE(hybrid, nullptr);
    ASSERT_NE(server, nullptr);
    ASSERT_TRUE(server->fits);
    EXPECT_EQ(server->placement.mode, estimate::PlacementMode::Cpu);
    double all_gpu = 0;
    for (const auto& o : r.options) {
        if (o.fits && o.placement.mode == estimate::PlacementMode::FullGpu &&
            o.engine == PlanEngine::LlamaCpp) {
            all_gpu = std::max(all_gpu, o.speed.decode_tps.p50);
        }
    }
    EXPECT_GT(hybrid->speed.decode_tps.p50, 1.2 * server->speed.decode_tps.p50);
    EXPECT_LT(hybrid->speed.decode_tps.p50, all_gpu);
    // Public reports for DeepSeek V3/R1 Q4 on one 24 GB card + 8-12-channel DDR5: 8-15 tok/s.
    EXPECT_GT(hybrid->speed.decode_tps.p50, 7);
    EXPECT_LT(hybrid->speed.decode_tps.p50, 18);
}

TEST(HybridFamily, TheUsersOwnCardInAServer) {
    const auto r = run_all(test::catalog_shape("deepseek-v3:671b"), {"rtx-3090"});
    const auto* o = named(r, "your GeForce RTX 3090 + 384 GB DDR5-6000 12-channel");
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->kind, PlanKind::Hybrid);
    EXPECT_TRUE(o->fits);
    EXPECT_EQ(o->device_id, "rtx-3090");
    EXPECT_FALSE(o->price.has_value());  // the card is owned, the server is not priced
    // Not offered without --have.
    EXPECT_EQ(named(run_all(test::catalog_shape("deepseek-v3:671b")),
                    "your GeForce RTX 3090 + 384 GB DDR5-6000 12-channel"),
              nullptr);
}

}  // namespace
}  // namespace canrun::advise
