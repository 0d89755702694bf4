// Per-architecture rules: sliding-window patterns, recurrent layers, MLA, shared KV layers.
#include <gtest/gtest.h>

#include "gguf/model_facts.h"
#include "model_fixtures.h"

namespace canrun::gguf {
namespace {

using testing::meta_model;
using testing::parse_or_die;

ModelFacts facts_of(const testing::GgufBuilder& b) {
    auto f = extract_facts(parse_or_die(b));
    EXPECT_TRUE(f) << (f ? "" : f.error().message);
    return f ? *f : ModelFacts{};
}

std::vector<std::uint32_t> swa_layers(const ModelFacts& f) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t il = 0; il < f.n_layer; ++il) {
        if (f.layers[il].sliding_window) {
            out.push_back(il);
        }
    }
    return out;
}

std::vector<std::uint32_t> recurrent_layers(const ModelFacts& f) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t il = 0; il < f.n_layer; ++il) {
        if (f.layers[il].recurrent) {
            out.push_back(il);
        }
    }
    return out;
}

TEST(ArchRules, Gemma3FiveLocalLayersThenOneGlobal) {
    auto b = meta_model("gemma3", 62, 5376, 32, 16);
    b.kv_u32("gemma3.attention.sliding_window", 1024).kv_u32("gemma3.attention.key_length", 128);
    const auto f = facts_of(b);
    EXPECT_EQ(f.swa, SwaKind::Standard);
    EXPECT_EQ(f.n_swa, 1024U);
    EXPECT_EQ(swa_layers(f).size(), 52U);  // 62 layers: 10 global (5, 11, ..., 59), 52 SWA
    EXPECT_FALSE(f.layers[5].sliding_window);
    EXPECT_TRUE(f.layers[60].sliding_window);
    EXPECT_EQ(f.layers[0].head_dim_k, 128U);
}

TEST(ArchRules, Gemma3WithoutWindowKeyHasNoSwa) {
    const auto f = facts_of(meta_model("gemma3", 6, 1024, 8, 4));
    EXPECT_EQ(f.swa, SwaKind::None);
    EXPECT_TRUE(swa_layers(f).empty());
}

TEST(ArchRules, Gemma2AlternatesWithDefaultWindow) {
    const auto f = facts_of(meta_model("gemma2", 4, 1024, 8, 4));
    EXPECT_EQ(f.n_swa, 4096U);
    EXPECT_EQ(swa_layers(f), (std::vector<std::uint32_t>{0, 2}));
}

TEST(ArchRules, GptOssAndCohere2Periods) {
    auto g = meta_model("gpt-oss", 4, 2880, 64, 8);
    g.kv_u32("gpt-oss.attention.sliding_window", 128);
    EXPECT_EQ(swa_layers(facts_of(g)), (std::vector<std::uint32_t>{0, 2}));
    auto c = meta_model("cohere2", 8, 4096, 32, 8);
    c.kv_u32("cohere2.attention.sliding_window", 4096);
    EXPECT_EQ(swa_layers(facts_of(c)), (std::vector<std::uint32_t>{0, 1, 2, 4, 5, 6}));
}

TEST(ArchRules, Llama4ChunkedThreeOfFour) {
    const auto f = facts_of(meta_model("llama4", 8, 5120, 40, 8));
    EXPECT_EQ(f.swa, SwaKind::Chunked);
    EXPECT_EQ(f.n_swa, 8192U);
    EXPECT_EQ(swa_layers(f), (std::vector<std::uint32_t>{0, 1, 2, 4, 5, 6}));
}

TEST(ArchRules, ExplicitPerLayerPatternWins) {
    auto b = meta_model("gemma3", 4, 1024, 8, 4);
    b.kv_u32("gemma3.attention.sliding_window", 512);
    b.kv("gemma3.attention.sliding_window_pattern", testing::bool_array({false, true, true, false}));
    EXPECT_EQ(swa_layers(facts_of(b)), (std::vector<std::uint32_t>{1, 2}));
}

TEST(ArchRules, SwaLayersUseTheirOwnHeadSize) {
    auto b = meta_model("gemma4", 2, 1024, 8, 4);
    b.kv_u32("gemma4.attention.sliding_window", 512).kv_u32("gemma4.attention.key_length", 512);
    b.kv_u32("gemma4.attention.key_length_swa", 256).kv_u32("gemma4.attention.value_length_swa", 256);
    b.kv("gemma4.attention.sliding_window_pattern", testing::bool_array({true, false}));
    const auto f = facts_of(b);
    EXPECT_EQ(f.layers[0].head_dim_k, 256U);
    EXPECT_EQ(f.layers[1].head_dim_k, 512U);
}

TEST(ArchRules, Qwen3NextEveryFourthLayerIsAttention) {
    auto b = meta_model("qwen3next", 48, 2048, 16, 2);
    b.kv_u32("qwen3next.attention.key_length", 256).kv_u32("qwen3next.attention.value_length", 256);
    b.kv_u32("qwen3next.ssm.conv_kernel", 4).kv_u32("qwen3next.ssm.inner_size", 4096);
    b.kv_u32("qwen3next.ssm.state_size", 128).kv_u32("qwen3next.ssm.group_count", 16);
    const auto f = facts_of(b);
    EXPECT_EQ(recurrent_layers(f).size(), 36U);
    EXPECT_FALSE(f.layers[3].recurrent);
    EXPECT_TRUE(f.layers[3].has_kv);
    EXPECT_TRUE(f.layers[0].recurrent);
    EXPECT_FALSE(f.layers[0].has_kv);
    EXPECT_EQ(f.recurrent_conv_elems, 3U * (4096 + 2 * 16 * 128));  // 24,576
    EXPECT_EQ(f.recurrent_ssm_elems, 128U * 4096);                   // 524,288
}

TEST(ArchRules, HybridZeroKvHeadsMarkRecurrentLayers) {
    auto b = meta_model("granitehybrid", 4, 1536, 12, 0);
    b.kv_array_u32("granitehybrid.attention.head_count_kv", {0, 0, 4, 0});
    b.kv_u32("granitehybrid.ssm.conv_kernel", 4).kv_u32("granitehybrid.ssm.inner_size", 3072);
    b.kv_u32("granitehybrid.ssm.state_size", 128).kv_u32("granitehybrid.ssm.group_count", 1);
    const auto f = facts_of(b);
    EXPECT_EQ(recurrent_layers(f), (std::vector<std::uint32_t>{0, 1, 3}));
    EXPECT_TRUE(f.layers[2].has_kv);
}

TEST(ArchRules, NemotronHMlpLayersKeepNothing) {
    auto b = meta_model("nemotron_h", 3, 4096, 32, 0);
    b.kv_array_u32("nemotron_h.attention.head_count_kv", {0, 8, 0});
    b.kv_array_u32("nemotron_h.feed_forward_length", {0, 0, 21504});
    const auto f = facts_of(b);
    EXPECT_TRUE(f.layers[0].recurrent);
    EXPECT_TRUE(f.layers[1].has_kv);
    EXPECT_FALSE(f.layers[2].recurrent);
    EXPECT_FALSE(f.layers[2].has_kv);
}

TEST(ArchRules, FalconH1LayersHaveBothKvAndState) {
    const auto f = facts_of(meta_model("falcon-h1", 2, 1024, 8, 2));
    EXPECT_TRUE(f.layers[0].recurrent);
    EXPECT_TRUE(f.layers[0].has_kv);
    const auto s = to_model_shape(f);
    EXPECT_EQ(s.layers[0].memory, estimate::LayerMemory::Kv);
    EXPECT_TRUE(s.layers[0].recurrent_state);
}

TEST(ArchRules, MambaAndRwkvAreAllRecurrent) {
    auto m = meta_model("mamba", 2, 2560, 0, 0);
    m.kv_u32("mamba.ssm.conv_kernel", 4).kv_u32("mamba.ssm.inner_size", 5120);
    m.kv_u32("mamba.ssm.state_size", 16);
    const auto fm = facts_of(m);
    EXPECT_EQ(recurrent_layers(fm).size(), 2U);
    EXPECT_EQ(fm.recurrent_conv_elems, 3U * 5120);
    EXPECT_EQ(fm.recurrent_ssm_elems, 16U * 5120);
    auto r = meta_model("rwkv7", 2, 2048, 0, 0);
    r.kv_u32("rwkv7.wkv.head_size", 64);
    const auto fr = facts_of(r);
    EXPECT_EQ(fr.recurrent_conv_elems, 2U * 2048);  // token_shift_count defaults to 2
    EXPECT_EQ(fr.recurrent_ssm_elems, 2048U * 64);
    EXPECT_FALSE(fr.layers[0].has_kv);
}

TEST(ArchRules, DeepSeekMlaCachesTheLatent) {
    auto b = meta_model("deepseek2", 61, 7168, 128, 1);
    b.kv_u32("deepseek2.attention.key_length", 576).kv_u32("deepseek2.attention.value_length", 512);
    b.kv_u32("deepseek2.attention.key_length_mla", 192).kv_u32("deepseek2.attention.value_length_mla", 128);
    b.kv_u32("deepseek2.attention.kv_lora_rank", 512).kv_u32("deepseek2.attention.q_lora_rank", 1536);
    const auto f = facts_of(b);
    EXPECT_TRUE(f.mla);
    EXPECT_EQ(f.kv_lora_rank, 512U);
    EXPECT_EQ(f.layers[0].n_head_kv, 1U);
    EXPECT_EQ(f.layers[0].head_dim_k, 576U);
    EXPECT_EQ(f.layers[0].head_dim_v, 512U);
    EXPECT_TRUE(to_model_shape(f).mla);
}

TEST(ArchRules, SharedKvLayersOwnNoCache) {
    auto b = meta_model("gemma4", 6, 1024, 8, 4);
    b.kv_u32("gemma4.attention.sliding_window", 512).kv_u32("gemma4.attention.shared_kv_layers", 2);
    const auto f = facts_of(b);
    EXPECT_TRUE(f.layers[3].has_kv);
    EXPECT_FALSE(f.layers[4].has_kv);
    EXPECT_FALSE(f.layers[5].has_kv);
}

TEST(ArchRules, EncoderHasNoKvCache) {
    const auto f = facts_of(meta_model("bert", 2, 768, 12, 12));
    EXPECT_FALSE(f.layers[0].has_kv);
}

}  // namespace
}  // namespace canrun::gguf
