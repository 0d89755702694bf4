// The quantization recipe against published numbers: the bits-per-weight column of llama.cpp
// tools/quantize/README.md (Llama-3.1-8B, memory-model.md §2.3), and single rules of
// llama.cpp src/llama-quant.cpp.
#include "gguf/quant_recipe.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gguf/ggml_type.h"
#include "gguf/llama_ftype.h"

namespace canrun::gguf {
namespace {

constexpr std::uint32_t kF32 = 0, kF16 = 1;

// Llama-3.1-8B as convert_hf_to_gguf writes it (F16 weights, F32 norms and rope_freqs).
std::vector<RecipeTensor> llama31_8b() {
    const std::uint64_t e = 4096, kv = 1024, ff = 14336, vocab = 128256;
    std::vector<RecipeTensor> t = {{"token_embd.weight", {e, vocab}, kF16},
                                   {"rope_freqs.weight", {64}, kF32},
                                   {"output_norm.weight", {e}, kF32},
                                   {"output.weight", {e, vocab}, kF16}};
    for (int i = 0; i < 32; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        t.push_back({p + "attn_norm.weight", {e}, kF32});
        t.push_back({p + "attn_q.weight", {e, e}, kF16});
        t.push_back({p + "attn_k.weight", {e, kv}, kF16});
        t.push_back({p + "attn_v.weight", {e, kv}, kF16});
        t.push_back({p + "attn_output.weight", {e, e}, kF16});
        t.push_back({p + "ffn_norm.weight", {e}, kF32});
        t.push_back({p + "ffn_gate.weight", {e, ff}, kF16});
        t.push_back({p + "ffn_up.weight", {e, ff}, kF16});
        t.push_back({p + "ffn_down.weight", {ff, e}, kF16});
    }
    return t;
}

QuantModel llama31_8b_model() {
    QuantModel m;
    m.arch = "llama";
    m.n_layer = 32;
    m.n_gqa = 4;
    return m;
}

struct Sizes {
    std::uint64_t bytes = 0;
    std::uint64_t elements = 0;
};

Sizes sizes(const std::vector<RecipeTensor>& tensors, const std::vector<std::uint32_t>& types) {
    Sizes s;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        std::uint64_t n = 1;
        for (auto d : tensors[i].shape) n *= d;
        const auto info = ggml_type_info(types[i]);
        EXPECT_TRUE(info.has_value()) << tensors[i].name;
        const auto row = ggml_row_bytes(*info, tensors[i].shape[0]);
        EXPECT_TRUE(row.has_value()) << tensors[i].name;
        s.bytes += *row * (n / tensors[i].shape[0]);
        s.elements += n;
    }
    return s;
}

struct BpwRow {
    const char* ftype;
    double bpw;  // llama.cpp tools/quantize/README.md (commit f4a71e70)
    bool imatrix = false;  // IQ3_XXS needs an importance matrix, so its row was made with one
};

class Llama31Bpw : public ::testing::TestWithParam<BpwRow> {};

TEST_P(Llama31Bpw, MatchesQuantizeReadme) {
    const auto ftype = llama_ftype_by_name(GetParam().ftype);
    ASSERT_TRUE(ftype.has_value());
    const auto tensors = llama31_8b();
    auto model = llama31_8b_model();
    model.has_imatrix = GetParam().imatrix;
    const auto s = sizes(tensors, quant_types(tensors, model, ftype->ftype));
    const double bpw = 8.0 * static_cast<double>(s.bytes) / static_cast<double>(s.elements);
    EXPECT_NEAR(bpw, GetParam().bpw, 0.00005) << GetParam().ftype;
}

INSTANTIATE_TEST_SUITE_P(
    QuantizeReadme, Llama31Bpw,
    ::testing::Values(BpwRow{"Q2_K", 3.1593}, BpwRow{"Q3_K_S", 3.6429},
                      BpwRow{"Q3_K_L", 4.2979}, BpwRow{"Q4_K_S", 4.6672},
                      BpwRow{"Q4_K_M", 4.8944}, BpwRow{"Q5_K_S", 5.5704},
                      BpwRow{"Q5_K_M", 5.7036}, BpwRow{"Q6_K", 6.5633},
                      BpwRow{"Q8_0", 8.5008}, BpwRow{"IQ4_XS", 4.4597},
                      BpwRow{"IQ4_NL", 4.6818}, BpwRow{"F16", 16.0005},
                      BpwRow{"IQ1_S", 2.0042}, BpwRow{"IQ1_M", 2.1460},
                      BpwRow{"IQ2_XXS", 2.3824}, BpwRow{"IQ2_XS", 2.5882},
                      BpwRow{"IQ2_S", 2.7403}, BpwRow{"IQ2_M", 2.9294},
                      BpwRow{"IQ3_XXS", 3.2548, true}, BpwRow{"IQ3_XS", 3.4977},
                      BpwRow{"IQ3_S", 3.6606}, BpwRow{"IQ3_M", 3.7628},
                      BpwRow{"Q2_K_S", 2.9697}),
    [](const auto& row) { return std::string(row.param.ftype); });

TEST(QuantRecipe, Llama31Q4KMTensorCountsAndBytes) {
    // memory-model.md §7.1: 193 x Q4_K, 33 x Q6_K, 66 x F32; 4,912,898,304 bytes.
    const auto tensors = llama31_8b();
    const auto types = quant_types(tensors, llama31_8b_model(), LlamaFtype::Q4_K_M);
    std::map<std::uint32_t, int> count;
    for (auto t : types) ++count[t];
    EXPECT_EQ(count[12], 193);
    EXPECT_EQ(count[14], 33);
    EXPECT_EQ(count[kF32], 66);
    EXPECT_EQ(sizes(tensors, types).bytes, 4'912'898'304ULL);
}

// quant_types visits tensors by (layer, name) whatever order they come in: the same tensor gets
// the same type from the converter's order and from the reverse. In Q4_K_M the attn_v and
// ffn_down types depend on that visiting order (use_more_bits by position).
TEST(QuantRecipe, TypesDoNotDependOnInputOrder) {
    const auto tensors = llama31_8b();
    const auto types = quant_types(tensors, llama31_8b_model(), LlamaFtype::Q4_K_M);
    const std::vector<RecipeTensor> reversed(tensors.rbegin(), tensors.rend());
    const auto reversed_types = quant_types(reversed, llama31_8b_model(), LlamaFtype::Q4_K_M);
    ASSERT_EQ(types.size(), reversed_types.size());
    std::map<std::string, std::uint32_t> by_name;
    for (std::size_t i = 0; i < tensors.size(); ++i) by_name[tensors[i].name] = types[i];
    for (std::size_t i = 0; i < reversed.size(); ++i) {
        EXPECT_EQ(reversed_types[i], by_name[reversed[i].name]) << reversed[i].name;
    }
    // blk.0 and blk.31 are among the first and last eighth: Q6_K; blk.4 is not (use_more_bits).
    EXPECT_EQ(by_name["blk.0.attn_v.weight"], 14U);
    EXPECT_EQ(by_name["blk.31.ffn_down.weight"], 14U);
    EXPECT_EQ(by_name["blk.4.attn_v.weight"], 12U);
}

// A layer number no converter writes takes the plain sort and still gets the rules.
TEST(QuantRecipe, HugeLayerNumbersStillSort) {
    const std::uint64_t e = 4096;
    const std::vector<RecipeTensor> tensors = {{"blk.4000000000.attn_v.weight", {e, e}, kF16},
                                               {"blk.0.attn_v.weight", {e, e}, kF16},
                                               {"output.weight", {e, 32000}, kF16}};
    QuantModel m = llama31_8b_model();
    m.n_layer = 2;
    const auto types = quant_types(tensors, m, LlamaFtype::Q8_0);
    EXPECT_EQ(types[0], 8U);
    EXPECT_EQ(types[1], 8U);
}

TEST(QuantRecipe, Llama31Q3KMAndQ40MatchQuantizeHelp) {
    // memory-model.md §2.2: Q3_K_M 3.74 GiB, Q4_0 4.33-4.34 GiB (quantize.cpp help strings).
    const auto tensors = llama31_8b();
    const auto q3 = sizes(tensors, quant_types(tensors, llama31_8b_model(), LlamaFtype::Q3_K_M));
    const auto q4 = sizes(tensors, quant_types(tensors, llama31_8b_model(), LlamaFtype::Q4_0));
    EXPECT_NEAR(8.0 * q3.bytes / q3.elements, 3.9960, 0.00005);
    EXPECT_NEAR(8.0 * q4.bytes / q4.elements, 4.6358, 0.00005);
}

const std::vector<std::uint64_t> kSquare = {4096, 4096};

std::uint32_t type_of(std::string_view name, std::span<const std::uint64_t> shape,
                      const QuantModel& m, LlamaFtype f, std::uint32_t attn_v_index = 0) {
    return quant_type_for(QuantTensor{name, shape, kF16, attn_v_index}, m, f);
}

TEST(QuantRecipe, NormsBiasesRoutersAnd1dStayAsConverted) {
    const auto m = llama31_8b_model();
    const std::vector<std::uint64_t> vec = {4096};
    const std::vector<std::uint64_t> router = {2048, 128};
    EXPECT_EQ(quant_type_for({"blk.0.attn_norm.weight", vec, kF32}, m, LlamaFtype::Q4_K_M), kF32);
    EXPECT_EQ(quant_type_for({"blk.0.attn_q.bias", vec, kF32}, m, LlamaFtype::Q4_K_M), kF32);
    EXPECT_EQ(quant_type_for({"blk.0.ffn_gate_inp.weight", router, kF32}, m, LlamaFtype::Q4_K_M),
              kF32);
    EXPECT_EQ(quant_type_for({"blk.0.attn_q_norm.weight", vec, kF32}, m, LlamaFtype::Q8_0), kF32);
    EXPECT_FALSE(quantizable("blk.0.ffn_gate_inp.weight", router));
    EXPECT_TRUE(quantizable("blk.0.ffn_up_exps.weight", std::vector<std::uint64_t>{64, 32, 8}));
}

TEST(QuantRecipe, TiedEmbeddingsTakeTheOutputRule) {
    auto m = llama31_8b_model();
    const std::vector<std::uint64_t> embd = {2048, 128256};
    EXPECT_EQ(type_of("token_embd.weight", embd, m, LlamaFtype::Q4_K_M), 12u);  // Q4_K
    m.has_output = false;
    EXPECT_EQ(type_of("token_embd.weight", embd, m, LlamaFtype::Q4_K_M), 14u);  // Q6_K
    EXPECT_EQ(type_of("token_embd.weight", embd, m, LlamaFtype::Q8_0), 8u);     // Q8_0 stays
}

TEST(QuantRecipe, RowsNotDivisibleBy256FallBack) {
    const auto m = llama31_8b_model();
    const std::vector<std::uint64_t> odd = {2880, 2880};  // gpt-oss-like width: 2880 % 256 != 0
    const std::vector<std::uint64_t> odd16 = {2056, 64};  // 2056 % 32 != 0
    EXPECT_EQ(type_of("blk.9.attn_q.weight", odd, m, LlamaFtype::Q4_K_M), 6u);   // Q5_0
    EXPECT_EQ(type_of("blk.9.attn_q.weight", odd, m, LlamaFtype::Q5_K_S), 7u);   // Q5_1
    EXPECT_EQ(type_of("blk.9.attn_q.weight", odd, m, LlamaFtype::Q6_K), 8u);     // Q8_0
    EXPECT_EQ(type_of("blk.9.attn_q.weight", odd, m, LlamaFtype::Q3_K_S), 2u);   // Q4_0
    EXPECT_EQ(type_of("blk.9.attn_q.weight", odd, m, LlamaFtype::IQ4_XS), 20u);  // IQ4_NL
    EXPECT_EQ(type_of("blk.9.attn_q.weight", odd16, m, LlamaFtype::Q4_K_M), kF16);
    EXPECT_EQ(type_of("output.weight", odd, m, LlamaFtype::Q4_K_M), 8u);         // Q8_0
}

TEST(QuantRecipe, EightExpertModelsKeepAttentionHigh) {
    QuantModel m = llama31_8b_model();
    m.n_expert = 8;
    EXPECT_EQ(type_of("blk.3.attn_v.weight", kSquare, m, LlamaFtype::Q4_K_M, 3), 8u);  // Q8_0
    EXPECT_EQ(type_of("blk.3.attn_k.weight", kSquare, m, LlamaFtype::Q4_K_M), 8u);
    EXPECT_EQ(type_of("blk.3.attn_output.weight", kSquare, m, LlamaFtype::Q4_K_M), 13u);
}

TEST(QuantRecipe, Mxfp4MoeExpertsOnly) {
    QuantModel m = llama31_8b_model();
    m.n_expert = 32;
    const std::vector<std::uint64_t> experts = {2880, 2880, 32};
    const std::vector<std::uint64_t> attn = {2880, 4096};
    EXPECT_EQ(type_of("blk.0.ffn_up_exps.weight", experts, m, LlamaFtype::MXFP4_MOE), 39u);
    EXPECT_EQ(type_of("blk.0.attn_q.weight", attn, m, LlamaFtype::MXFP4_MOE), 8u);
    EXPECT_EQ(type_of("output.weight", attn, m, LlamaFtype::MXFP4_MOE), 8u);
}

TEST(QuantRecipe, UseMoreBitsPattern) {
    // Q4_K_M: attn_v is Q6_K in exactly 16 of 32 layers: 0-3, 6, 9, ..., 27, 28-31.
    const auto m = llama31_8b_model();
    const std::vector<std::uint64_t> v = {4096, 1024};
    std::vector<int> q6;
    for (std::uint32_t i = 0; i < 32; ++i) {
        const std::string name = "blk." + std::to_string(i) + ".attn_v.weight";
        if (type_of(name, v, m, LlamaFtype::Q4_K_M, i) == 14u) q6.push_back(static_cast<int>(i));
    }
    EXPECT_EQ(q6, (std::vector<int>{0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31}));
}

TEST(LlamaFtype, NamesAndIds) {
    EXPECT_EQ(llama_ftype_by_name("q4_k_m")->ftype, LlamaFtype::Q4_K_M);
    EXPECT_EQ(static_cast<std::uint32_t>(llama_ftype_by_name("MXFP4_MOE")->ftype), 38u);
    EXPECT_EQ(llama_ftype_info(15u)->name, "Q4_K_M");
    EXPECT_EQ(llama_ftype_info(0u)->name, "F32");
    EXPECT_FALSE(llama_ftype_info(4u).has_value());     // Q4_1_SOME_F16, removed
    EXPECT_FALSE(llama_ftype_info(1024u).has_value());  // GUESSED, never in a file
    EXPECT_FALSE(llama_ftype_by_name("Q4_K").has_value());
    for (const auto& f : llama_ftypes()) {
        EXPECT_TRUE(ggml_type_info(f.default_type).has_value()) << f.name;
        EXPECT_EQ(llama_ftype_by_name(f.name)->ftype, f.ftype);
    }
}

TEST(QuantRecipe, TensorLayer) {
    EXPECT_EQ(layer_of("blk.17.ffn_down.weight"), 17);
    EXPECT_EQ(layer_of("token_embd.weight"), -1);
    EXPECT_EQ(layer_of("blk.x.ffn_down.weight"), -1);
    EXPECT_EQ(layer_of("blk.3"), -1);
}

}  // namespace
}  // namespace canrun::gguf
