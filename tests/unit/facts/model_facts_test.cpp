#include "gguf/model_facts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "model_fixtures.h"

namespace canrun::gguf {
namespace {

using testing::DenseSpec;
using testing::dense_model;
using testing::parse_or_die;

ModelFacts facts_of(const testing::GgufBuilder& b) {
    auto f = extract_facts(parse_or_die(b));
    EXPECT_TRUE(f) << (f ? "" : f.error().message);
    return f ? *f : ModelFacts{};
}

bool has_note(const ModelFacts& f, std::string_view note) {
    return std::find(f.notes.begin(), f.notes.end(), note) != f.notes.end();
}

TEST(ModelFacts, DenseLlamaShapeFromKeys) {
    const auto f = facts_of(dense_model({.layers = 3}));
    EXPECT_EQ(f.arch, "llama");
    EXPECT_EQ(f.name, "Test llama");
    EXPECT_TRUE(f.arch_known);
    EXPECT_EQ(f.n_layer, 3U);
    EXPECT_EQ(f.n_embd, 256U);
    EXPECT_EQ(f.n_vocab, 1024U);  // length of tokenizer.ggml.tokens
    EXPECT_EQ(f.n_ctx_train, 4096U);
    ASSERT_EQ(f.layers.size(), 3U);
    EXPECT_EQ(f.layers[1].n_head, 8U);
    EXPECT_EQ(f.layers[1].n_head_kv, 2U);
    EXPECT_EQ(f.layers[1].head_dim_k, 32U);  // n_embd / n_head
    EXPECT_EQ(f.layers[1].head_dim_v, 32U);
    EXPECT_TRUE(f.layers[1].has_kv);
    EXPECT_FALSE(f.layers[1].recurrent);
    EXPECT_FALSE(f.layers[1].sliding_window);
    EXPECT_EQ(f.quant, "Q4_K_M");
    EXPECT_FALSE(f.tied_embeddings);
}

TEST(ModelFacts, ParamsAndBytesAreSumsOverTensors) {
    const auto b = dense_model({.layers = 2});
    const auto f = facts_of(b);
    std::uint64_t bytes = 0;
    for (const auto& t : b.tensors()) {
        bytes += t.bytes;
    }
    // 2 x (2 norms x 256 + q,o 256x256 + k,v 256x64 + 3 x 256x512) + embd/output 2 x 256x1024 + norm
    const std::uint64_t layer = 2 * 256 + 2 * 65536 + 2 * 16384 + 3 * 131072;
    EXPECT_EQ(f.params, 2 * layer + 2 * 262144 + 256);
    EXPECT_EQ(f.tensor_bytes, bytes);
    EXPECT_EQ(f.layers[0].params, layer);
    EXPECT_EQ(f.token_embd_bytes, 262144U / 256 * 144);     // Q4_K: 144 B per 256
    EXPECT_EQ(f.output_bytes, 262144U / 256 * 210 + 256 * 4);  // Q6_K output + F32 norm
    EXPECT_EQ(f.bytes_of(TensorClass::Norms), (2 * 2 * 256 + 256) * 4U);
    EXPECT_EQ(f.bytes_of(TensorClass::Experts), 0U);
    EXPECT_EQ(f.active_params, f.params);
}

TEST(ModelFacts, TiedEmbeddingsWhenNoOutputTensor) {
    const auto f = facts_of(dense_model({.tied = true}));
    EXPECT_TRUE(f.tied_embeddings);
    EXPECT_EQ(f.output_bytes, 256U * 4);  // only output_norm
}

TEST(ModelFacts, MoeActiveParamsCountUsedExpertsOnly) {
    const auto f = facts_of(dense_model({.arch = "qwen3moe", .experts = 8, .experts_used = 2}));
    EXPECT_EQ(f.n_expert, 8U);
    EXPECT_EQ(f.n_expert_used, 2U);
    const std::uint64_t experts_per_layer = 3ULL * 256 * 512 * 8;
    EXPECT_EQ(f.layers[0].expert_params, experts_per_layer);
    EXPECT_GT(f.bytes_of(TensorClass::Experts), 0U);
    EXPECT_EQ(f.params - f.active_params, 2 * experts_per_layer * 6 / 8);
}

TEST(ModelFacts, MissingArchitectureIsAnError) {
    testing::GgufBuilder b;
    b.kv_u32("llama.block_count", 2);
    const auto f = extract_facts(parse_or_die(b));
    ASSERT_FALSE(f);
    EXPECT_EQ(f.error().code, ExitCode::BadInput);
    EXPECT_NE(f.error().message.find("general.architecture"), std::string::npos);
}

TEST(ModelFacts, MissingBlockCountIsAnError) {
    testing::GgufBuilder b;
    b.kv_str("general.architecture", "llama");
    const auto f = extract_facts(parse_or_die(b));
    ASSERT_FALSE(f);
    EXPECT_NE(f.error().message.find("llama.block_count"), std::string::npos);
}

TEST(ModelFacts, UnknownArchitectureUsesGenericKeysWithANote) {
    const auto f = facts_of(dense_model({.arch = "brandnew"}));
    EXPECT_FALSE(f.arch_known);
    EXPECT_TRUE(has_note(f, "facts.unknown_arch"));
    EXPECT_EQ(f.layers[0].n_head_kv, 2U);
    EXPECT_TRUE(f.layers[0].has_kv);
}

TEST(ModelFacts, VocabFromTokenEmbeddingWhenNoTokenizer) {
    testing::GgufBuilder b;
    b.kv_str("general.architecture", "llama").kv_u32("llama.block_count", 1);
    b.tensor("token_embd.weight", testing::kF16, {64, 500});
    const auto f = facts_of(b);
    EXPECT_EQ(f.n_vocab, 500U);
    EXPECT_EQ(f.n_embd, 64U);  // no embedding_length: from the tensor
    EXPECT_TRUE(has_note(f, "facts.vocab_from_tensor"));
    EXPECT_TRUE(has_note(f, "facts.no_context_length"));
    EXPECT_EQ(f.quant, "F16");  // no general.file_type: majority tensor type
}

TEST(ModelFacts, HeadCountArraysArePerLayer) {
    const auto b = dense_model({.layers = 3, .heads_kv_per_layer = {2, 4, 8}});
    const auto f = facts_of(b);
    EXPECT_EQ(f.layers[0].n_head_kv, 2U);
    EXPECT_EQ(f.layers[2].n_head_kv, 8U);
}

TEST(ModelFacts, ToModelShapeCarriesLayersAndTotals) {
    const auto f = facts_of(dense_model({.layers = 2}));
    const auto s = to_model_shape(f);
    EXPECT_EQ(s.n_layer(), 2U);
    EXPECT_EQ(s.n_vocab, 1024U);
    EXPECT_EQ(s.layers[1].n_head_kv, 2U);
    EXPECT_EQ(s.layers[1].memory, estimate::LayerMemory::Kv);
    EXPECT_EQ(s.weight_bytes(), f.tensor_bytes);
    EXPECT_EQ(s.params, f.params);
}

TEST(ModelFacts, TensorsBeyondBlockCountGiveOneNote) {
    auto b = dense_model({.layers = 1});
    b.tensor("blk.5.attn_q.weight", testing::kF16, {256, 256});
    b.tensor("blk.6.attn_q.weight", testing::kF16, {256, 256});
    const auto f = facts_of(b);
    EXPECT_EQ(std::count(f.notes.begin(), f.notes.end(), "facts.tensor_beyond_block_count"), 1);
    EXPECT_EQ(f.other_bytes, 2U * 256 * 256 * 2);
}

TEST(ModelFacts, MoeWithoutUsedCountKeepsAllParamsActive) {
    auto b = dense_model({.arch = "qwen3moe", .experts = 4, .experts_used = 0});
    const auto f = facts_of(b);
    EXPECT_EQ(f.active_params, f.params);
}

}  // namespace
}  // namespace canrun::gguf
