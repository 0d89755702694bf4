#include "advise/fit.h"

#include <gtest/gtest.h>

#include "util/units.h"

namespace canrun::advise {

namespace {

// Llama-3.1-8B Q4_K_M as the GGUF reader describes it (memory-model.md §7.1).
estimate::ModelShape llama8b() {
    estimate::ModelShape m;
    m.arch = "llama";
    m.n_embd = 4096;
    m.n_vocab = 128256;
    m.n_ctx_train = 131072;
    estimate::LayerShape l;
    l.n_head = 32;
    l.n_head_kv = 8;
    l.head_dim_k = 128;
    l.head_dim_v = 128;
    l.weight_bytes = 137604096;  // (4403.49 MiB - output layer) / 32
    l.weight_params = 218112000;
    m.layers.assign(32, l);
    m.token_embd_bytes = 295501824;  // 281.81 MiB
    m.output_bytes = 4403490000ULL - 32ULL * 137604096;
    m.params = 8030261248ULL;
    m.active_params = m.params;
    m.file_bytes = 4920000000ULL;
    return m;
}

estimate::Machine gpu_box(double vram_gib, double ram_gib) {
    estimate::Machine m;
    m.cpu.physical_cores = 8;
    m.cpu.ram_total_bytes = static_cast<std::uint64_t>(ram_gib * kGiB);
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = 60;
    if (vram_gib > 0) {
        estimate::GpuDevice g;
        g.name = "GPU";
        g.memory_total_bytes = static_cast<std::uint64_t>(vram_gib * kGiB);
        g.memory_free_bytes = g.memory_total_bytes;
        g.bandwidth_gbps = 1008;
        g.fp16_tflops = 165;
        m.gpus.push_back(g);
    }
    return m;
}

FitResult run(const estimate::Machine& m, std::uint32_t ctx = 0) {
    FitRequest req;
    req.params.n_ctx = ctx;
    req.speed.quant = "Q4_K_M";
    return fit_model(llama8b(), m, req, {}, {});
}

}  // namespace

TEST(Fit, DefaultContextIs8kOnA24GiBCard) {
    const auto r = run(gpu_box(24, 32));
    EXPECT_EQ(r.ctx, 8192U);
    EXPECT_EQ(r.placement.mode, estimate::PlacementMode::FullGpu);
    EXPECT_EQ(r.memory.kv_bytes, 1024 * kMiB);
    EXPECT_GT(r.speed.decode_tps.p50, 0);
}

TEST(Fit, MaxContextIsTheLastOneThatStaysOnTheGpu) {
    const auto m = gpu_box(12, 32);
    const auto r = run(m);
    ASSERT_EQ(r.placement.mode, estimate::PlacementMode::FullGpu);
    ASSERT_GT(r.max_ctx, 8192U);
    ASSERT_LT(r.max_ctx, 131072U);
    EXPECT_EQ(r.max_ctx % 256, 0U);
    EXPECT_EQ(r.max_ctx_full_gpu, r.max_ctx);
    EXPECT_EQ(run(m, r.max_ctx).placement.mode, estimate::PlacementMode::FullGpu);
    EXPECT_NE(run(m, r.max_ctx + 256).placement.mode, estimate::PlacementMode::FullGpu);
}

TEST(Fit, CpuOnlyMachineAnswersWithTheCpu) {
    const auto r = run(gpu_box(0, 16));
    EXPECT_EQ(r.backend, estimate::Backend::Cpu);
    EXPECT_EQ(r.placement.mode, estimate::PlacementMode::Cpu);
    EXPECT_EQ(r.max_ctx_full_gpu, 0U);
    EXPECT_GT(r.max_ctx, 8192U);
}

TEST(Fit, TooSmallSaysWontFitWithoutSpeed) {
    const auto r = run(gpu_box(0, 4));
    EXPECT_EQ(r.placement.mode, estimate::PlacementMode::WontFit);
    EXPECT_EQ(r.max_ctx, 0U);
    EXPECT_EQ(r.speed.decode_tps.p50, 0);
}

TEST(Fit, CommandsFollowThePlacement) {
    const auto m = gpu_box(6, 32);
    FitRequest req;
    req.speed.quant = "Q4_K_M";
    const auto r = fit_model(llama8b(), m, req, {}, {});
    ASSERT_EQ(r.placement.mode, estimate::PlacementMode::Partial);
    ModelNames names;
    names.gguf_path = "/m/llama.gguf";
    const auto in = command_input(r, llama8b(), m, names, req);
    EXPECT_EQ(in.gpu_layers, r.placement.gpu_layers);
    EXPECT_EQ(in.threads, 8U);
    EXPECT_FALSE(in.vllm_fits);  // 16 GB of BF16 weights do not fit in 6 GiB
    const auto c = make_commands(in);
    EXPECT_NE(c.llama_cpp.find("-ngl " + std::to_string(r.placement.gpu_layers)), std::string::npos);
}

TEST(Fit, VllmWhenSixteenBitWeightsFit) {
    const auto m = gpu_box(80, 256);
    FitRequest req;
    const auto r = fit_model(llama8b(), m, req, {}, {});
    const auto in = command_input(r, llama8b(), m, {}, req);
    EXPECT_TRUE(in.vllm_fits);
    EXPECT_EQ(in.tensor_parallel, 1U);
}

namespace {

// gpt-oss-20b as its GGUF describes it: 24 layers, 32 experts (4 used) in MXFP4, the rest BF16;
// 20.9 B parameters, of which 19.1 B in routed experts (openai/gpt-oss-20b config.json).
estimate::ModelShape gpt_oss_20b() {
    estimate::ModelShape m;
    m.arch = "gpt-oss";
    m.n_embd = 2880;
    m.n_vocab = 201088;
    m.n_ctx_train = 131072;
    m.n_expert = 32;
    m.n_expert_used = 4;
    estimate::LayerShape l;
    l.n_head = 64;
    l.n_head_kv = 8;
    l.head_dim_k = 64;
    l.head_dim_v = 64;
    l.weight_params = 20914757184ULL / 24;
    l.expert_params = 19110297600ULL / 24;
    l.weight_bytes = l.weight_params / 2;
    l.expert_weight_bytes = l.expert_params * 17 / 32;
    m.layers.assign(24, l);
    m.params = 20914757184ULL;
    m.active_params = 3610000000ULL;
    return m;
}

}  // namespace

// Regression: vLLM was sized as if every checkpoint were 16-bit, so gpt-oss-20b (13 GB as
// published) was said not to fit a 24 GB card, where vLLM serves it.
TEST(Fit, VllmCountsGptOssExpertsAtMxfp4) {
    const auto m = gpu_box(24, 64);
    FitRequest req;
    req.params.n_ctx = 8192;
    const auto model = gpt_oss_20b();
    const auto r = fit_model(model, m, req, {}, {});
    // The catalog's record (models.json "checkpoint"): BF16 with MXFP4 routed experts, 13 GB.
    ModelNames names;
    names.checkpoint = checkpoint_format(catalog::Checkpoint{"bf16", "mxfp4", "https://x.org"});
    EXPECT_TRUE(command_input(r, model, m, names, req).vllm_fits);
    // The same shape read as a 16-bit checkpoint (no record): 42 GB.
    EXPECT_FALSE(command_input(r, model, m, {}, req).vllm_fits);
}

}  // namespace canrun::advise
