#include "report/fit_text.h"

#include <fmt/format.h>

#include "report/fit_notes.h"
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
                       "sequence", "sequences", "on", "off", "Memory needed (CPU only):", "Weights", "KV cache",
                       "{} per token", "Recurrent state", "Compute buffers", "Runtime", "Total",
                       "Notes:"};
constexpr Words kZh = {"{} 参数", "激活 {}", "磁盘占用 {}",
                       "上下文：{} 个 token × {} {}，KV 缓存 {}，flash attention {}",
                       "个序列", "个序列", "开", "关", "所需内存（仅 CPU）：", "权重", "KV 缓存",
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

std::string memory_block(const FitReport& r, const Words& w) {
    const auto& m = r.memory;
    std::string s = std::string(w.memory_cpu) + "\n";
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

}  // namespace

std::string fit_to_text(const FitReport& r, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    std::string s = title_line(r, w) + "\n" + context_line(r, w) + "\n\n" + memory_block(r, w);
    if (!r.notes.empty()) {
        s += std::string("\n") + w.notes + "\n";
        for (const auto& n : r.notes) {
            s += "  - " + fit_note_text(n, lang) + "\n";
        }
    }
    return s;
}

}  // namespace canrun::report
