#include <gtest/gtest.h>

#include <cmath>

#include "bench/quant_blocks.h"
#include "bench/quant_kernels.h"

namespace canrun::bench {
namespace {

class KernelMatchesReference : public ::testing::TestWithParam<FamilyInfo> {};

TEST_P(KernelMatchesReference, OnRandomBlocks) {
    const DotOperands ops = make_operands(GetParam().family, 1024, 3, 42);
    for (std::size_t r = 0; r < ops.rows; ++r) {
        const float ref = dot_row_reference(ops, r);
        const float got = dot_row(ops, r);
        const auto generic = static_cast<float>(dot_rows_generic(ops, r, 1));
        EXPECT_NEAR(got, ref, 1e-3 * std::max(1.0f, std::fabs(ref))) << "row " << r;
        EXPECT_NEAR(generic, ref, 1e-3 * std::max(1.0f, std::fabs(ref))) << "row " << r;
    }
}

INSTANTIATE_TEST_SUITE_P(Families, KernelMatchesReference,
                         ::testing::ValuesIn(quant_families().begin(), quant_families().end()),
                         [](const auto& p) { return std::string(p.param.id); });

TEST(BenchBlocks, HalfFloatRoundTripsNormalNumbers) {
    for (float f : {1.0f, -2.5f, 0.0009765625f, 65504.0f}) {
        EXPECT_EQ(f16_to_f32(f32_to_f16(f)), f);
    }
}

TEST(BenchBlocks, RowBytesFollowTheBlockLayouts) {
    EXPECT_EQ(row_bytes(QuantFamily::Q4_0, 4096), 4096U / 32 * 18);
    EXPECT_EQ(row_bytes(QuantFamily::Q8_0, 4096), 4096U / 32 * 34);
    EXPECT_EQ(row_bytes(QuantFamily::Q4_K, 4096), 4096U / 256 * 144);
    EXPECT_EQ(row_bytes(QuantFamily::Q6_K, 4096), 4096U / 256 * 210);
    EXPECT_EQ(row_bytes(QuantFamily::F16, 4096), 8192U);
}

}  // namespace
}  // namespace canrun::bench
