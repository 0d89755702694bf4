// Compute buffers against the measured rows of memory-model.md 4.1 (llama.cpp ec98e2002 CPU
// probe; CUDA0 / CUDA_Host lines of public logs).
#include "estimate/compute_buffer.h"

#include <gtest/gtest.h>

#include <string>

#include "shapes.h"

namespace canrun::estimate {
namespace {

constexpr double kMiBd = 1024.0 * 1024.0;

struct Row {
    std::string model;
    std::uint32_t n_ctx;
    std::uint32_t ubatch;
    bool flash_attn;
    double mib;        // measured
    double tol_low;    // allowed relative error below (negative) and above
    double tol_high;
};

ModelShape shape_of(const std::string& name) {
    if (name == "llama1b") return shapes::llama32_1b();
    if (name == "llama3b") return shapes::llama32_3b();
    if (name == "mistral7b") return shapes::mistral_7b();
    if (name == "mistral7b_v01") return shapes::mistral_7b_v01();
    if (name == "qwen14b") return shapes::qwen25_14b();
    if (name == "qwen30b") return shapes::qwen3_30b_a3b();
    if (name == "gemma2_9b") return shapes::gemma2_9b();
    if (name == "dsv2lite") return shapes::deepseek_v2_lite();
    return shapes::llama31_8b();
}

ComputeBuffer buffer(const Row& r, Backend backend) {
    const auto m = shape_of(r.model);
    ContextParams p;
    p.n_ctx = r.n_ctx;
    p.n_ubatch = r.ubatch;
    p.flash_attn = r.flash_attn ? FlashAttn::On : FlashAttn::Off;
    return compute_buffer(m, p, context_size(m, p, backend), backend);
}

void expect_within(double predicted, const Row& r) {
    const double err = (predicted - r.mib) / r.mib;
    EXPECT_GE(err, r.tol_low) << r.model << " ctx " << r.n_ctx << " ub " << r.ubatch << ": " << predicted;
    EXPECT_LE(err, r.tol_high) << r.model << " ctx " << r.n_ctx << " ub " << r.ubatch << ": " << predicted;
}

class CpuCompute : public ::testing::TestWithParam<Row> {};

TEST_P(CpuCompute, MatchesProbe) {
    const auto& r = GetParam();
    expect_within(static_cast<double>(buffer(r, Backend::Cpu).device_bytes) / kMiBd, r);
}

constexpr double kExact = 0.005;  // within 0.5 % (most rows within 0.01 MiB)

// llama.cpp v0.4.0 (node-llama-cpp 3.21.1), CPU, ub 512, 1 sequence: "CPU compute buffer size"
// as measured by bench/accuracy/memory (docs/estimates.md, Accuracy against llama.cpp).
INSTANTIATE_TEST_SUITE_P(
    FlashAttnOff, CpuCompute,
    ::testing::Values(Row{"llama1b", 4096, 512, false, 286.01, -kExact, kExact},
                      Row{"llama1b", 32768, 512, false, 2134.01, -kExact, kExact},
                      Row{"llama3b", 4096, 512, false, 262.50, -kExact, kExact},
                      Row{"llama3b", 32768, 512, false, 1634.01, -kExact, kExact},
                      Row{"llama8b", 4096, 512, false, 308.01, -kExact, kExact},
                      Row{"llama8b", 32768, 512, false, 2156.01, -kExact, kExact},
                      Row{"mistral7b_v01", 4096, 512, false, 308.01, -kExact, kExact},
                      Row{"mistral7b_v01", 32768, 512, false, 2156.01, -kExact, kExact},
                      Row{"qwen14b", 4096, 512, false, 382.01, -kExact, kExact},
                      Row{"qwen14b", 32768, 512, false, 2678.01, -kExact, kExact},
                      Row{"qwen30b", 4096, 512, false, 304.75, -kExact, kExact},
                      Row{"qwen30b", 32768, 512, false, 2142.01, -kExact, kExact},
                      Row{"gemma2_9b", 4096, 512, false, 514.00, -kExact, kExact},
                      Row{"dsv2lite", 32768, 512, false, 1174.01, -kExact, kExact},
                      // MoE routing intermediates dominate at 4k: not modelled yet.
                      Row{"dsv2lite", 4096, 512, false, 240.26, -0.15, kExact}));

INSTANTIATE_TEST_SUITE_P(
    FlashAttnOn, CpuCompute,
    ::testing::Values(Row{"llama1b", 4096, 512, true, 258.50, -kExact, kExact},
                      Row{"llama1b", 32768, 512, true, 258.50, -kExact, kExact},
                      Row{"llama3b", 4096, 512, true, 262.50, -kExact, kExact},
                      Row{"llama3b", 32768, 512, true, 262.50, -kExact, kExact},
                      Row{"llama8b", 4096, 512, true, 266.50, -kExact, kExact},
                      Row{"llama8b", 32768, 512, true, 266.50, -kExact, kExact},
                      Row{"mistral7b_v01", 4096, 512, true, 120.01, -kExact, kExact},
                      Row{"mistral7b_v01", 32768, 512, true, 148.01, -kExact, kExact},
                      Row{"qwen14b", 4096, 512, true, 317.00, -kExact, kExact},
                      Row{"qwen14b", 32768, 512, true, 317.00, -kExact, kExact},
                      Row{"qwen30b", 4096, 512, true, 304.75, -kExact, kExact},
                      Row{"qwen30b", 32768, 512, true, 304.75, -kExact, kExact},
                      Row{"gemma2_9b", 4096, 512, true, 514.00, -kExact, kExact},
                      Row{"gemma2_9b", 8192, 512, true, 514.00, -kExact, kExact}));

struct CudaRow {
    Row row;
    double host_mib;
};

class CudaCompute : public ::testing::TestWithParam<CudaRow> {};

// Public logs, full offload, FA off: "CUDA0 compute buffer size" / "CUDA_Host compute buffer size".
TEST_P(CudaCompute, MatchesLogs) {
    const auto& r = GetParam();
    const auto b = buffer(r.row, Backend::Cuda);
    expect_within(static_cast<double>(b.device_bytes) / kMiBd, r.row);
    EXPECT_NEAR(static_cast<double>(b.host_bytes) / kMiBd, r.host_mib, 0.02);
}

INSTANTIATE_TEST_SUITE_P(
    Logs, CudaCompute,
    ::testing::Values(CudaRow{{"llama8b", 512, 512, false, 258.50, -kExact, kExact}, 9.01},
                      CudaRow{{"llama8b", 8192, 512, false, 560.00, -kExact, kExact}, 24.01},
                      CudaRow{{"mistral7b", 2048, 512, false, 164.00, -kExact, kExact}, 12.01},
                      CudaRow{{"mistral7b", 32768, 512, false, 2144.00, -kExact, kExact}, 72.01}));

TEST(ComputeBuffer, CudaQuantizedKvReservesF16CopyOfOneLayer) {
    const auto m = shapes::qwen25_32b();
    ContextParams p;
    p.n_ctx = 32768;
    p.flash_attn = FlashAttn::On;
    const auto c = context_size(m, p, Backend::Cuda);
    const auto f16 = compute_buffer(m, p, c, Backend::Cuda).device_bytes;
    p.type_k = p.type_v = CacheType::Q8_0;
    const auto q8 = compute_buffer(m, p, c, Backend::Cuda).device_bytes;
    EXPECT_EQ(q8 - f16, 128ULL * 1024 * 1024);  // 2 * 32768 * (1024 + 1024) B
    EXPECT_EQ(compute_buffer(m, p, c, Backend::Cpu).device_bytes,
              compute_buffer(m, ContextParams{.n_ctx = 32768, .flash_attn = FlashAttn::On}, c, Backend::Cpu).device_bytes);
}

TEST(ComputeBuffer, OutputBufferIsLogitsPerSequence) {
    const auto m = shapes::llama31_8b();
    ContextSize c;
    c.n_seq = 1;
    EXPECT_NEAR(static_cast<double>(output_buffer_bytes(m, c)) / kMiBd, 0.49, 0.005);
    c.n_seq = 4;
    EXPECT_NEAR(static_cast<double>(output_buffer_bytes(m, c)) / kMiBd, 1.96, 0.005);
}

TEST(ComputeBuffer, UbatchIsCappedByContext) {
    const auto m = shapes::llama31_8b();
    ContextParams p;
    p.n_ctx = 256;
    p.n_ubatch = 2048;
    EXPECT_EQ(context_size(m, p, Backend::Cpu).n_ubatch, 256U);
}

TEST(ComputeBuffer, RecurrentOnlyModelNeedsLogitsAndScan) {
    auto m = shapes::llama31_8b();
    for (auto& l : m.layers) {
        l.memory = LayerMemory::Recurrent;
        l.n_head = 0;
        l.n_head_kv = 0;
    }
    ContextParams p;
    p.n_ctx = 4096;
    const auto c = context_size(m, p, Backend::Cpu);
    EXPECT_GE(compute_buffer(m, p, c, Backend::Cpu).device_bytes, logits_bytes(m, 512));
}

}  // namespace
}  // namespace canrun::estimate
