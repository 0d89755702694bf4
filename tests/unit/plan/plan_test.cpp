// advise::plan over the real data files (the copies built into the binary).
#include "advise/plan.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "catalog/cloud_catalog.h"
#include "catalog/hardware_catalog.h"
#include "unit/plan/plan_shapes.h"

namespace canrun::advise {

namespace {

struct Data {
    catalog::HardwareCatalog hardware;
    catalog::CloudCatalog cloud;
    PlanData plan;
};

const Data& data() {
    static const Data d = [] {
        Data x;
        catalog::DataSourceOptions src;  // built-in copies only
        x.hardware = catalog::load_hardware(src).value();
        x.cloud = catalog::load_cloud(src).value();
        return x;
    }();
    return d;
}

PlanResult run(PlanRequest req, const estimate::ModelShape& m) {
    req.model = &m;
    req.quant = "Q4_K_M";
    PlanData d;
    d.hardware = &data().hardware;
    d.cloud = &data().cloud;
    return plan(req, d);
}

TEST(Plan, SeventyBillionCheapestMeetsTheTargetOnGpus) {
    const auto m = test::llama70b();
    PlanRequest req;
    req.target_tps = 10;
    const auto r = run(req, m);
    ASSERT_FALSE(r.options.empty());
    const auto& best = r.options.front();
    EXPECT_TRUE(best.fits);
    EXPECT_TRUE(best.meets_target);
    EXPECT_GE(best.devices.size(), 2U);  // 42 GB of weights: no 24 GB card alone
    ASSERT_TRUE(best.price.has_value());
    for (std::size_t i = 1; i < r.options.size(); ++i) {
        const auto& o = r.options[i];
        if (o.meets_target && o.price && !o.price->per_hour) {
            EXPECT_GE(o.price->amount, best.price->amount) << o.name;
        }
    }
    EXPECT_GT(r.considered, 500U);
    EXPECT_FALSE(best.commands.empty());
}

TEST(Plan, FastestWithinBudgetStaysWithinIt) {
    const auto m = test::llama70b();
    PlanRequest req;
    req.sort = PlanSort::Fastest;
    req.budget = 4000;
    const auto r = run(req, m);
    ASSERT_FALSE(r.options.empty());
    ASSERT_TRUE(r.options.front().price.has_value());
    EXPECT_LE(r.options.front().price->amount, 4000);
    EXPECT_TRUE(r.options.front().fits);
}

TEST(Plan, PricesInYuanUseTheDataRate) {
    const auto m = test::llama70b();
    PlanRequest usd;
    PlanRequest cny;
    cny.currency = "CNY";
    const auto a = run(usd, m);
    const auto b = run(cny, m);
    ASSERT_TRUE(b.rate.has_value());
    ASSERT_TRUE(a.options.front().price && b.options.front().price);
    EXPECT_EQ(a.options.front().name, b.options.front().name);
    EXPECT_NEAR(b.options.front().price->amount, a.options.front().price->amount * b.rate->rate, 0.01);
    EXPECT_TRUE(b.options.front().price->converted);
}

TEST(Plan, HaveAddsToTheUsersGpu) {
    const auto m = test::llama70b();
    PlanRequest req;
    req.have = {"rtx-3090"};
    req.limit = 2000;
    const auto r = run(req, m);
    const auto it = std::find_if(r.options.begin(), r.options.end(), [](const PlanOption& o) {
        return o.name == "your GeForce RTX 3090 + 1 x GeForce RTX 3090";
    });
    ASSERT_NE(it, r.options.end());
    EXPECT_TRUE(it->fits);
    ASSERT_TRUE(it->price.has_value());
    EXPECT_DOUBLE_EQ(it->price->amount, 1499);  // only the card added
    EXPECT_EQ(it->kind, PlanKind::Have);
}

TEST(Plan, BigModelNeedsAClusterOrAServer) {
    // 671B-class dense stand-in: 61 layers of 11 billion parameters, about 410 GB at Q4.
    const auto m = test::dense(61, 128, 128, 7168, 11000000000ULL);
    PlanRequest req;
    req.limit = 5000;
    const auto r = run(req, m);
    const bool cluster = std::any_of(r.options.begin(), r.options.end(), [](const PlanOption& o) {
        return o.kind == PlanKind::Cluster && o.fits && o.nodes >= 2 && o.network_s_per_token > 0;
    });
    EXPECT_TRUE(cluster);
    for (const auto& o : r.options) {
        if (o.kind == PlanKind::Cluster && o.engine == PlanEngine::LlamaCpp && o.fits) {
            EXPECT_EQ(o.commands.back().node, "head");
            EXPECT_NE(o.commands.back().command.find("--rpc node2:50052"), std::string::npos);
        }
    }
}

TEST(Plan, FleetOfDescribedMachines) {
    const auto m = test::llama70b();
    PlanRequest req;
    for (const auto& [name, gib] : std::vector<std::pair<std::string, double>>{{"a", 24}, {"b", 24}, {"c", 0}}) {
        PlanNode n;
        n.name = name;
        n.machine.cpu.physical_cores = 8;
        n.machine.cpu.ram_total_bytes = 64ULL << 30;
        n.machine.cpu.bandwidth_gbps = 60;
        if (gib > 0) {
            estimate::GpuDevice g;
            g.name = "RTX 3090";
            g.memory_total_bytes = g.memory_free_bytes = static_cast<std::uint64_t>(gib) << 30;
            g.bandwidth_gbps = 936;
            n.machine.gpus.push_back(g);
        }
        req.nodes.push_back(n);
    }
    req.limit = 5000;
    const auto r = run(req, m);
    const auto it = std::find_if(r.options.begin(), r.options.end(),
                                 [](const PlanOption& o) { return o.kind == PlanKind::Fleet; });
    ASSERT_NE(it, r.options.end());
    EXPECT_EQ(it->name, "fleet: a + b + c");
    EXPECT_EQ(it->nodes, 3U);
    EXPECT_TRUE(it->fits);
    EXPECT_EQ(it->commands.front().node, "b");
}

}  // namespace

}  // namespace canrun::advise
