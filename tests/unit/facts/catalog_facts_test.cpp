// Catalog models (ArchSpec -> synthetic GGUF header) through model facts and the memory estimate,
// against the exact figures of memory-model.md §7 (llama.cpp logs and tensor sums).
#include <gtest/gtest.h>

#include "catalog/synthetic_gguf.h"
#include "estimate/memory.h"
#include "gguf/model_facts.h"

namespace canrun::gguf {
namespace {

constexpr double kMiBd = 1024.0 * 1024.0;

catalog::ArchSpec llama31_8b() {
    catalog::ArchSpec s;
    s.arch = "llama";
    s.name = "Llama-3.1-8B";
    s.n_layer = 32;
    s.n_embd = 4096;
    s.n_ff = 14336;
    s.n_head = 32;
    s.n_head_kv = 8;
    s.n_vocab = 128256;
    s.n_ctx_train = 131072;
    s.rope_freq_base = 500000.0;
    s.rope_freqs = true;
    return s;
}

catalog::ArchSpec qwen25_32b() {
    catalog::ArchSpec s;
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

estimate::ModelShape shape_of(const catalog::ArchSpec& spec) {
    const auto facts = extract_facts(catalog::synthesize_gguf(spec, LlamaFtype::Q4_K_M));
    EXPECT_TRUE(facts) << (facts ? "" : facts.error().message);
    return facts ? to_model_shape(*facts) : estimate::ModelShape{};
}

TEST(CatalogFacts, Llama31_8bQ4KMatchesLlamaCppBuffers) {
    const auto m = shape_of(llama31_8b());
    EXPECT_EQ(m.weight_bytes(), 4912898304ULL);  // 4685.30 MiB, exact tensor sum
    EXPECT_NEAR(static_cast<double>(m.token_embd_bytes) / kMiBd, 281.81, 0.005);  // "CPU buffer"
    EXPECT_NEAR(static_cast<double>(m.weight_bytes() - m.token_embd_bytes) / kMiBd, 4403.49, 0.005);
    estimate::ContextParams p;
    p.n_ctx = 8192;
    p.flash_attn = estimate::FlashAttn::Off;
    const auto e = estimate::estimate_memory(m, p, estimate::Backend::Cuda);
    EXPECT_DOUBLE_EQ(static_cast<double>(e.kv_bytes) / kMiBd, 1024.0);
    EXPECT_DOUBLE_EQ(static_cast<double>(e.compute.device_bytes) / kMiBd, 560.0);  // "CUDA0 compute"
    EXPECT_NEAR(static_cast<double>(e.output_buffer_bytes) / kMiBd, 0.49, 0.005);
}

TEST(CatalogFacts, Qwen25_32bQ4KMatchesLlamaCppBuffers) {
    const auto m = shape_of(qwen25_32b());
    EXPECT_EQ(m.weight_bytes(), 19845357568ULL);  // 18926.01 MiB ("CPU_Mapped model buffer")
    EXPECT_NEAR(static_cast<double>(m.token_embd_bytes) / kMiBd, 417.66, 0.005);
    estimate::ContextParams p;
    p.n_ctx = 32768;
    const auto e = estimate::estimate_memory(m, p, estimate::Backend::Cpu);
    EXPECT_DOUBLE_EQ(static_cast<double>(e.kv_bytes) / kMiBd, 8192.0);
    EXPECT_EQ(m.n_layer(), 64U);
    EXPECT_EQ(m.layers[10].n_head_kv, 8U);
}

}  // namespace
}  // namespace canrun::gguf
