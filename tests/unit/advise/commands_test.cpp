#include "advise/commands.h"

#include <gtest/gtest.h>

namespace canrun::advise {

namespace {

CommandInput qwen14b() {
    CommandInput in;
    in.hf_gguf_repo = "bartowski/Qwen2.5-14B-Instruct-GGUF";
    in.quant = "Q4_K_M";
    in.ollama_tag = "qwen2.5:14b";
    in.lms_key = "qwen2.5-14b-instruct";
    in.hf_repo = "Qwen/Qwen2.5-14B-Instruct";
    in.modelscope_repo = "Qwen/Qwen2.5-14B-Instruct-GGUF";
    in.modelscope_file = "qwen2.5-14b-instruct-q4_k_m.gguf";
    in.total_layers = 48;
    in.gpu_layers = 48;
    in.output_on_gpu = true;
    in.ctx = 8192;
    in.threads = 8;
    return in;
}

}  // namespace

TEST(Commands, FullOffload) {
    const auto c = make_commands(qwen14b());
    EXPECT_EQ(c.llama_cpp,
              "llama-server -hf bartowski/Qwen2.5-14B-Instruct-GGUF:Q4_K_M -c 8192 -ngl 99 -fa on "
              "-t 8");
    EXPECT_EQ(c.ollama, "OLLAMA_CONTEXT_LENGTH=8192 OLLAMA_FLASH_ATTENTION=1 ollama serve\n"
                        "ollama run qwen2.5:14b");
    EXPECT_EQ(c.lm_studio,
              "lms get qwen2.5-14b-instruct@q4_k_m\n"
              "lms load qwen2.5-14b-instruct --gpu max --context-length 8192");
    EXPECT_EQ(c.vllm, "");
    EXPECT_EQ(c.modelscope,
              "modelscope download --model Qwen/Qwen2.5-14B-Instruct-GGUF "
              "qwen2.5-14b-instruct-q4_k_m.gguf --local_dir ./models");
}

TEST(Commands, PartialOffloadWithQuantizedKvAndTwoGpus) {
    auto in = qwen14b();
    in.gpu_layers = 40;
    in.output_on_gpu = false;
    in.kv_type = "q8_0";
    in.gpu_split = {24, 16};
    in.ctx = 4096;
    const auto c = make_commands(in);
    EXPECT_EQ(c.llama_cpp,
              "llama-server -hf bartowski/Qwen2.5-14B-Instruct-GGUF:Q4_K_M -c 4096 -ngl 40 -fa on "
              "-ctk q8_0 -ctv q8_0 -ts 24,16 -t 8");
    EXPECT_EQ(c.ollama, "OLLAMA_FLASH_ATTENTION=1 OLLAMA_KV_CACHE_TYPE=q8_0 ollama serve\n"
                        "ollama run qwen2.5:14b");
    EXPECT_NE(c.lm_studio.find("--gpu 0.83"), std::string::npos);
}

TEST(Commands, MoeExpertsOnCpuAndLocalFile) {
    CommandInput in;
    in.gguf_path = "/models/Qwen3-30B-A3B-Q4_K_M.gguf";
    in.total_layers = 48;
    in.gpu_layers = 48;
    in.output_on_gpu = true;
    in.cpu_moe_layers = 20;
    in.flash_attn = false;
    const auto c = make_commands(in);
    EXPECT_EQ(c.llama_cpp,
              "llama-server -m '/models/Qwen3-30B-A3B-Q4_K_M.gguf' -c 4096 -ngl 99 -fa off "
              "--n-cpu-moe 20");
    EXPECT_EQ(c.ollama, "");
    EXPECT_EQ(c.lm_studio, "");
}

TEST(Commands, VllmOnlyWhenItFits) {
    auto in = qwen14b();
    in.vllm_fits = true;
    in.tensor_parallel = 2;
    in.ctx = 32768;
    EXPECT_EQ(make_commands(in).vllm,
              "vllm serve Qwen/Qwen2.5-14B-Instruct --max-model-len 32768 "
              "--gpu-memory-utilization 0.90 -tp 2");
}

TEST(Commands, OllamaDefaultContextFollowsVram) {
    EXPECT_EQ(ollama_default_ctx(8), 4096U);
    EXPECT_EQ(ollama_default_ctx(24), 32768U);
    EXPECT_EQ(ollama_default_ctx(80), 262144U);
}

}  // namespace canrun::advise
