#include "estimate/speed_lookup.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace canrun::estimate {
namespace {

struct FamilyRow {
    const char* quant;
    const char* family;
};

void PrintTo(const FamilyRow& r, std::ostream* os) { *os << r.quant << " -> " << r.family; }

class QuantFamily : public ::testing::TestWithParam<FamilyRow> {};

TEST_P(QuantFamily, MapsLlamaCppNamesToKernelFamilies) {
    EXPECT_EQ(quant_family(GetParam().quant), GetParam().family);
}

INSTANTIATE_TEST_SUITE_P(Table, QuantFamily, ::testing::Values(
    FamilyRow{"Q4_K_M", "q4_k"}, FamilyRow{"q4_k_s", "q4_k"}, FamilyRow{"Q4_K - Medium", "q4_k"},
    FamilyRow{"Q4_0", "q4_0"}, FamilyRow{"Q4_1", "q4_0"}, FamilyRow{"Q5_1", "q5_0"},
    FamilyRow{"Q5_K_M", "q5_k"}, FamilyRow{"Q6_K", "q6_k"}, FamilyRow{"Q8_0", "q8_0"},
    FamilyRow{"F16", "f16"}, FamilyRow{"BF16", "f16"}, FamilyRow{"F32", "f32"},
    FamilyRow{"IQ4_XS", "iq4"}, FamilyRow{"IQ2_XXS", "iq2"}, FamilyRow{"Q2_K", "q2_k"},
    FamilyRow{"Q3_K_L", "q3_k"}, FamilyRow{"MXFP4_MOE", "mxfp4"}, FamilyRow{"", ""},
    FamilyRow{"banana", ""}),
    [](const auto& p) { return "row" + std::to_string(p.index); });

TEST(SpeedLookup, UnknownBackendFallsBackToCuda) {
    SpeedTuning t;
    t.backends = {BackendTuning{Backend::Cuda, 0.7, 0.5, 0.0, 0.0}};
    EXPECT_DOUBLE_EQ(backend_tuning(t, Backend::Sycl).decode_bw_efficiency, 0.7);
}

TEST(SpeedLookup, FirstMatchingIsaWins) {
    SpeedTuning t;
    t.isas = {IsaTuning{"avx512f", 1.5, ""}, IsaTuning{"avx2", 1.0, ""}, IsaTuning{"", 0.4, ""}};
    CpuDevice cpu;
    cpu.features = {"sse4_2"};
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 0.4);
    cpu.features = {"avx2", "avx512f"};
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 1.5);
}

TEST(SpeedLookup, NamePrefixedIsaRowOnlyMatchesThoseCpus) {
    SpeedTuning t;
    t.isas = {IsaTuning{"dotprod", 2.0, "Apple M"}, IsaTuning{"dotprod", 0.45, ""},
              IsaTuning{"", 0.1, ""}};
    CpuDevice cpu;
    cpu.features = {"dotprod", "neon"};
    cpu.name = "Apple M2 Max";
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 2.0);
    cpu.name = "Cortex-A76";
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 0.45);
}

TEST(SpeedLookup, UnknownFeaturesAreNotNoSimd) {
    SpeedTuning t;
    t.isas = {IsaTuning{"avx2", 1.0, ""}, IsaTuning{"unknown", 0.45, ""}, IsaTuning{"", 0.1, ""}};
    CpuDevice cpu;  // no feature list at all
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 0.45);
    cpu.features = {"sse4_1"};  // known, and without AVX2
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 0.1);
    t.isas.erase(t.isas.begin() + 1);  // data without the row: the catch-all applies
    cpu.features.clear();
    EXPECT_DOUBLE_EQ(isa_factor(t, cpu), 0.1);
}

TEST(SpeedLookup, ThreadsDefaultToPhysicalCores) {
    CpuDevice cpu;
    cpu.physical_cores = 6;
    cpu.logical_cores = 12;
    SpeedQuery q;
    EXPECT_DOUBLE_EQ(cpu_threads(cpu, q), 6.0);
    q.threads = 3;
    EXPECT_DOUBLE_EQ(cpu_threads(cpu, q), 3.0);
}

}  // namespace
}  // namespace canrun::estimate
