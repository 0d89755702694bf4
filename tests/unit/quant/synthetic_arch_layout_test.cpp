// Per-architecture tensor layouts of synthesize_gguf, against llama.cpp's loaders
// (src/models/phi3.cpp, phi2.cpp, starcoder2.cpp, llama4.cpp): fused q/k/v and gate/up for
// phi3, plain MLPs with biases for phi2 and starcoder2, interleaved MoE layers for Llama 4.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "catalog/synthetic_gguf.h"

namespace canrun::catalog {
namespace {

using Shape = std::vector<std::uint64_t>;

ArchSpec base(const char* arch, std::uint32_t n_embd, std::uint32_t n_ff, std::uint32_t n_head,
              std::uint32_t n_head_kv) {
    ArchSpec s;
    s.arch = arch;
    s.name = arch;
    s.n_layer = 4;
    s.n_embd = n_embd;
    s.n_ff = n_ff;
    s.n_head = n_head;
    s.n_head_kv = n_head_kv;
    s.n_vocab = 32064;
    s.n_ctx_train = 4096;
    return s;
}

const gguf::TensorInfo& tensor(const gguf::GgufFile& f, const std::string& name) {
    const auto* t = f.find_tensor(name);
    EXPECT_NE(t, nullptr) << name;
    static const gguf::TensorInfo kNone;
    return t != nullptr ? *t : kNone;
}

TEST(SyntheticArchLayout, Phi3FusesQkvAndGateUp) {
    const auto s = base("phi3", 5120, 17920, 40, 10);  // Phi-4 / Phi-3-medium shape
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q4_K_M);
    EXPECT_EQ(tensor(f, "blk.0.attn_qkv.weight").shape, (Shape{5120, 5120 + 2 * 1280}));
    EXPECT_EQ(tensor(f, "blk.0.ffn_up.weight").shape, (Shape{5120, 2 * 17920}));
    EXPECT_EQ(f.find_tensor("blk.0.attn_q.weight"), nullptr);
    EXPECT_EQ(f.find_tensor("blk.0.ffn_gate.weight"), nullptr);
    // attn_qkv is quantized like attn_v (use_more_bits under Q4_K_M): of 4 layers, the last
    // (i >= 7n/8) gets Q6_K, the first does not.
    EXPECT_EQ(tensor(f, "blk.3.attn_qkv.weight").type.name, "Q6_K");
    EXPECT_EQ(tensor(f, "blk.0.attn_qkv.weight").type.name, "Q4_K");
}

TEST(SyntheticArchLayout, Starcoder2PlainMlpWithBiasesAndLayerNorm) {
    auto s = base("starcoder2", 3072, 12288, 24, 2);
    s.attn_bias = true;
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q8_0);
    EXPECT_EQ(f.find_tensor("blk.1.ffn_gate.weight"), nullptr);
    EXPECT_EQ(tensor(f, "blk.1.ffn_up.bias").shape, (Shape{12288}));
    EXPECT_EQ(tensor(f, "blk.1.ffn_down.bias").shape, (Shape{3072}));
    EXPECT_EQ(tensor(f, "blk.1.attn_output.bias").shape, (Shape{3072}));
    EXPECT_EQ(tensor(f, "blk.1.attn_norm.bias").shape, (Shape{3072}));
    EXPECT_EQ(tensor(f, "blk.1.ffn_norm.bias").shape, (Shape{3072}));
    EXPECT_EQ(tensor(f, "output_norm.bias").shape, (Shape{3072}));
    EXPECT_EQ(tensor(f, "blk.1.attn_v.weight").shape, (Shape{3072, 2 * 128}));
    EXPECT_TRUE(f.get_uint("starcoder2.block_count").has_value());
    EXPECT_NE(f.find("starcoder2.attention.layer_norm_epsilon"), nullptr);
}

TEST(SyntheticArchLayout, Phi2ParallelBlockWithFusedQkv) {
    const auto s = base("phi2", 2560, 10240, 32, 32);
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::F16);
    EXPECT_EQ(tensor(f, "blk.2.attn_qkv.weight").shape, (Shape{2560, 3 * 2560}));
    EXPECT_EQ(tensor(f, "blk.2.attn_qkv.bias").shape, (Shape{3 * 2560}));
    EXPECT_EQ(f.find_tensor("blk.2.ffn_norm.weight"), nullptr);
    EXPECT_EQ(tensor(f, "output.bias").shape, (Shape{32064}));
}

TEST(SyntheticArchLayout, Llama4MoeOnEveryOtherLayer) {
    auto s = base("llama4", 5120, 16384, 40, 8);
    s.n_expert = 128;
    s.n_expert_used = 1;
    s.n_expert_shared = 1;
    s.n_ff_expert = 8192;
    s.moe_every = 2;
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q4_K_M);
    // llama.cpp llama4: layer il is MoE when (il + 1) % interleave_moe_layer_step == 0.
    EXPECT_EQ(tensor(f, "blk.0.ffn_up.weight").shape, (Shape{5120, 16384}));
    EXPECT_EQ(f.find_tensor("blk.0.ffn_up_exps.weight"), nullptr);
    EXPECT_EQ(tensor(f, "blk.1.ffn_up_exps.weight").shape, (Shape{5120, 8192, 128}));
    EXPECT_EQ(tensor(f, "blk.1.ffn_up_shexp.weight").shape, (Shape{5120, 8192}));
    EXPECT_EQ(f.find_tensor("blk.2.ffn_gate_inp.weight"), nullptr);
    EXPECT_EQ(f.get_uint("llama4.interleave_moe_layer_step"), 2u);
}

TEST(SyntheticArchLayout, Gemma3nPerLayerEmbeddingsAltupAndLaurel) {
    auto s = base("gemma3n", 2048, 8192, 8, 2);  // Gemma 3n E2B shape
    s.head_dim_k = 256;
    s.n_vocab = 262400;
    s.n_vocab_per_layer = 262144;
    s.per_layer_embd = 256;
    s.tied_embeddings = true;
    s.qk_norm = true;
    s.post_norms = true;
    const auto f = synthesize_gguf(s, gguf::LlamaFtype::Q4_K_M);
    EXPECT_EQ(tensor(f, "per_layer_token_embd.weight").shape, (Shape{256 * 4, 262144}));
    EXPECT_EQ(tensor(f, "per_layer_model_proj.weight").shape, (Shape{2048, 256 * 4}));
    EXPECT_EQ(tensor(f, "altup_proj.weight").shape, (Shape{2048, 2048, 3}));
    EXPECT_EQ(tensor(f, "blk.0.inp_gate.weight").shape, (Shape{2048, 256}));
    EXPECT_EQ(tensor(f, "blk.0.proj.weight").shape, (Shape{256, 2048}));
    EXPECT_EQ(tensor(f, "blk.0.laurel_l.weight").shape, (Shape{2048, 64}));
    EXPECT_EQ(tensor(f, "blk.0.altup_predict_coef.weight").shape, (Shape{4, 16}));
    // Tied: both embedding tables take the output rule (Q6_K); AltUp, LAuReL and the
    // per-layer projection are never quantized.
    EXPECT_EQ(tensor(f, "per_layer_token_embd.weight").type.name, "Q6_K");
    EXPECT_EQ(tensor(f, "token_embd.weight").type.name, "Q6_K");
    EXPECT_EQ(tensor(f, "altup_proj.weight").type.name, "F16");
    EXPECT_EQ(tensor(f, "blk.0.laurel_r.weight").type.name, "F16");
    EXPECT_EQ(tensor(f, "per_layer_model_proj.weight").type.name, "F16");
    EXPECT_EQ(f.get_uint("gemma3n.embedding_length_per_layer_input"), 256u);
}

}  // namespace
}  // namespace canrun::catalog
