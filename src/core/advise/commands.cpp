#include "advise/commands.h"

#include <fmt/format.h>

#include "util/strings.h"

namespace canrun::advise {

namespace {

bool quantized_kv(const std::string& t) { return t != "f16" && t != "f32" && t != "bf16"; }

std::string ollama_command(const CommandInput& in) {
    if (in.ollama_tag.empty()) {
        return {};
    }
    std::string env;
    if (in.ctx != in.ollama_default_ctx) {
        env += fmt::format("OLLAMA_CONTEXT_LENGTH={} ", in.ctx);
    }
    if (in.flash_attn && quantized_kv(in.kv_type)) {
        env += fmt::format("OLLAMA_FLASH_ATTENTION=1 OLLAMA_KV_CACHE_TYPE={} ", in.kv_type);
    } else if (in.flash_attn) {
        env += "OLLAMA_FLASH_ATTENTION=1 ";
    }
    if (in.parallel > 1) {
        env += fmt::format("OLLAMA_NUM_PARALLEL={} ", in.parallel);
    }
    const std::string run = "ollama run " + in.ollama_tag;
    return env.empty() ? run : env + "ollama serve\n" + run;
}

std::string model_source(const CommandInput& in) {
    if (!in.gguf_path.empty()) {
        return fmt::format("-m '{}'", in.gguf_path);
    }
    if (!in.hf_gguf_repo.empty()) {
        return in.quant.empty() ? "-hf " + in.hf_gguf_repo
                                : fmt::format("-hf {}:{}", in.hf_gguf_repo, in.quant);
    }
    return {};
}

std::string join_split(const std::vector<std::uint32_t>& split) {
    std::string out;
    for (const auto n : split) {
        out += (out.empty() ? "" : ",") + std::to_string(n);
    }
    return out;
}

std::string llama_cpp_command(const CommandInput& in) {
    const std::string src = model_source(in);
    if (src.empty()) {
        return {};
    }
    std::string cmd = fmt::format("llama-server {} -c {}", src, in.ctx);
    const std::uint32_t ngl = in.gpu_layers + (in.output_on_gpu ? 1 : 0);
    cmd += fmt::format(" -ngl {}", in.output_on_gpu && in.gpu_layers == in.total_layers ? 99 : ngl);
    cmd += in.flash_attn ? " -fa on" : " -fa off";
    if (in.kv_type != "f16") {
        cmd += fmt::format(" -ctk {0} -ctv {0}", in.kv_type);
    }
    if (in.cpu_moe_layers > 0) {
        cmd += fmt::format(" --n-cpu-moe {}", in.cpu_moe_layers);
    }
    std::size_t used = 0;
    for (const auto n : in.gpu_split) {
        used += n > 0 ? 1 : 0;
    }
    if (used > 1) {
        cmd += " -ts " + join_split(in.gpu_split);
    }
    if (in.parallel > 1) {
        cmd += fmt::format(" -np {}", in.parallel);
    }
    if (in.threads > 0) {
        cmd += fmt::format(" -t {}", in.threads);
    }
    return cmd;
}

std::string lm_studio_command(const CommandInput& in) {
    if (in.lms_key.empty()) {
        return {};
    }
    const std::string get = in.quant.empty()
                                ? "lms get " + in.lms_key
                                : fmt::format("lms get {}@{}", in.lms_key, to_lower(in.quant));
    std::string gpu = "off";
    if (in.total_layers > 0 && in.gpu_layers >= in.total_layers) {
        gpu = "max";
    } else if (in.total_layers > 0 && in.gpu_layers > 0) {
        gpu = fmt::format("{:.2f}", static_cast<double>(in.gpu_layers) / in.total_layers);
    }
    return fmt::format("{}\nlms load {} --gpu {} --context-length {}", get, in.lms_key, gpu,
                       in.ctx);
}

std::string vllm_command(const CommandInput& in) {
    if (!in.vllm_fits || in.hf_repo.empty()) {
        return {};
    }
    std::string cmd = fmt::format("vllm serve {} --max-model-len {} --gpu-memory-utilization {:.2f}",
                                  in.hf_repo, in.ctx, in.gpu_memory_utilization);
    if (in.tensor_parallel > 1) {
        cmd += fmt::format(" -tp {}", in.tensor_parallel);
    }
    return cmd;
}

std::string modelscope_command(const CommandInput& in) {
    if (in.modelscope_repo.empty()) {
        return {};
    }
    const std::string file = in.modelscope_file.empty() ? "" : " " + in.modelscope_file;
    return fmt::format("modelscope download --model {}{} --local_dir ./models", in.modelscope_repo,
                       file);
}

}  // namespace

Commands make_commands(const CommandInput& in) {
    return Commands{ollama_command(in), llama_cpp_command(in), lm_studio_command(in),
                    vllm_command(in), modelscope_command(in)};
}

std::uint32_t ollama_default_ctx(double total_vram_gib) {
    if (total_vram_gib >= 47) {
        return 262144;
    }
    if (total_vram_gib >= 23) {
        return 32768;
    }
    return 4096;
}

}  // namespace canrun::advise
