#include "report/fit_text.h"

#include <fmt/format.h>

#include "report/explain_text.h"
#include "report/fit_notes.h"
#include "report/speed_text.h"
#include "report/style.h"
#include "report/text_layout.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::report {

namespace {

struct Words {
    const char* params;       // "{} parameters"
    const char* active;       // "{} active"
    const char* on_disk;      // "{} on disk"
    const char* context;      // "Context: {} tokens x {} {}, KV cache {}, flash attention {}"
    const char* sequence;
    const char* sequences;
    const char* on;
    const char* off;
    const char* memory_cpu;   // heading
    const char* memory_gpu;   // heading, GPU backend
    const char* weights;
    const char* kv;
    const char* per_token;    // "{} per token"
    const char* state;
    const char* compute;
    const char* runtime;
    const char* total;
    const char* notes;
};

constexpr Words kEn = {"{} parameters", "{} active", "{} on disk",
                       "Context: {} tokens x {} {}, KV cache {}, flash attention {}",
                       "sequence", "sequences", "on", "off", "Memory needed (CPU only):",
                       "Memory needed (all on one GPU backend):", "Weights", "KV cache",
                       "{} per token", "Recurrent state", "Compute buffers", "Runtime", "Total",
                       "Notes:"};
constexpr Words kZh = {"{} 参数", "激活 {}", "磁盘占用 {}",
                       "上下文：{} 个 token × {} {}，KV 缓存 {}，flash attention {}",
                       "个序列", "个序列", "开", "关", "所需内存（仅 CPU）：",
                       "所需内存（全部在 GPU 后端）：", "权重", "KV 缓存",
                       "每 token {}", "循环状态", "计算缓冲", "运行时", "合计",
                       "说明："};

std::string title_line(const FitReport& r, const Words& w) {
    const auto& f = r.facts;
    std::string s = f.name.empty() ? r.model_id : f.name;
    s += " — " + f.arch + ", " + fmt::format(fmt::runtime(w.params), format_params(f.params));
    if (f.active_params < f.params) {
        s += " (" + fmt::format(fmt::runtime(w.active), format_params(f.active_params)) + ")";
    }
    if (!f.quant.empty()) {
        s += ", " + f.quant;
    }
    if (f.file_bytes > 0) {
        s += ", " + fmt::format(fmt::runtime(w.on_disk), format_bytes_si(f.file_bytes));
    }
    return s;
}

std::string context_line(const FitReport& r, const Words& w) {
    const auto& c = r.memory.context;
    const auto k = estimate::cache_type_info(r.params.type_k).name;
    const auto v = estimate::cache_type_info(r.params.type_v).name;
    const std::string kv = k == v ? std::string(k) : fmt::format("{}/{}", k, v);
    return fmt::format(fmt::runtime(w.context), c.n_ctx_seq, c.n_seq, c.n_seq == 1 ? w.sequence : w.sequences,
                       kv, c.flash_attn ? w.on : w.off);
}

std::string row(const char* label, std::uint64_t bytes, const std::string& extra = {}) {
    std::string s = fmt::format("  {:<18}{:>11}", label, format_bytes(bytes));
    if (!extra.empty()) {
        s += "  (" + extra + ")";
    }
    return s + "\n";
}

std::string memory_block(const FitReport& r, const Words& w, const Style& st) {
    const auto& m = r.memory;
    const bool on_gpu = r.fit && r.fit->backend != estimate::Backend::Cpu;
    std::string s = st.heading(on_gpu ? w.memory_gpu : w.memory_cpu) + "\n";
    s += row(w.weights, m.weights_bytes);
    s += row(w.kv, m.kv_bytes, fmt::format(fmt::runtime(w.per_token), format_bytes(m.kv_bytes_per_token)));
    if (m.state_bytes > 0) {
        s += row(w.state, m.state_bytes);
    }
    s += row(w.compute, m.compute_bytes());
    s += row(w.runtime, m.overhead_bytes);
    s += row(w.total, m.total_bytes(), format_bytes_si(m.total_bytes()));
    return s;
}

std::string verdict_line(const advise::FitResult& fit, const estimate::Machine& m, bool zh) {
    const auto& p = fit.placement;
    switch (p.mode) {
        case estimate::PlacementMode::FullGpu:
            return zh ? "全部放进 GPU" : "runs wholly on the GPU";
        case estimate::PlacementMode::Partial:
            if (p.cpu_moe_layers > 0) {
                return zh ? fmt::format("GPU + CPU：前 {} 层的专家权重放在 CPU 内存", p.cpu_moe_layers)
                          : fmt::format("GPU + CPU: the experts of the first {} layers stay in RAM",
                                        p.cpu_moe_layers);
            }
            return zh ? fmt::format("GPU + CPU：{} 层中的 {} 层在 GPU", p.total_layers, p.gpu_layers)
                      : fmt::format("GPU + CPU: {} of {} layers on the GPU", p.gpu_layers,
                                    p.total_layers);
        case estimate::PlacementMode::Cpu:
            return m.gpus.empty() ? (zh ? "在 CPU 上运行" : "runs on the CPU")
                                  : (zh ? "GPU 放不下，在 CPU 上运行"
                                        : "runs on the CPU (no room on the GPU)");
        case estimate::PlacementMode::WontFit:
            return zh ? fmt::format("放不下：还差 {}", format_bytes(p.shortfall_bytes))
                      : fmt::format("does not fit: {} short", format_bytes(p.shortfall_bytes));
    }
    return {};
}

std::string machine_block(const FitReport& r, Lang lang, const Style& st) {
    const bool zh = lang == Lang::Zh;
    const auto& fit = *r.fit;
    const std::string verdict = st.verdict(verdict_line(fit, *r.machine, zh), fit.placement.mode);
    std::string s = zh ? fmt::format("\n在 {} 上：{}\n", r.machine->name, verdict)
                       : fmt::format("\nOn {}: {}\n", r.machine->name, verdict);
    for (const auto& d : fit.placement.devices) {
        if (d.bytes == 0) {
            continue;
        }
        s += fmt::format("  {:<28} {:>11} / {}\n", d.device, format_bytes(d.bytes),
                         format_bytes(d.budget_bytes));
    }
    if (fit.placement.mode != estimate::PlacementMode::WontFit) {
        s += "  " + hanging(speed_summary(fit.speed, r.speed_query, lang), 2);
        if (r.explain) {
            s += speed_explain(fit.speed, lang);
        }
        s += zh ? fmt::format("  最长上下文：{} token", fit.max_ctx)
                : fmt::format("  Largest context: {} tokens", fit.max_ctx);
        if (!r.machine->gpus.empty() && fit.max_ctx_full_gpu != fit.max_ctx) {
            const std::string n = fit.max_ctx_full_gpu > 0 ? std::to_string(fit.max_ctx_full_gpu)
                                                           : (zh ? "放不下" : "none");
            s += zh ? fmt::format("（全部在 GPU：{}）", n) : fmt::format(" (wholly on the GPU: {})", n);
        }
        s += "\n";
    }
    return s;
}

std::string alternatives_block(const std::vector<advise::Alternative>& alts, bool zh,
                               const Style& st) {
    if (alts.empty()) {
        return {};
    }
    std::string s = "\n" + st.heading(zh ? "更合适的选择：" : "Better fits for this machine:") + "\n";
    for (const auto& a : alts) {
        const std::string where = estimate::to_string(a.mode) == std::string("full_gpu")
                                      ? (zh ? "全部在 GPU" : "wholly on the GPU")
                                      : (zh ? "在 CPU" : "on the CPU");
        if (a.kind == "shorter_context") {
            s += zh ? fmt::format("  - 上下文缩短到 {} token：{}\n", a.ctx, where)
                    : fmt::format("  - a context of {} tokens: {}\n", a.ctx, where);
        } else {
            const char* what = a.kind == "smaller_quant" ? (zh ? "更低的量化" : "a smaller quant")
                                                         : (zh ? "同系列更小的模型" : "a smaller sibling");
            s += fmt::format("  - {}: {} {}, {}, {:.0f} tok/s, {}\n", what, a.model_id, a.quant,
                             where, a.decode_tps, format_bytes(a.total_bytes));
        }
    }
    return s;
}

std::string commands_block(const advise::Commands& c, bool zh, const Style& st) {
    std::string s;
    const auto add = [&](const char* label, const std::string& cmd) {
        if (!cmd.empty()) {
            s += fmt::format("  # {}\n", label);
            for (const auto& line : split(cmd, '\n')) {
                s += shell_line(line, 2);
            }
        }
    };
    add("Ollama", c.ollama);
    add("llama.cpp", c.llama_cpp);
    add("LM Studio", c.lm_studio);
    add("vLLM", c.vllm);
    if (zh) {
        add("ModelScope（魔搭）", c.modelscope);
    }
    return s.empty() ? s : "\n" + st.heading(zh ? "启动命令：" : "Commands:") + "\n" + s;
}

}  // namespace

std::string fit_to_text(const FitReport& r, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    const Style st(r.color);
    std::string s = title_line(r, w) + "\n" + context_line(r, w) + "\n\n" + memory_block(r, w, st);
    if (r.fit && r.machine != nullptr) {
        s += machine_block(r, lang, st);
        if (r.explain) {
            s += "\n" + explain_text(explain_report(r), lang, st);
        }
        s += alternatives_block(r.alternatives, lang == Lang::Zh, st);
        if (r.fit->placement.mode != estimate::PlacementMode::WontFit) {
            s += commands_block(r.commands, lang == Lang::Zh, st);
        }
    }
    if (!r.notes.empty()) {
        s += "\n" + st.heading(w.notes) + "\n";
        for (const auto& n : r.notes) {
            s += "  - " + hanging(fit_note_text(n, lang), 4);
        }
    }
    return s;
}

}  // namespace canrun::report
