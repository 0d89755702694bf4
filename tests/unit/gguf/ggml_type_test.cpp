#include <gtest/gtest.h>

#include <set>

#include "gguf/ggml_type.h"

namespace canrun::gguf {
namespace {

struct Row {
    std::uint32_t id;
    const char* name;
    double bits_per_weight;  // memory-model.md §2.1
};

// Bits per weight as listed in the research table; block bytes * 8 / block elements must match.
constexpr Row kRows[] = {
    {0, "F32", 32},      {1, "F16", 16},       {2, "Q4_0", 4.5},      {3, "Q4_1", 5.0},
    {6, "Q5_0", 5.5},    {7, "Q5_1", 6.0},     {8, "Q8_0", 8.5},      {9, "Q8_1", 9.0},
    {10, "Q2_K", 2.625}, {11, "Q3_K", 3.4375}, {12, "Q4_K", 4.5},     {13, "Q5_K", 5.5},
    {14, "Q6_K", 6.5625}, {15, "Q8_K", 9.125}, {16, "IQ2_XXS", 2.0625}, {17, "IQ2_XS", 2.3125},
    {18, "IQ3_XXS", 3.0625}, {19, "IQ1_S", 1.5625}, {20, "IQ4_NL", 4.5}, {21, "IQ3_S", 3.4375},
    {22, "IQ2_S", 2.5625}, {23, "IQ4_XS", 4.25}, {24, "I8", 8},       {25, "I16", 16},
    {26, "I32", 32},     {27, "I64", 64},      {28, "F64", 64},       {29, "IQ1_M", 1.75},
    {30, "BF16", 16},    {34, "TQ1_0", 1.6875}, {35, "TQ2_0", 2.0625}, {39, "MXFP4", 4.25},
    {40, "NVFP4", 4.5},  {41, "Q1_0", 1.125},  {42, "Q2_0", 2.25},
};

TEST(GgmlType, EveryRowMatchesTheResearchTable) {
    for (const auto& row : kRows) {
        const auto t = ggml_type_info(row.id);
        ASSERT_TRUE(t) << row.name;
        EXPECT_EQ(t->name, row.name);
        EXPECT_EQ(t->id, row.id);
        const double bpw = 8.0 * t->block_bytes / t->block_elems;
        EXPECT_DOUBLE_EQ(bpw, row.bits_per_weight) << row.name;
        EXPECT_EQ(t->quantized, t->block_elems > 1) << row.name;
    }
    EXPECT_EQ(ggml_types().size(), std::size(kRows));
}

TEST(GgmlType, RemovedAndUnknownIdsAreNullopt) {
    for (const std::uint32_t id : {4U, 5U, 31U, 32U, 33U, 36U, 37U, 38U, 43U, 1000U, 0xffffffffU}) {
        EXPECT_FALSE(ggml_type_info(id)) << id;
    }
}

TEST(GgmlType, IdsAndNamesAreUniqueAndSorted) {
    std::set<std::string_view> names;
    std::uint32_t last = 0;
    for (const auto& t : ggml_types()) {
        EXPECT_TRUE(names.insert(t.name).second) << t.name;
        EXPECT_TRUE(t.id == 0 || t.id > last) << t.name;
        last = t.id;
    }
}

TEST(GgmlType, LookupByNameIsCaseInsensitive) {
    EXPECT_EQ(ggml_type_by_name("q8_0")->id, 8U);
    EXPECT_EQ(ggml_type_by_name("Q4_K")->id, 12U);
    EXPECT_EQ(ggml_type_by_name("bf16")->id, 30U);
    EXPECT_EQ(ggml_type_by_name("iq2_xxs")->id, 16U);
    EXPECT_FALSE(ggml_type_by_name("q4_k_m"));  // a file type (mix), not a tensor type
    EXPECT_FALSE(ggml_type_by_name(""));
}

TEST(GgmlType, RowBytes) {
    const auto q4k = *ggml_type_info(12);
    EXPECT_EQ(ggml_row_bytes(q4k, 4096), 4096U / 256 * 144);
    EXPECT_EQ(ggml_row_bytes(q4k, 0), 0U);
    EXPECT_FALSE(ggml_row_bytes(q4k, 4000));  // not a multiple of 256
    const auto f64 = *ggml_type_info(28);
    EXPECT_FALSE(ggml_row_bytes(f64, 1ULL << 62));  // overflows u64
    EXPECT_EQ(ggml_row_bytes(*ggml_type_info(39), 64), 34U);  // MXFP4: 2 blocks of 17
}

}  // namespace
}  // namespace canrun::gguf
