#include "estimate/kv_cache.h"

#include <gtest/gtest.h>

#include <numeric>

#include "estimate/memory.h"
#include "shapes.h"

namespace canrun::estimate {
namespace {

constexpr double kMiBd = 1024.0 * 1024.0;

double kv_mib(const ModelShape& m, const ContextParams& p) {
    const auto e = estimate_memory(m, p, Backend::Cpu);
    return static_cast<double>(e.kv_bytes) / kMiBd;
}

ContextParams ctx_params(std::uint32_t n_ctx, CacheType k = CacheType::F16, CacheType v = CacheType::F16) {
    ContextParams p;
    p.n_ctx = n_ctx;
    p.type_k = k;
    p.type_v = v;
    return p;
}

struct KvRow {
    const char* what;
    CacheType type;
    std::uint32_t n_ctx;
    double mib;  // measured (memory-model.md 3.1, llama.cpp logs)
};

class LlamaKv : public ::testing::TestWithParam<KvRow> {};

TEST_P(LlamaKv, MatchesLlamaCppLog) {
    const auto& r = GetParam();
    EXPECT_DOUBLE_EQ(kv_mib(shapes::llama31_8b(), ctx_params(r.n_ctx, r.type, r.type)), r.mib) << r.what;
}

INSTANTIATE_TEST_SUITE_P(
    Measured, LlamaKv,
    ::testing::Values(KvRow{"8B f16 8192", CacheType::F16, 8192, 1024.0},
                      KvRow{"8B q8_0 8192", CacheType::Q8_0, 8192, 544.0},
                      KvRow{"8B q4_0 8192", CacheType::Q4_0, 8192, 288.0},
                      KvRow{"8B f32 8192", CacheType::F32, 8192, 2048.0},
                      KvRow{"8B bf16 8192", CacheType::BF16, 8192, 1024.0},
                      KvRow{"8B q5_1 8192", CacheType::Q5_1, 8192, 384.0},
                      KvRow{"8B q5_0 8192", CacheType::Q5_0, 8192, 352.0},
                      KvRow{"8B q4_1 8192", CacheType::Q4_1, 8192, 320.0},
                      KvRow{"8B iq4_nl 8192", CacheType::Iq4Nl, 8192, 288.0},
                      KvRow{"8B -c 8000 pads to 8192", CacheType::F16, 8000, 1024.0},
                      KvRow{"8B -c 100 pads to 256", CacheType::F16, 100, 32.0}));

TEST(KvCache, Qwen32bAt32k) {
    const auto m = shapes::qwen25_32b();
    EXPECT_DOUBLE_EQ(kv_mib(m, ctx_params(32768)), 8192.0);
    EXPECT_DOUBLE_EQ(kv_mib(m, ctx_params(32768, CacheType::Q8_0, CacheType::Q8_0)), 4352.0);
    EXPECT_DOUBLE_EQ(kv_mib(m, ctx_params(32768, CacheType::Q4_0, CacheType::Q4_0)), 2304.0);
}

TEST(KvCache, ContextPaddingTo256) {
    const auto m = shapes::llama31_8b();
    EXPECT_EQ(context_size(m, ctx_params(8000), Backend::Cpu).n_ctx, 8192U);
    EXPECT_EQ(context_size(m, ctx_params(100), Backend::Cpu).n_ctx, 256U);
    EXPECT_EQ(context_size(m, ctx_params(256), Backend::Cpu).n_ctx, 256U);
    EXPECT_EQ(context_size(m, ctx_params(257), Backend::Cpu).n_ctx, 512U);
}

TEST(KvCache, ZeroContextMeansTrainedContext) {
    auto m = shapes::llama31_8b();
    const auto c = context_size(m, ctx_params(0), Backend::Cpu);
    EXPECT_EQ(c.n_ctx, 131072U);
    EXPECT_TRUE(c.ctx_from_model);
}

TEST(KvCache, ParallelSequencesSplitTheContextWhenNotUnified) {
    const auto m = shapes::llama31_8b();
    auto p = ctx_params(8192);
    p.n_seq = 4;
    const auto split = context_size(m, p, Backend::Cpu);
    EXPECT_EQ(split.n_ctx_seq, 2048U);
    EXPECT_EQ(split.n_stream, 4U);
    EXPECT_EQ(split.n_kv, 2048U);
    EXPECT_DOUBLE_EQ(kv_mib(m, p), 1024.0);  // same cells in total
    p.kv_unified = true;
    const auto unified = context_size(m, p, Backend::Cpu);
    EXPECT_EQ(unified.n_ctx_seq, 8192U);
    EXPECT_EQ(unified.n_stream, 1U);
    EXPECT_DOUBLE_EQ(kv_mib(m, p), 1024.0);
}

TEST(KvCache, NonUnifiedPadsEachSequence) {
    auto p = ctx_params(1000);  // 1024 total, 3 seqs: 341 -> 512 each, 1536 in all
    p.n_seq = 3;
    const auto c = context_size(shapes::llama31_8b(), p, Backend::Cpu);
    EXPECT_EQ(c.n_ctx_seq, 512U);
    EXPECT_EQ(c.n_ctx, 1536U);
}

TEST(KvCache, Gemma3SlidingWindowCache) {
    const auto m = shapes::gemma3_27b();
    auto p = ctx_params(32768);
    const auto c = context_size(m, p, Backend::Cpu);
    EXPECT_EQ(c.swa_cells, 1536U);  // pad256(min(32768, 1024 + 512)): "SWA KV cache, size = 1536 cells"
    EXPECT_DOUBLE_EQ(kv_mib(m, p), 2560.0 + 624.0);
    p.swa_full = true;
    EXPECT_DOUBLE_EQ(kv_mib(m, p), 15872.0);
}

TEST(KvCache, SlidingWindowGrowsWithUnifiedSequences) {
    const auto m = shapes::gemma3_27b();
    auto p = ctx_params(32768);
    p.n_seq = 4;
    p.kv_unified = true;
    EXPECT_EQ(context_size(m, p, Backend::Cpu).swa_cells, 4608U);  // pad256(4 * 1024 + 512)
    p.kv_unified = false;
    EXPECT_EQ(context_size(m, p, Backend::Cpu).swa_cells, 1536U);  // per stream
}

TEST(KvCache, Qwen3NextStateAndKv) {
    const auto m = shapes::qwen3_next();
    auto p = ctx_params(262144);
    const auto e = estimate_memory(m, p, Backend::Cpu);
    EXPECT_EQ(e.state_bytes, 36ULL * (24576 + 524288) * 4);  // 75.4 MiB per sequence
    EXPECT_NEAR(static_cast<double>(e.state_bytes) / kMiBd, 75.4, 0.05);
    EXPECT_EQ(e.kv_bytes_per_token, 24U * 1024);
    EXPECT_EQ(e.kv_bytes, 6ULL * 1024 * 1024 * 1024);  // 262144 ctx f16 = 6 GiB
    p.n_seq = 2;
    EXPECT_EQ(estimate_memory(m, p, Backend::Cpu).state_bytes, 2 * 36ULL * (24576 + 524288) * 4);
}

TEST(KvCache, DeepSeekV3MlaPerTokenBytes) {
    const auto m = shapes::deepseek_v3();
    ContextParams p;
    EXPECT_EQ(kv_bytes_per_token(m, p), 70272U);  // K latent only (llama.cpp >= 2026-01-24)
    p.mla_cache = MlaCache::LatentAndV;
    EXPECT_EQ(kv_bytes_per_token(m, p), 132736U);
}

TEST(KvCache, LayersWithoutMemoryCostNothing) {
    auto m = shapes::llama31_8b();
    m.layers[0].memory = LayerMemory::None;
    m.layers[0].n_head_kv = 0;
    const auto layers = kv_cache_layers(m, ctx_params(8192), context_size(m, ctx_params(8192), Backend::Cpu));
    EXPECT_EQ(layers[0].total_bytes(), 0U);
    EXPECT_EQ(layers[1].kv_bytes(), 32U * 1024 * 1024);
}

TEST(KvCache, TransposedVPadsToLargestLayerWithoutFlashAttention) {
    auto m = shapes::llama31_8b();
    m.layers[0].n_head_kv = 16;  // one layer with twice the V width
    auto p = ctx_params(256);
    p.flash_attn = FlashAttn::Off;
    const auto off = kv_cache_layers(m, p, context_size(m, p, Backend::Cpu));
    EXPECT_EQ(off[1].v_bytes, 256U * 2048 * 2);
    p.flash_attn = FlashAttn::On;
    const auto on = kv_cache_layers(m, p, context_size(m, p, Backend::Cpu));
    EXPECT_EQ(on[1].v_bytes, 256U * 1024 * 2);
}

}  // namespace
}  // namespace canrun::estimate
