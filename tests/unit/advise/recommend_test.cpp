#include "advise/recommend.h"

#include <gtest/gtest.h>

#include <set>

#include "util/units.h"

namespace canrun::advise {

namespace {

struct Catalogs {
    catalog::ModelCatalog models;
    catalog::QuantsCatalog quants;
};

const Catalogs& shipped() {
    static const Catalogs c = [] {
        catalog::DataSourceOptions only_embedded;
        Catalogs out;
        auto m = catalog::load_model_catalog(only_embedded);
        auto q = catalog::load_quants_catalog(only_embedded);
        if (m && q) {
            out.models = std::move(*m);
            out.quants = std::move(*q);
        }
        return out;
    }();
    return c;
}

estimate::Machine box(double vram_gib, double bw, double ram_gib) {
    estimate::Machine m;
    m.cpu.physical_cores = 8;
    m.cpu.ram_total_bytes = static_cast<std::uint64_t>(ram_gib * kGiB);
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = 80;
    m.cpu.features = {"avx2"};
    if (vram_gib > 0) {
        estimate::GpuDevice g;
        g.name = "GPU";
        g.memory_total_bytes = static_cast<std::uint64_t>(vram_gib * kGiB);
        g.memory_free_bytes = g.memory_total_bytes;
        g.bandwidth_gbps = bw;
        g.fp16_tflops = 80;
        m.gpus.push_back(g);
    }
    return m;
}

Recommendation run(const estimate::Machine& m, RecommendRequest req = {}) {
    return recommend(shipped().models, shipped().quants, m, req, {}, {});
}

}  // namespace

TEST(Recommend, ShippedCatalogLoads) {
    ASSERT_GE(shipped().models.models.size(), 150U);
    ASSERT_FALSE(shipped().quants.quants.empty());
}

TEST(Recommend, A24GiBCardGetsOnePickPerClassItCanRun) {
    const auto r = run(box(24, 1008, 64));
    ASSERT_FALSE(r.picks.empty());
    std::set<std::string> classes;
    for (const auto& p : r.picks) {
        EXPECT_TRUE(classes.insert(p.size_class).second) << "two picks in " << p.size_class;
        EXPECT_GE(p.fit.speed.decode_tps.p50, 10) << p.model->id;
        EXPECT_NE(p.fit.placement.mode, estimate::PlacementMode::WontFit);
        EXPECT_FALSE(p.why.empty());
    }
    EXPECT_TRUE(classes.count("24-35b")) << "a 4090 runs a 32B at 4-bit";
    for (std::size_t i = 1; i < r.picks.size(); ++i) {
        EXPECT_GE(r.picks[i - 1].score, r.picks[i].score);
    }
}

TEST(Recommend, SpeedFloorRemovesSlowPicks) {
    RecommendRequest fast;
    fast.min_tps = 100000;
    const auto r = run(box(24, 1008, 64), fast);
    // Nothing decodes at 100k tok/s: the single fastest option is shown and flagged.
    ASSERT_EQ(r.picks.size(), 1U);
    EXPECT_TRUE(r.picks[0].below_floor);
}

TEST(Recommend, ChinesePreferenceFavoursChineseStrongModels) {
    RecommendRequest zh;
    zh.prefer_zh = true;
    const auto r = run(box(16, 500, 32), zh);
    int strong = 0;
    for (const auto& p : r.picks) {
        strong += p.model->zh_strong ? 1 : 0;
    }
    EXPECT_GT(strong, 0);
}

TEST(Recommend, CodeUseOnlyPicksCodeModels) {
    RecommendRequest code;
    code.use = "code";
    for (const auto& p : run(box(24, 1008, 64), code).picks) {
        EXPECT_TRUE(p.model->has_task("code")) << p.model->id;
    }
}

}  // namespace canrun::advise
