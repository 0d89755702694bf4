#include "report/explain_text.h"

#include <algorithm>

#include <fmt/format.h>

#include "report/text_layout.h"
#include "util/units.h"

namespace canrun::report {

namespace {

struct Words {
    const char* heading;
    const char* weights;    // "Weights: ..."
    const char* total;
    const char* kv;         // "KV cache: ..."
    const char* kv_group;   // {layers} {swa} {cells} {streams} {k} {v} {bytes}
    const char* swa;
    const char* streams;    // " x {} streams"
    const char* no_v;
    const char* recurrent;  // {layers} {seqs} {per_seq} {bytes}
    const char* per_token;
    const char* compute;    // {backend} {fa} {formula} {bytes}
    const char* fa_on;
    const char* fa_off;
    const char* inputs;
    const char* buffers;    // {host} {seq} {output}
    const char* runtime;    // {backend} {bytes}
    const char* placement;  // {mode}
    const char* placement_cpu;  // {mode}
    const char* full_gpu_mode;
    const char* partial_mode;
    const char* cpu_mode;
    const char* wont_fit_mode;
    const char* gpu;        // {device} {free} {runtime} {margin} {compute} {room}
    const char* gpu_unused; // {device} {free}
    const char* cpu;        // {device} {ram} {kept} {budget}
    const char* holds;      // {layers} {output} {weights} {experts} {kv} {bytes}
    const char* output;
    const char* experts;    // " (experts {})"
    const char* max_ctx;    // {limit} {per_token} {max}
    const char* full_gpu;   // {n}
};

constexpr Words kEn{
    "How these figures were computed (--explain):",
    "Weights = the bytes of every tensor in the file, by class and type:",
    "total",
    "KV cache = layers x cells x (K row + V row); a row = KV heads x head dim x type:",
    "{} layers{} x {} cells{}: K {} + V {} per cell = {}",
    " (sliding window)",
    " x {} streams",
    "none (MLA latent only)",
    "Recurrent state = {} layers x {} sequences x {} (4 B x (conv + SSM)) = {}",
    "Each token of context adds {} (full-attention layers).",
    "Compute buffer ({}, flash attention {}) = {} = {}",
    "on", "off",
    "with n_ubatch {}, n_kv {}, n_embd {}, n_vocab {}, heads {}, n_ff {}:",
    "Host buffer {}; output buffer = 4 B x {} sequences x n_vocab = {}.",
    "Runtime ({}) = {}: what the backend takes outside llama.cpp's buffers "
    "(a fixed allowance, docs/estimates.md).",
    "Placement ({}): each GPU keeps its runtime, a margin and its compute buffer free; "
    "layers fill the rest, the last layers first.",
    "Placement ({}): every layer in RAM, within what the system can spare.",
    "wholly on the GPU", "GPU + CPU", "CPU only", "does not fit",
    "{}: free {} - runtime {} - margin {} - compute {} = {} for layers;",
    "{}: free {}, not used.",
    "{}: RAM {} - kept back {} = budget {};",
    " holds {} layers{}: weights {}{}, KV {}; {} in all.",
    " and the output layer",
    " (experts {})",
    "Largest context = the longest multiple of 256 tokens, up to {}, that still "
    "places as well; each token adds {}: {} tokens.",
    "Wholly on the GPU: {} tokens.",
};

constexpr Words kZh{
    "各项数字的算法（--explain）：",
    "权重 = 文件中每个张量的字节数，按类别和类型：",
    "合计",
    "KV 缓存 = 层数 x 单元数 x（K 行 + V 行）；一行 = KV 头数 x 头维度 x 类型：",
    "{} 层{} x {} 个单元{}：每单元 K {} + V {} = {}",
    "（滑动窗口）",
    " x {} 个流",
    "无（仅 MLA 潜变量）",
    "循环状态 = {} 层 x {} 个序列 x {}（4 B x（conv + SSM））= {}",
    "上下文每多一个 token 增加 {}（全注意力层）。",
    "计算缓冲（{}，flash attention {}）= {} = {}",
    "开", "关",
    "其中 n_ubatch {}、n_kv {}、n_embd {}、n_vocab {}、注意力头 {}、n_ff {}：",
    "主机缓冲 {}；输出缓冲 = 4 B x {} 个序列 x n_vocab = {}。",
    "运行时（{}）= {}：后端在 llama.cpp 缓冲之外占用的内存（固定估值，见 docs/estimates.md）。",
    "放置（{}）：每块 GPU 先留出运行时、安全余量和计算缓冲，剩下的放层，从最后一层开始。",
    "放置（{}）：所有层都放在内存中，以系统可用的内存为限。",
    "全部在 GPU", "GPU + CPU", "仅 CPU", "放不下",
    "{}：可用 {} - 运行时 {} - 余量 {} - 计算 {} = 放层空间 {}；",
    "{}：可用 {}，未使用。",
    "{}：内存 {} - 保留 {} = 预算 {}；",
    "放 {} 层{}：权重 {}{}，KV {}；共 {}。",
    "和输出层",
    "（其中专家 {}）",
    "最长上下文 = 放置方式不变时最长的 256 token 整数倍，上限 {}；每个 token 增加 {}：{} token。",
    "全部在 GPU：{} token。",
};

const char* mode_label(const std::string& mode, const Words& w) {
    if (mode == "full_gpu") {
        return w.full_gpu_mode;
    }
    if (mode == "partial") {
        return w.partial_mode;
    }
    return mode == "cpu" ? w.cpu_mode : w.wont_fit_mode;
}

std::string line(const std::string& text, std::size_t indent) {
    return std::string(indent, ' ') + hanging(text, indent + 2);
}

std::string kv_row(std::uint32_t heads, std::uint32_t dim,
                   const std::string& type, std::uint64_t bytes) {
    return fmt::format("{} x {} {} ({})", heads, dim, type, format_bytes(bytes));
}

std::string weights_block(const FitExplanation& e, const Words& w) {
    std::string s = line(w.weights, 2);
    for (const auto& c : e.weights) {
        std::string types;
        for (const auto& t : c.types) {
            types += (types.empty() ? "" : ", ") + t.type + " " + format_bytes(t.bytes);
        }
        s += line(fmt::format("{:<15}{:>11}  {}", c.id, format_bytes(c.bytes), types), 4);
    }
    s += line(fmt::format("{:<15}{:>11}", w.total, format_bytes(e.weights_bytes)), 4);
    return s;
}

std::string kv_block(const KvExplanation& kv, const Words& w) {
    std::string s = line(w.kv, 2);
    for (const auto& g : kv.groups) {
        const std::string streams = g.streams > 1 ? fmt::format(fmt::runtime(w.streams), g.streams) : "";
        const std::string k = kv_row(g.kv_heads, g.head_dim_k, kv.type_k, g.k_row_bytes);
        const std::string v = g.v_row_bytes == 0
                                  ? std::string(w.no_v)
                                  : kv_row(g.kv_heads, g.head_dim_v, kv.type_v, g.v_row_bytes);
        s += line(fmt::format(fmt::runtime(w.kv_group), g.layers, g.sliding_window ? w.swa : "",
                              g.cells, streams, k, v, format_bytes(g.bytes)),
                  4);
    }
    if (kv.recurrent_layers > 0) {
        s += line(fmt::format(fmt::runtime(w.recurrent), kv.recurrent_layers, kv.sequences,
                              format_bytes(kv.state_bytes_per_sequence), format_bytes(kv.state_bytes)),
                  4);
    }
    if (kv.bytes_per_token > 0) {
        s += line(fmt::format(fmt::runtime(w.per_token), format_bytes(kv.bytes_per_token)), 4);
    }
    return s;
}

std::string compute_block(const ComputeExplanation& c, const Words& w) {
    std::string s = line(fmt::format(fmt::runtime(w.compute), c.backend, c.flash_attn ? w.fa_on : w.fa_off,
                                     c.formula, format_bytes(c.device_bytes)),
                         2);
    s += line(fmt::format(fmt::runtime(w.inputs), c.n_ubatch, c.n_kv, c.n_embd, c.n_vocab, c.n_head, c.n_ff), 4);
    std::string terms = fmt::format("L = 4 B x n_ubatch x (n_vocab + n_embd) = {}; "
                                    "E = 4 B x n_ubatch x n_embd = {}",
                                    format_bytes(c.logits_bytes), format_bytes(c.hidden_bytes));
    if (c.kq_bytes > 0) {
        const std::uint64_t rows = c.kq_bytes / (4ULL * c.n_ubatch * c.n_kv);
        terms += fmt::format("; KQ = 4 B x n_ubatch x n_kv x {} (heads + mask) = {}", rows,
                             format_bytes(c.kq_bytes));
    }
    if (c.ffn_bytes > 0) {
        terms += fmt::format("; F = 4 B x n_ubatch x n_ff = {}", format_bytes(c.ffn_bytes));
    }
    s += line(terms + ".", 4);
    s += line(fmt::format(fmt::runtime(w.buffers), format_bytes(c.host_bytes), c.n_seq,
                          format_bytes(c.output_buffer_bytes)),
              4);
    return s;
}

std::string device_line(const DeviceExplanation& d, const Words& w) {
    std::string head;
    if (d.gpu && d.runtime_bytes == 0 && d.bytes == 0) {
        return line(fmt::format(fmt::runtime(w.gpu_unused), d.device, format_bytes(d.budget_bytes)), 4);
    }
    if (d.gpu) {
        head = fmt::format(fmt::runtime(w.gpu), d.device, format_bytes(d.budget_bytes),
                           format_bytes(d.runtime_bytes), format_bytes(d.margin_bytes),
                           format_bytes(d.compute_bytes), format_bytes(d.room_bytes));
    } else {
        const std::uint64_t kept = d.source_bytes > d.budget_bytes ? d.source_bytes - d.budget_bytes : 0;
        head = fmt::format(fmt::runtime(w.cpu), d.device, format_bytes(d.source_bytes),
                           format_bytes(kept), format_bytes(d.budget_bytes));
    }
    const std::string experts = d.expert_bytes > 0
                                    ? fmt::format(fmt::runtime(w.experts), format_bytes(d.expert_bytes))
                                    : "";
    return line(head + fmt::format(fmt::runtime(w.holds), d.layers, d.holds_output ? w.output : "",
                                         format_bytes(d.weight_bytes), experts,
                                         format_bytes(d.kv_bytes), format_bytes(d.bytes)),
                4);
}

}  // namespace

std::string explain_text(const FitExplanation& e, Lang lang, const Style& style) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    std::string s = style.heading(w.heading) + "\n";
    if (!e.weights.empty()) {
        s += weights_block(e, w);
    }
    s += kv_block(e.kv, w);
    s += compute_block(e.compute, w);
    s += line(fmt::format(fmt::runtime(w.runtime), e.runtime_backend, format_bytes(e.runtime_bytes)), 2);
    const bool any_gpu = std::any_of(e.devices.begin(), e.devices.end(),
                                     [](const DeviceExplanation& d) { return d.gpu; });
    s += line(fmt::format(fmt::runtime(any_gpu ? w.placement : w.placement_cpu), mode_label(e.mode, w)), 2);
    for (const auto& d : e.devices) {
        s += device_line(d, w);
    }
    if (e.mode != "wont_fit") {
        s += line(fmt::format(fmt::runtime(w.max_ctx), e.ctx_limit, format_bytes(e.kv.bytes_per_token),
                              e.max_ctx),
                  2);
        if (e.max_ctx_full_gpu > 0 && e.max_ctx_full_gpu != e.max_ctx) {
            s += line(fmt::format(fmt::runtime(w.full_gpu), e.max_ctx_full_gpu), 4);
        }
    }
    return s;
}

}  // namespace canrun::report
