#include "advise/plan_nodes.h"

#include <gtest/gtest.h>

namespace canrun::advise {

namespace {

constexpr const char* kHw = R"({"cpu": {"model": "i9", "physical_cores": 16, "logical_cores": 24,
  "features": ["avx2"]}, "memory": {"total_bytes": 68719476736, "available_bytes": 60000000000,
  "bandwidth_gbps": 51.2}, "gpus": [
  {"vendor": "intel", "name": "UHD 770", "vram_total_bytes": null, "kind": "integrated", "unified": true},
  {"vendor": "nvidia", "name": "RTX 3090", "vram_total_bytes": 25769803776, "vram_free_bytes": null,
   "kind": "discrete", "unified": false, "bandwidth_gbps": 936.2}]})";

TEST(PlanNodes, ReadsHwJsonLikeToMachine) {
    const auto m = machine_from_hw_json(kHw, "a.json");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->cpu.physical_cores, 16U);
    EXPECT_EQ(m->cpu.ram_available_bytes, 60000000000ULL);
    ASSERT_EQ(m->gpus.size(), 1U);  // the iGPU without memory is skipped
    EXPECT_EQ(m->gpus[0].backend, estimate::Backend::Cuda);
    EXPECT_EQ(m->gpus[0].memory_free_bytes, 25769803776ULL);
}

TEST(PlanNodes, BadInputNamesTheFile) {
    const auto a = machine_from_hw_json("not json", "x.json");
    ASSERT_FALSE(a.has_value());
    EXPECT_NE(a.error().message.find("x.json"), std::string::npos);
    EXPECT_FALSE(machine_from_hw_json(R"({"cpu": {}})", "y.json").has_value());
}

}  // namespace

}  // namespace canrun::advise
