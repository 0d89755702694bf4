// fit_found_model: the same fit as `canrun fit` at the model's default context, with the command
// each store's model is started with.
#include <gtest/gtest.h>

#include <filesystem>

#include "advise/checkpoint_format.h"
#include "scan/hf_config.h"
#include "scan/model_fit.h"
#include "scan/model_probe.h"
#include "unit/scan/store_builder.h"
#include "util/units.h"
#include "support/temp_path.h"

namespace canrun::scan {
namespace {

namespace fs = std::filesystem;

estimate::Machine gpu_box(double vram_gib) {
    estimate::Machine m;
    m.name = "test box";
    m.cpu.physical_cores = 8;
    m.cpu.ram_total_bytes = 32 * kGiB;
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = 60;
    estimate::GpuDevice g;
    g.name = "GPU";
    g.memory_total_bytes = static_cast<std::uint64_t>(vram_gib * kGiB);
    g.memory_free_bytes = g.memory_total_bytes;
    g.bandwidth_gbps = 1008;
    g.fp16_tflops = 165;
    m.gpus.push_back(g);
    return m;
}

class ModelFitTest : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = testing::unique_temp_path("canrun_scan_fit_tiny", ".gguf");
        ASSERT_TRUE(testing::tiny_llama_gguf("Tiny", 4, 512).write_file(path_));
        auto m = probe_gguf(path_);
        ASSERT_TRUE(m.has_value());
        model_ = std::move(*m);
        model_.path = path_.string();
        setting_.machine = &machine_;
        setting_.tuning = &tuning_;
    }
    void TearDown() override { fs::remove(path_); }

    fs::path path_;
    FoundModel model_;
    estimate::Machine machine_ = gpu_box(8);
    estimate::SpeedTuning tuning_;
    FitSetting setting_;
};

TEST_F(ModelFitTest, FileGetsLlamaServerAtItsTrainedContext) {
    const auto f = fit_found_model(model_, setting_);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->ctx, 4096U);  // trained 4096 < 8192
    EXPECT_EQ(f->fit.placement.mode, estimate::PlacementMode::FullGpu);
    EXPECT_GT(f->fit.speed.decode_tps.p50, 0);
    EXPECT_NE(f->commands.llama_cpp.find(path_.string()), std::string::npos);
    EXPECT_TRUE(f->commands.ollama.empty());
}

TEST_F(ModelFitTest, OllamaModelGetsOllamaRun) {
    model_.ollama_tag = "tiny:latest";
    const auto f = fit_found_model(model_, setting_, 2048, false);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->ctx, 2048U);
    EXPECT_NE(f->commands.ollama.find("ollama run tiny:latest"), std::string::npos);
}

TEST_F(ModelFitTest, NoFactsNoFit) {
    model_.facts.reset();
    EXPECT_FALSE(fit_found_model(model_, setting_).has_value());
}

// A safetensors folder whose config.json says FP8 (DeepSeek V3 style) is sized for vLLM at one
// byte a weight: on a GPU between the FP8 and the 16-bit size it gets a vLLM command; the same
// folder without quantization_config does not.
TEST_F(ModelFitTest, SafetensorsFp8FolderIsSizedAsFp8ForVllm) {
    model_.format = ModelFormat::Safetensors;
    model_.hf_repo = "org/tiny";
    const auto shape = gguf::to_model_shape(*model_.facts);
    const double bf16 = advise::checkpoint_weight_bytes(shape, advise::checkpoint_format(std::nullopt));
    catalog::Checkpoint fp8;
    fp8.dtype = "fp8";
    const double eight = advise::checkpoint_weight_bytes(shape, advise::checkpoint_format(fp8));
    ASSERT_LT(eight, 0.8 * bf16);

    const auto first = fit_found_model(model_, setting_, 512, false);
    ASSERT_TRUE(first.has_value());
    const double kv = 2.0 * static_cast<double>(first->fit.memory.kv_bytes_per_token) * first->ctx;
    // usable = 0.9 x memory - 1.5 GiB, halfway between the two needs
    const double usable = kv + (eight + bf16) / 2;
    machine_.gpus[0].backend = estimate::Backend::Cuda;
    machine_.gpus[0].memory_total_bytes = static_cast<std::uint64_t>((usable + 1.5 * kGiB) / 0.9);
    machine_.gpus[0].memory_free_bytes = machine_.gpus[0].memory_total_bytes;

    const auto plain = fit_found_model(model_, setting_, 512, false);
    ASSERT_TRUE(plain.has_value());
    EXPECT_TRUE(plain->commands.vllm.empty()) << plain->commands.vllm;

    model_.checkpoint = checkpoint_from_hf_config(
        R"({"quantization_config": {"quant_method": "fp8", "weight_block_size": [128, 128]}})");
    ASSERT_TRUE(model_.checkpoint.has_value());
    const auto as_fp8 = fit_found_model(model_, setting_, 512, false);
    ASSERT_TRUE(as_fp8.has_value());
    EXPECT_NE(as_fp8->commands.vllm.find("vllm serve"), std::string::npos);
}

}  // namespace
}  // namespace canrun::scan
