#include "report/fit_notes.h"

#include <array>

namespace canrun::report {

namespace {

struct NoteText {
    std::string_view id;
    std::string_view en;
    std::string_view zh;
};

constexpr std::array kNotes = {
    NoteText{"facts.unknown_arch",
             "architecture not known to canrun: sizes come from the generic GGUF keys",
             "canrun 不认识这个架构：尺寸按通用 GGUF 键计算"},
    NoteText{"facts.embedding_length_from_tensor", "embedding length read from token_embd.weight",
             "嵌入维度取自 token_embd.weight"},
    NoteText{"facts.vocab_from_tensor", "vocabulary size read from token_embd.weight",
             "词表大小取自 token_embd.weight"},
    NoteText{"facts.no_vocab", "vocabulary size unknown: logits buffers counted as zero",
             "词表大小未知：logits 缓冲按 0 计"},
    NoteText{"facts.no_context_length", "the file states no trained context length",
             "文件未给出训练上下文长度"},
    NoteText{"facts.no_head_count", "the file states no attention head count: no KV cache counted",
             "文件未给出注意力头数：未计 KV 缓存"},
    NoteText{"facts.per_layer_array_length", "a per-layer array does not match the layer count",
             "逐层数组的长度与层数不符"},
    NoteText{"facts.recurrent_layers_guessed",
             "recurrent layers guessed from zero KV heads (unknown hybrid architecture)",
             "按 KV 头数为 0 推断循环层（未知的混合架构）"},
    NoteText{"facts.swa_from_file_pattern", "sliding-window layers taken from the file's pattern",
             "滑动窗口层取自文件中的模式"},
    NoteText{"facts.quant_from_tensor_types",
             "no general.file_type: quantization named after the most common weight type",
             "没有 general.file_type：量化名取自最常见的权重类型"},
    NoteText{"facts.tensor_beyond_block_count", "a tensor names a layer beyond block_count",
             "有张量所属的层号超出 block_count"},
    NoteText{"memory.ctx_from_model", "context: the model's trained context (llama.cpp's default)",
             "上下文：模型的训练上下文（llama.cpp 默认）"},
    NoteText{"memory.ctx_fallback", "context: 4096 tokens (the model states none)",
             "上下文：4096 个 token（模型未给出）"},
    NoteText{"memory.swa_cache",
             "sliding-window layers keep only window + ubatch cells (llama.cpp iSWA cache)",
             "滑动窗口层只保留窗口 + ubatch 个单元（llama.cpp iSWA 缓存）"},
    NoteText{"memory.mla_latent_only",
             "MLA: the cache holds only the compressed latent (llama.cpp since 2026-01-24)",
             "MLA：缓存只存压缩后的潜向量（llama.cpp 2026-01-24 起）"},
    NoteText{"memory.mla_latent_and_v", "MLA: latent plus a V copy (llama.cpp before 2026-01-24)",
             "MLA：潜向量外加一份 V（2026-01-24 之前的 llama.cpp）"},
    NoteText{"memory.recurrent_state",
             "recurrent layers keep a fixed F32 state per sequence, independent of the context",
             "循环层每个序列保留固定大小的 F32 状态，与上下文长度无关"},
    NoteText{"memory.mla_without_flash_attn",
             "MLA without flash attention needs a large KQ buffer; turn flash attention on",
             "MLA 不开 flash attention 需要很大的 KQ 缓冲；请打开 flash attention"},
    NoteText{"fit.cpu_only_placement",
             "placement on GPUs is not wired into fit yet: every layer is counted on the CPU",
             "fit 暂未接入 GPU 放置：所有层都按 CPU 计"},
    NoteText{"fit.default_ctx",
             "context: 8192 tokens, or the trained context if smaller; change it with --ctx",
             "上下文：8192 个 token（训练上下文更小时取其值）；用 --ctx 修改"},
    NoteText{"fit.parallel",
             "each parallel sequence gets the full context (llama-server -c ctx*N -np N, as Ollama)",
             "每个并行序列都有完整上下文（llama-server -c ctx*N -np N，与 Ollama 相同）"},
    NoteText{"fit.backend_ignored",
             "--backend is not used by fit yet: buffers are sized for the CPU backend",
             "fit 暂不使用 --backend：缓冲按 CPU 后端计算"},
    NoteText{"fit.quant_ignored", "--quant applies to catalog models; a GGUF file has its own",
             "--quant 只用于目录中的模型；GGUF 文件自带量化"},
    NoteText{"fit.mmap",
             "with mmap (the default) CPU weights are file-backed page cache, reclaimable by the OS",
             "启用 mmap（默认）时 CPU 上的权重是文件页缓存，系统可回收"},
};

}  // namespace

std::string fit_note_text(std::string_view id, Lang lang) {
    const auto colon = id.find(':');
    const std::string_view base = id.substr(0, colon);
    for (const auto& n : kNotes) {
        if (n.id == base) {
            std::string text(lang == Lang::Zh ? n.zh : n.en);
            if (colon != std::string_view::npos) {
                text += " (";
                text += id.substr(colon + 1);
                text += ")";
            }
            return text;
        }
    }
    return std::string(id);
}

}  // namespace canrun::report
