// --explain: the named terms reproduce the figures the estimate gave (no second formula that
// could drift), every text line fits 80 columns, and JSON carries the same numbers.
#include "report/fit_explanation.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "report/explain_json.h"
#include "report/explain_text.h"
#include "report/style.h"
#include "report/text_layout.h"
#include "util/units.h"

namespace canrun::report {

namespace {

using estimate::Backend;

// Llama-3.1-8B-like: 32 layers, GQA 32/8 heads of 128.
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
    l.n_ff = 14336;
    l.weight_bytes = 137604096;
    m.layers.assign(32, l);
    m.token_embd_bytes = 295501824;
    m.output_bytes = 430000000;
    m.params = 8030261248ULL;
    m.active_params = m.params;
    return m;
}

// Gemma-style: every 6th layer global, the rest sliding-window.
estimate::ModelShape swa_model() {
    auto m = llama8b();
    m.arch = "gemma3";
    m.n_swa = 1024;
    for (std::size_t i = 0; i < m.layers.size(); ++i) {
        m.layers[i].sliding_window = (i + 1) % 6 != 0;
    }
    return m;
}

// DeepSeek-V2-Lite-style MLA: one latent head of 512 + 64.
estimate::ModelShape mla_model() {
    auto m = llama8b();
    m.arch = "deepseek2";
    m.mla = true;
    m.kv_lora_rank = 512;
    for (auto& l : m.layers) {
        l.n_head = 16;
        l.n_head_kv = 1;
        l.head_dim_k = 576;
        l.head_dim_v = 512;
    }
    return m;
}

estimate::Machine machine(double vram_gib, Backend backend = Backend::Cuda) {
    estimate::Machine m;
    m.name = "test box";
    m.cpu.physical_cores = 8;
    m.cpu.ram_total_bytes = 32 * kGiB;
    m.cpu.ram_available_bytes = 30 * kGiB;
    m.cpu.bandwidth_gbps = 60;
    if (vram_gib > 0) {
        estimate::GpuDevice g;
        g.name = "GPU 0";
        g.backend = backend;
        g.memory_total_bytes = static_cast<std::uint64_t>(vram_gib * kGiB);
        g.memory_free_bytes = g.memory_total_bytes;
        g.bandwidth_gbps = 500;
        g.fp16_tflops = 50;
        m.gpus.push_back(g);
    }
    return m;
}

struct Case {
    estimate::ModelShape shape;
    estimate::Machine machine;
    estimate::ContextParams params;
    advise::FitResult fit;
    FitExplanation e;
};

Case run(estimate::ModelShape shape, estimate::Machine m, estimate::FlashAttn fa,
         estimate::CacheType kv = estimate::CacheType::F16) {
    Case c{std::move(shape), std::move(m), {}, {}, {}};
    c.params.n_ctx = 8192;
    c.params.flash_attn = fa;
    c.params.type_k = kv;
    c.params.type_v = kv;
    advise::FitRequest req;
    req.params = c.params;
    req.speed.quant = "Q4_K_M";
    c.fit = advise::fit_model(c.shape, c.machine, req, {}, {});
    ExplainInput in;
    in.shape = &c.shape;
    in.params = c.params;
    in.fit = &c.fit;
    in.machine = &c.machine;
    c.e = explain_fit(in);
    return c;
}

std::uint64_t scaled(double f, std::uint64_t b) {
    return static_cast<std::uint64_t>(std::llround(f * static_cast<double>(b)));
}

// The compute buffer from the explanation's own terms and formula name.
std::uint64_t recombine(const ComputeExplanation& c, bool gpu) {
    const estimate::MemoryTuning t;
    if (c.kq_bytes > 0) {
        return gpu ? std::max(c.logits_bytes, c.kq_bytes + scaled(t.fa_off_hidden_states_gpu, c.hidden_bytes))
                   : std::max(c.logits_bytes + c.hidden_bytes,
                              c.kq_bytes + scaled(t.fa_off_hidden_states_cpu, c.hidden_bytes));
    }
    const std::uint64_t mid = scaled(t.fa_on_ffn_intermediates, c.ffn_bytes) +
                              2ULL * c.n_ubatch * c.n_kv + c.hidden_bytes / 2;
    return std::max(c.logits_bytes + c.hidden_bytes, mid);
}

void expect_kv_groups_add_up(const Case& c) {
    std::uint64_t sum = 0;
    std::uint32_t layers = 0;
    for (const auto& g : c.e.kv.groups) {
        EXPECT_EQ(g.bytes, std::uint64_t{g.layers} * g.cells * g.streams * (g.k_row_bytes + g.v_row_bytes));
        sum += g.bytes;
        layers += g.layers;
    }
    EXPECT_EQ(sum, c.fit.memory.kv_bytes);
    EXPECT_EQ(layers, c.shape.n_layer());
}

void expect_text_fits(const FitExplanation& e) {
    for (const auto lang : {Lang::En, Lang::Zh}) {
        for (const bool color : {false, true}) {
            const auto text = explain_text(e, lang, Style(color));
            std::size_t start = 0;
            while (start < text.size()) {
                const auto nl = text.find('\n', start);
                const auto line = text.substr(start, nl - start);
                EXPECT_LE(visible_width(line), kTerminalWidth) << line;
                start = nl + 1;
            }
        }
    }
}

}  // namespace

TEST(Explain, GqaKvIsLayersTimesCellsTimesRows) {
    const auto c = run(llama8b(), machine(24), estimate::FlashAttn::On);
    ASSERT_EQ(c.e.kv.groups.size(), 1U);
    const auto& g = c.e.kv.groups.front();
    EXPECT_EQ(g.layers, 32U);
    EXPECT_EQ(g.cells, 8192U);
    EXPECT_EQ(g.kv_heads, 8U);
    EXPECT_EQ(g.k_row_bytes, 8U * 128 * 2);  // f16
    EXPECT_EQ(g.v_row_bytes, 8U * 128 * 2);
    EXPECT_EQ(c.e.kv.kv_bytes, 1024 * kMiB);
    expect_kv_groups_add_up(c);
}

TEST(Explain, SlidingWindowLayersFormTheirOwnGroup) {
    const auto c = run(swa_model(), machine(24), estimate::FlashAttn::On);
    ASSERT_EQ(c.e.kv.groups.size(), 2U);
    EXPECT_TRUE(c.e.kv.groups.front().sliding_window);
    EXPECT_LT(c.e.kv.groups.front().cells, 8192U);
    EXPECT_FALSE(c.e.kv.groups.back().sliding_window);
    EXPECT_EQ(c.e.kv.groups.back().layers, 5U);
    expect_kv_groups_add_up(c);
}

TEST(Explain, MlaLatentOnlyHasNoVRow) {
    const auto c = run(mla_model(), machine(24), estimate::FlashAttn::On);
    EXPECT_TRUE(c.e.kv.mla_latent_only);
    ASSERT_EQ(c.e.kv.groups.size(), 1U);
    EXPECT_EQ(c.e.kv.groups.front().v_row_bytes, 0U);
    EXPECT_EQ(c.e.kv.groups.front().k_row_bytes, 576U * 2);
    expect_kv_groups_add_up(c);
    expect_text_fits(c.e);
    EXPECT_NE(explain_text(c.e, Lang::En).find("MLA latent only"), std::string::npos);
}

TEST(Explain, QuantizedCacheRowsUseTheBlockSize) {
    const auto c = run(llama8b(), machine(24), estimate::FlashAttn::On, estimate::CacheType::Q8_0);
    EXPECT_EQ(c.e.kv.type_k, "q8_0");
    EXPECT_EQ(c.e.kv.groups.front().k_row_bytes, 8U * 128 / 32 * 34);
    expect_kv_groups_add_up(c);
}

TEST(Explain, ComputeTermsReproduceTheBufferInEveryCase) {
    for (const auto fa : {estimate::FlashAttn::On, estimate::FlashAttn::Off}) {
        for (const double vram : {0.0, 24.0}) {
            for (const auto& shape : {llama8b(), mla_model(), swa_model()}) {
                const auto c = run(shape, machine(vram), fa);
                const bool gpu = vram > 0;
                EXPECT_EQ(c.e.compute.backend, gpu ? "CUDA" : "CPU");
                EXPECT_EQ(recombine(c.e.compute, gpu), c.e.compute.device_bytes)
                    << c.e.compute.formula;
                EXPECT_EQ(c.e.compute.device_bytes, c.fit.memory.compute.device_bytes);
                expect_text_fits(c.e);
            }
        }
    }
}

TEST(Explain, GpuRoomIsFreeLessRuntimeMarginAndCompute) {
    const auto c = run(llama8b(), machine(6), estimate::FlashAttn::On);
    ASSERT_EQ(c.e.mode, "partial");
    ASSERT_EQ(c.e.devices.size(), 2U);
    const auto& gpu = c.e.devices.front();
    EXPECT_TRUE(gpu.gpu);
    EXPECT_EQ(gpu.margin_bytes, kGiB);
    EXPECT_EQ(gpu.room_bytes, gpu.budget_bytes - gpu.runtime_bytes - gpu.margin_bytes - gpu.compute_bytes);
    EXPECT_LE(gpu.weight_bytes + gpu.kv_bytes, gpu.room_bytes);
    EXPECT_GT(gpu.layers, 0U);
    const auto& cpu = c.e.devices.back();
    EXPECT_FALSE(cpu.gpu);
    EXPECT_EQ(cpu.source_bytes, 30 * kGiB);
    EXPECT_EQ(gpu.layers + cpu.layers, 32U);
    EXPECT_EQ(c.e.max_ctx, c.fit.max_ctx);
    EXPECT_EQ(c.e.ctx_limit, 131072U);
    expect_text_fits(c.e);
}

TEST(Explain, WeightClassesByType) {
    gguf::GgufFile f;
    const auto q4k = *gguf::ggml_type_by_name("Q4_K");
    const auto q6k = *gguf::ggml_type_by_name("Q6_K");
    const auto f32 = *gguf::ggml_type_by_name("F32");
    f.tensors.push_back({"blk.0.attn_q.weight", {4096, 4096}, q4k, 0, 9437184, 16777216, 0});
    f.tensors.push_back({"blk.0.attn_v.weight", {4096, 1024}, q6k, 0, 3440640, 4194304, 0});
    f.tensors.push_back({"blk.1.attn_q.weight", {4096, 4096}, q4k, 0, 9437184, 16777216, 0});
    f.tensors.push_back({"blk.0.attn_norm.weight", {4096}, f32, 0, 16384, 4096, 0});
    const auto classes = weight_classes(f);
    ASSERT_EQ(classes.size(), 2U);
    EXPECT_EQ(classes[0].id, "attention");
    EXPECT_EQ(classes[0].bytes, 2 * 9437184ULL + 3440640);
    ASSERT_EQ(classes[0].types.size(), 2U);
    EXPECT_EQ(classes[0].types[0].type, "Q4_K");
    EXPECT_EQ(classes[0].types[0].tensors, 2U);
    EXPECT_EQ(classes[1].id, "norms");
}

TEST(Explain, JsonCarriesTheSameNumbers) {
    const auto c = run(swa_model(), machine(8), estimate::FlashAttn::On);
    const auto j = explain_json(c.e);
    EXPECT_EQ(j["kv"]["kv_bytes"], c.fit.memory.kv_bytes);
    EXPECT_EQ(j["kv"]["groups"].size(), 2U);
    EXPECT_EQ(j["compute"]["device_bytes"], c.fit.memory.compute.device_bytes);
    EXPECT_EQ(j["placement"]["mode"], c.e.mode);
    EXPECT_EQ(j["placement"]["devices"][0]["room_bytes"], c.e.devices[0].room_bytes);
    EXPECT_EQ(j["max_ctx"]["tokens"], c.fit.max_ctx);
}

}  // namespace canrun::report
