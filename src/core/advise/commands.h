// Ready-to-run commands for Ollama, llama.cpp (llama-server), LM Studio (lms) and vLLM, built
// only from flags those runners really have (docs/estimates.md, "Commands", lists each source).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace canrun::advise {

struct CommandInput {
    // How the model is named by each runner; empty = that runner has no name for it.
    std::string gguf_path;        // a local file: llama-server -m
    std::string hf_gguf_repo;     // "bartowski/Qwen2.5-14B-Instruct-GGUF" (llama-server -hf)
    std::string quant;            // "Q4_K_M"
    std::string ollama_tag;       // "qwen2.5:14b-instruct-q4_K_M"
    std::string lms_key;          // LM Studio catalog name, "qwen2.5-14b-instruct"
    std::string hf_repo;          // original weights, for vLLM: "Qwen/Qwen2.5-14B-Instruct"
    std::string modelscope_repo;  // GGUF repo on ModelScope: "Qwen/Qwen2.5-14B-Instruct-GGUF"
    std::string modelscope_file;  // file inside it, if known

    std::uint32_t ctx = 4096;
    std::uint32_t ollama_default_ctx = 4096;  // what Ollama would use unasked (see below)
    std::string kv_type = "f16";
    bool flash_attn = true;
    std::uint32_t parallel = 1;

    // Placement.
    std::uint32_t total_layers = 0;
    std::uint32_t gpu_layers = 0;      // repeating layers on GPUs
    bool output_on_gpu = false;
    std::uint32_t cpu_moe_layers = 0;  // --n-cpu-moe
    std::vector<std::uint32_t> gpu_split;  // layers per GPU, for -ts when there are several
    std::uint32_t threads = 0;             // physical cores; 0 = leave to the runner

    // vLLM: only on NVIDIA/AMD data-centre-class set-ups where the 16-bit weights fit.
    bool vllm_fits = false;
    std::uint32_t tensor_parallel = 1;
    double gpu_memory_utilization = 0.90;
};

struct Commands {
    std::string ollama;      // may be two lines: the server's environment, then `ollama run`
    std::string llama_cpp;
    std::string lm_studio;   // `lms get ...` then `lms load ...`
    std::string vllm;        // empty when vLLM does not fit this machine
    std::string modelscope;  // download line for users in China; empty without a repo
};

Commands make_commands(const CommandInput& in);

// Ollama's server default context when nothing is set (server/routes.go; by free VRAM).
std::uint32_t ollama_default_ctx(double total_vram_gib);

}  // namespace canrun::advise
