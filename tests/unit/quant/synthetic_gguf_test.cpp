// Synthetic GGUF headers against published facts: tensor counts, types and total bytes of real
// quantized files (memory-model.md §7.1, §7.2; the Qwen2.5-32B total equals a real llama.cpp log
// line "CPU_Mapped model buffer size = 18926.01 MiB").
#include "catalog/synthetic_gguf.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

namespace canrun::catalog {
namespace {

ArchSpec llama31_8b() {
    ArchSpec s;
    s.arch = "llama";
    s.name = "Llama-3.1-8B";
    s.n_layer = 32;
    s.n_embd = 4096;
    s.n_ff = 14336;
    s.n_head = 32;
    s.n_head_kv = 8;
    s.n_vocab = 128256;
    s.n_ctx_train = 131072;
    s.rope_freqs = true;
    return s;
}

ArchSpec qwen25_32b() {
    ArchSpec s;
    s.arch = "qwen2";
    s.name = "Qwen2.5-32B";
    s.n_layer = 64;
    s.n_embd = 5120;
    s.n_ff = 27648;
    s.n_head = 40;
    s.n_head_kv = 8;
    s.n_vocab = 152064;
    s.n_ctx_train = 32768;
    s.attn_bias = true;
    return s;
}

std::uint64_t tensor_bytes(const gguf::GgufFile& f) {
    std::uint64_t n = 0;
    for (const auto& t : f.tensors) n += t.bytes;
    return n;
}

std::map<std::string, int> type_counts(const gguf::GgufFile& f) {
    std::map<std::string, int> counts;
    for (const auto& t : f.tensors) ++counts[std::string(t.type.name)];
    return counts;
}

TEST(SyntheticGguf, Llama31_8B_Q4_K_M) {
    const auto f = synthesize_gguf(llama31_8b(), gguf::LlamaFtype::Q4_K_M);
    EXPECT_EQ(f.tensors.size(), 292u);
    EXPECT_EQ(tensor_bytes(f), 4'912'898'304ULL);
    const auto counts = type_counts(f);
    EXPECT_EQ(counts.at("Q4_K"), 193);
    EXPECT_EQ(counts.at("Q6_K"), 33);
    EXPECT_EQ(counts.at("F32"), 66);
    EXPECT_EQ(f.get_uint("general.file_type"), 15u);
    EXPECT_EQ(f.get_uint("llama.vocab_size"), 128256u);
    EXPECT_EQ(f.get_uint("llama.attention.head_count_kv"), 8u);
}

TEST(SyntheticGguf, Qwen25_32B_Q4_K_M_MatchesARealLog) {
    const auto f = synthesize_gguf(qwen25_32b(), gguf::LlamaFtype::Q4_K_M);
    EXPECT_EQ(f.tensors.size(), 771u);
    EXPECT_EQ(tensor_bytes(f), 19'845'357'568ULL);
    const auto counts = type_counts(f);
    EXPECT_EQ(counts.at("Q4_K"), 385);
    EXPECT_EQ(counts.at("Q6_K"), 65);
    EXPECT_EQ(counts.at("F32"), 321);
}

TEST(SyntheticGguf, LayoutIsAlignedAndContiguous) {
    const auto f = synthesize_gguf(llama31_8b(), gguf::LlamaFtype::Q8_0);
    ASSERT_FALSE(f.tensors.empty());
    std::uint64_t expect = 0;
    std::set<std::string> names;
    for (const auto& t : f.tensors) {
        EXPECT_EQ(t.offset % 32, 0u) << t.name;
        EXPECT_EQ(t.offset, expect) << t.name;
        expect = (t.offset + t.bytes + 31) / 32 * 32;
        EXPECT_TRUE(names.insert(t.name).second) << "duplicate " << t.name;
    }
    EXPECT_EQ(f.data_offset % 32, 0u);
    EXPECT_EQ(f.file_bytes, f.data_offset + expect);
}

TEST(SyntheticGguf, TiedEmbeddingsHaveNoOutputAndAQ6KEmbedding) {
    ArchSpec s = llama31_8b();
    s.tied_embeddings = true;
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q4_K_M);
    EXPECT_EQ(f.find_tensor("output.weight"), nullptr);
    ASSERT_NE(f.find_tensor("token_embd.weight"), nullptr);
    EXPECT_EQ(f.find_tensor("token_embd.weight")->type.name, "Q6_K");
}

TEST(SyntheticGguf, MoeAndMlaTensors) {
    ArchSpec s;  // DeepSeek-V2-Lite shape
    s.arch = "deepseek2";
    s.n_layer = 27;
    s.n_embd = 2048;
    s.n_ff = 10944;
    s.n_head = 16;
    s.n_vocab = 102400;
    s.n_ctx_train = 163840;
    s.n_expert = 64;
    s.n_expert_used = 6;
    s.n_expert_shared = 2;
    s.n_ff_expert = 1408;
    s.n_leading_dense = 1;
    s.kv_lora_rank = 512;
    s.qk_rope_dim = 64;
    s.qk_nope_dim = 128;
    s.v_head_dim_mla = 128;
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q4_K_M);
    EXPECT_NE(f.find_tensor("blk.0.ffn_down.weight"), nullptr);
    EXPECT_EQ(f.find_tensor("blk.0.ffn_down_exps.weight"), nullptr);
    const auto* exps = f.find_tensor("blk.1.ffn_down_exps.weight");
    ASSERT_NE(exps, nullptr);
    EXPECT_EQ(exps->shape, (std::vector<std::uint64_t>{1408, 2048, 64}));
    const auto* k_b = f.find_tensor("blk.1.attn_k_b.weight");
    ASSERT_NE(k_b, nullptr);
    EXPECT_EQ(k_b->type.name, "Q5_0");  // 128 columns: Q4_K falls back to Q5_0
    EXPECT_EQ(f.find_tensor("blk.1.ffn_gate_inp.weight")->type.name, "F32");
    EXPECT_EQ(f.get_uint("deepseek2.attention.key_length"), 576u);
    EXPECT_EQ(f.get_uint("deepseek2.attention.key_length_mla"), 192u);
    EXPECT_EQ(f.get_uint("deepseek2.attention.head_count_kv"), 1u);
}

TEST(SyntheticGguf, SeventyBTypeBumpsAttnV) {
    // llama.cpp model type 70B: attn_v that the mix makes Q3_K/Q4_K becomes Q5_K.
    ArchSpec s = qwen25_32b();
    s.n_layer = 80;
    s.n_embd = 8192;
    s.n_ff = 29568;
    s.n_head = 64;
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q4_K_M);
    EXPECT_EQ(f.find_tensor("blk.0.attn_v.weight")->type.name, "Q6_K");  // use_more_bits layer
    EXPECT_EQ(f.find_tensor("blk.10.attn_v.weight")->type.name, "Q5_K");
    EXPECT_EQ(f.find_tensor("blk.10.attn_k.weight")->type.name, "Q4_K");
    // 47,409,725,440 tensor bytes = 44.15 GiB; published Qwen2.5-72B-Instruct Q4_K_M files are
    // listed as "47.42 GB" (bartowski) / "44GB on disk", i.e. these bytes plus the tokenizer.
    EXPECT_EQ(tensor_bytes(f), 47'409'725'440ULL);
}

TEST(SyntheticGguf, F16FileHasNoQuantizationVersion) {
    const auto f = synthesize_gguf(llama31_8b(), gguf::LlamaFtype::F16);
    EXPECT_FALSE(f.get_uint("general.quantization_version").has_value());
    EXPECT_EQ(f.find_tensor("blk.0.attn_q.weight")->type.name, "F16");
    EXPECT_EQ(f.find_tensor("blk.0.attn_norm.weight")->type.name, "F32");
}

TEST(ArchSpec, HfModelTypes) {
    EXPECT_EQ(gguf_arch_for_hf("mistral"), "llama");
    EXPECT_EQ(gguf_arch_for_hf("qwen3_moe"), "qwen3moe");
    EXPECT_EQ(gguf_arch_for_hf("deepseek_v2"), "deepseek2");
    EXPECT_EQ(gguf_arch_for_hf("nonesuch"), "");
}

}  // namespace
}  // namespace canrun::catalog
