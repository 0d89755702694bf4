// One device per reference class (issue 5): canrun puts it in that class, and the largest model
// it runs comfortably (at the default speed floor, 8k context) lies in the class's size range —
// or, where the rule of thumb is off, the test says why with numbers.
#include <gtest/gtest.h>

#include <optional>

#include "advise/recommend.h"
#include "advise/tier_input.h"
#include "catalog/hardware_catalog.h"
#include "catalog/hardware_lookup.h"
#include "catalog/hardware_profile.h"
#include "catalog/speed_tuning.h"
#include "catalog/tiers_catalog.h"

namespace canrun::advise {

namespace {

struct Row {
    const char* device;       // --hw NAME
    std::optional<double> ram_gib;
    const char* tier;
    bool moe_beats_rule;      // the largest comfortable model is a MoE past the class's range
};

const Row kRows[] = {
    {"Intel Iris Xe", 16, "laptop-igpu", true},
    {"RTX 4050 Laptop", 16, "laptop-entry", true},  // Qwen3 30B-A3B: 6 GB VRAM + 16 GB RAM
    {"RTX 4060 Laptop", 16, "laptop-performance", false},
    {"Raspberry Pi 5 8GB", std::nullopt, "sbc", false},
    {"Apple M2 10-core 16GB", std::nullopt, "apple-silicon", false},
    {"Apple M2 Max 38-core 64GB", std::nullopt, "apple-silicon", true},
    {"RTX 4060 Ti 16GB", 32, "desktop-entry", false},
    {"RTX 4080", 32, "desktop-mid", false},
    {"RTX 4090", 64, "desktop-high", false},
    {"H100 SXM", 256, "server", false},
};

struct Data {
    catalog::HardwareCatalog hardware;
    catalog::ModelCatalog models;
    catalog::QuantsCatalog quants;
    std::vector<catalog::Tier> tiers;
    estimate::SpeedTuning speed;
};

const Data& data() {
    static const Data d = [] {
        const catalog::DataSourceOptions built_in;
        Data out;
        out.hardware = catalog::load_hardware(built_in).value();
        out.models = catalog::load_model_catalog(built_in).value();
        out.quants = catalog::load_quants_catalog(built_in).value();
        out.tiers = catalog::load_tiers(built_in).value();
        out.speed = catalog::load_speed_tuning(built_in).value();
        return out;
    }();
    return d;
}

const catalog::Tier& tier(const std::string& id) {
    for (const auto& t : data().tiers) {
        if (t.id == id) {
            return t;
        }
    }
    throw std::runtime_error("no tier " + id);
}

}  // namespace

TEST(ReferenceClasses, EachDeviceLandsInItsClassAndRunsItsSizes) {
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.device);
        const auto match = catalog::find_hardware(data().hardware, row.device);
        ASSERT_TRUE(match) << match.error().message;
        catalog::ProfileRequest req;
        req.memory_gb = match->memory_gb;
        req.ram_gib = row.ram_gib;
        const auto profile = catalog::build_hardware_profile(*match->spec, req);
        ASSERT_TRUE(profile) << profile.error().message;
        const auto& machine = profile->machine;
        EXPECT_EQ(classify_tier(tier_input_from(*match->spec, machine)).id, row.tier);

        const auto rec = recommend(data().models, data().quants, machine, {}, {}, data().speed);
        const Pick* largest = nullptr;
        for (const auto& p : rec.picks) {
            if (!p.below_floor && (largest == nullptr || p.model->params > largest->model->params)) {
                largest = &p;
            }
        }
        ASSERT_NE(largest, nullptr) << "nothing runs comfortably";
        const double total_b = static_cast<double>(largest->model->params) / 1e9;
        const double active_b = static_cast<double>(largest->model->active_params) / 1e9;
        const auto& t = tier(row.tier);
        if (!row.moe_beats_rule) {
            EXPECT_GE(total_b, t.params_min_b) << largest->model->id;
            EXPECT_LE(total_b, t.params_max_b) << largest->model->id;
            continue;
        }
        // The class's rule counts total parameters; a mixture of experts reads only its active
        // ones per token, so a larger MoE runs at reading speed where a dense model of that size
        // would not. The rule still holds for the active parameters.
        EXPECT_GT(largest->model->arch.n_expert, 0U) << largest->model->id;
        EXPECT_GT(total_b, t.params_max_b) << largest->model->id << " is within the rule now";
        EXPECT_LE(active_b, t.params_max_b) << largest->model->id;
        std::printf("  %s: largest comfortable model %s, %.1f B total / %.1f B active, %.0f tok/s "
                    "(class range %.1f-%.0f B)\n",
                    row.device, largest->model->id.c_str(), total_b, active_b,
                    largest->fit.speed.decode_tps.p50, t.params_min_b, t.params_max_b);
    }
}

}  // namespace canrun::advise
