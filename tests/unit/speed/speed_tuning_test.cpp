#include "catalog/speed_tuning.h"

#include <gtest/gtest.h>

#include <string>

namespace canrun::catalog {
namespace {

DataJson shipped() {
    DataSourceOptions o;
    o.use_embedded = true;
    auto data = load_data_json("speed.json", o);
    EXPECT_TRUE(data.has_value()) << (data ? "" : data.error().message);
    return data ? *data : DataJson{};
}

TEST(SpeedTuningData, ShippedFileLoadsWithEveryBackendAndMainQuant) {
    auto t = parse_speed_tuning(shipped());
    ASSERT_TRUE(t.has_value()) << t.error().message;
    EXPECT_EQ(t->backends.size(), 5U);
    for (const char* family : {"q4_0", "q4_k", "q8_0", "f16", "q6_k", "mxfp4"}) {
        bool found = false;
        for (const auto& q : t->quants) {
            found = found || q.family == family;
        }
        EXPECT_TRUE(found) << family;
    }
    EXPECT_FALSE(t->isas.empty());
    EXPECT_TRUE(t->isas.back().feature.empty()) << "the last ISA row should match any CPU";
    EXPECT_LT(t->decode_uncalibrated.low, 1.0);
    ASSERT_FALSE(t->prefill_isas.empty());
    EXPECT_EQ(t->prefill_isas.front().feature, "amx_int8");
    EXPECT_GT(t->prefill_isas.front().factor, 1.0);
}

TEST(SpeedTuningData, IsaFeaturesAreNamedAsTheHwProbeNamesThem) {
    auto t = parse_speed_tuning(shipped());
    ASSERT_TRUE(t.has_value()) << t.error().message;
    for (const auto& isa : t->isas) {  // hw/linux/cpuinfo.cpp maps asimddp -> dotprod, asimd -> neon
        EXPECT_NE(isa.feature, "asimddp");
        EXPECT_NE(isa.feature, "asimd");
    }
}

TEST(SpeedTuningData, ReportsEveryProblemAtOnce) {
    DataFile f{"speed.json",
               R"({"schema_version": 1, "data_version": "x",
                   "backends": [{"id": "cuda", "decode_bw_efficiency": -1, "prefill_efficiency": 0.5,
                                 "token_floor_s": 0.001, "layer_floor_s": 0.0001, "source": "s"},
                                {"id": "opengl", "source": "s"}],
                   "quants": [{"id": "q4_0", "gpu_decode_factor": 1, "gpu_prefill_factor": 1,
                               "cpu_core_gbps": 5}],
                   "isas": [], "constants": [{"id": "made_up", "value": 1, "source": "s"}],
                   "spreads": []})",
               DataOrigin::DataDir, "/tmp/speed.json"};
    auto data = parse_data_json(f);
    ASSERT_TRUE(data.has_value());
    auto t = parse_speed_tuning(*data);
    ASSERT_FALSE(t.has_value());
    const std::string& m = t.error().message;
    EXPECT_NE(m.find("decode_bw_efficiency"), std::string::npos);
    EXPECT_NE(m.find("unknown backend \"opengl\""), std::string::npos);
    EXPECT_NE(m.find("quants \"q4_0\": no \"source\""), std::string::npos);
    EXPECT_NE(m.find("unknown constant \"made_up\""), std::string::npos);
    EXPECT_NE(m.find("constant \"cpu_bw_efficiency\" is missing"), std::string::npos);
    EXPECT_NE(m.find("/tmp/speed.json"), std::string::npos);
}

}  // namespace
}  // namespace canrun::catalog
