#include "estimate/memory.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "estimate/placement_input.h"
#include "shapes.h"

namespace canrun::estimate {
namespace {

constexpr double kMiBd = 1024.0 * 1024.0;

TEST(Memory, QuantizedVNeedsFlashAttention) {
    const auto m = shapes::llama31_8b();
    ContextParams p;
    p.type_v = CacheType::Q8_0;
    p.flash_attn = FlashAttn::Off;
    EXPECT_EQ(check_context(m, p), ContextProblem::QuantizedVNeedsFlashAttn);
    p.flash_attn = FlashAttn::Auto;  // auto turns flash attention on
    EXPECT_EQ(check_context(m, p), std::nullopt);
    EXPECT_TRUE(context_size(m, p, Backend::Cuda).flash_attn);
    p.type_v = CacheType::F16;
    p.type_k = CacheType::Q8_0;  // a quantized K alone is fine without flash attention
    p.flash_attn = FlashAttn::Off;
    EXPECT_EQ(check_context(m, p), std::nullopt);
}

TEST(Memory, QuantizedKNeedsBlockDividingHeadSize) {
    auto m = shapes::llama31_8b();
    for (auto& l : m.layers) {
        l.head_dim_k = 80;  // not a multiple of 32
    }
    ContextParams p;
    p.type_k = CacheType::Q4_0;
    p.flash_attn = FlashAttn::On;
    EXPECT_EQ(check_context(m, p), ContextProblem::KBlockDoesNotDivideHead);
    p.type_k = CacheType::F16;
    EXPECT_EQ(check_context(m, p), std::nullopt);
}

TEST(Memory, FlashAttentionFlagResolves) {
    EXPECT_TRUE(resolve_flash_attn(FlashAttn::Auto, Backend::Cpu, CacheType::F16));
    EXPECT_TRUE(resolve_flash_attn(FlashAttn::On, Backend::Cuda, CacheType::F16));
    EXPECT_FALSE(resolve_flash_attn(FlashAttn::Off, Backend::Cuda, CacheType::F16));
}

TEST(Memory, TotalsAreSumsOfParts) {
    auto m = shapes::llama31_8b();
    m.token_embd_bytes = 295501824;  // Q4_K token_embd of Llama-3.1-8B (281.81 MiB)
    m.output_bytes = 430848000;
    for (auto& l : m.layers) {
        l.weight_bytes = 130000000;
    }
    ContextParams p;
    p.n_ctx = 8192;
    const auto e = estimate_memory(m, p, Backend::Cuda);
    EXPECT_EQ(e.weights_bytes, m.weight_bytes());
    EXPECT_EQ(e.layers.size(), 32U);
    EXPECT_EQ(e.layers[5].weight_bytes, 130000000U);
    EXPECT_EQ(e.layers[5].kv_bytes, 32U * 1024 * 1024);
    EXPECT_DOUBLE_EQ(static_cast<double>(e.kv_bytes) / kMiBd, 1024.0);
    EXPECT_EQ(e.overhead_bytes, MemoryTuning{}.cuda_runtime_bytes);
    EXPECT_EQ(e.total_bytes(), e.weights_bytes + e.kv_bytes + e.state_bytes + e.compute.device_bytes +
                                   e.compute.host_bytes + e.output_buffer_bytes + e.overhead_bytes);
    EXPECT_EQ(e.kv_bytes_per_token, 128U * 1024);
}

TEST(Memory, CpuBackendHasNoHostBufferAndCpuOverhead) {
    const auto e = estimate_memory(shapes::llama31_8b(), ContextParams{.n_ctx = 4096}, Backend::Cpu);
    EXPECT_EQ(e.compute.host_bytes, 0U);
    EXPECT_EQ(e.overhead_bytes, MemoryTuning{}.cpu_runtime_bytes);
}

TEST(Memory, NotesSayWhereTheContextCameFrom) {
    const auto e = estimate_memory(shapes::gemma3_27b(), ContextParams{}, Backend::Cpu);
    EXPECT_EQ(e.context.n_ctx, 131072U);
    const auto has = [&](std::string_view n) {
        return std::find(e.notes.begin(), e.notes.end(), n) != e.notes.end();
    };
    EXPECT_TRUE(has("memory.ctx_from_model"));
    EXPECT_TRUE(has("memory.swa_cache"));
}

TEST(Memory, PlacementInputCarriesLayersAndBuffers) {
    auto m = shapes::llama31_8b();
    m.token_embd_bytes = 1000;
    m.output_bytes = 2000;
    m.tied_embeddings = true;
    m.n_expert = 8;
    m.layers[3].weight_bytes = 500;
    m.layers[3].expert_weight_bytes = 300;
    ContextParams p;
    p.n_ctx = 8192;
    p.flash_attn = FlashAttn::Off;
    const auto in = placement_input(m, p, Backend::Cuda);
    ASSERT_EQ(in.layers.size(), 32U);
    EXPECT_EQ(in.layers[3].weight_bytes, 500U);
    EXPECT_EQ(in.layers[3].expert_bytes, 300U);
    EXPECT_EQ(in.layers[3].kv_bytes, 32U * 1024 * 1024);
    EXPECT_EQ(in.input_bytes, 1000U);
    EXPECT_EQ(in.tied_output_bytes, 1000U);
    EXPECT_TRUE(in.moe);
    EXPECT_EQ(in.gpu_compute_bytes, 560ULL * 1024 * 1024);  // CUDA0 log, FA off, 8k
    EXPECT_EQ(in.host_compute_bytes, 24ULL * 1024 * 1024 + 4 * 128256);  // CUDA_Host + output
    EXPECT_EQ(in.gpu_overhead_bytes, MemoryTuning{}.cuda_runtime_bytes);
    EXPECT_GT(in.cpu_compute_bytes, in.gpu_compute_bytes);  // 564 MiB + output buffer
}

}  // namespace
}  // namespace canrun::estimate
