#include <fmt/format.h>

#include "report/scan_report.h"
#include "report/text_layout.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::report {

namespace {

struct Words {
    const char* title;      // count, bytes, machine
    const char* none;
    const char* no_stores;
    const char* params;
    const char* context;
    const char* no_estimate;
    const char* speed;      // p50, p10, p90
    const char* also;
    const char* dups;       // count, bytes, evidence
    const char* ollama_up;  // host, models, loaded
    const char* ollama_down;
    const char* loaded;     // name, size, vram, pct, ctx
    const char* estimate;   // total, gpu
    const char* notes;
};

constexpr Words kEn{
    "{} local model(s), {} on disk; answers for {}:\n",
    "No local models found. Looked in:\n",
    "No local models found: none of the stores' folders exists here (give a DIR to look elsewhere).\n",
    "params", "context",
    "cannot estimate (see notes)",
    "about {:.0f} tok/s ({:.0f}-{:.0f})",
    "also: ",
    "Duplicates (same size, same first and last 64 KiB): {} extra {}, {} wasted:\n",
    "Ollama at {}: {} model(s), {} loaded\n",
    "Ollama: not reachable at {} ({}); loaded models not shown\n",
    "  {}: {} in memory ({} on GPU, {}%), context {}\n",
    "    canrun estimates {} ({} on GPU) at that context\n",
    "Notes:\n"};
constexpr Words kZh{
    "本地模型 {} 个，共占磁盘 {}；以下按 {} 作答：\n",
    "没有找到本地模型。查找过：\n",
    "没有找到本地模型：本机上没有任何模型仓库目录（可指定目录 DIR 来查找）。\n",
    "参数", "上下文",
    "无法估算（见说明）",
    "约 {:.0f} token/s（{:.0f}-{:.0f}）",
    "另见：",
    "重复文件（大小相同，且首尾各 64 KiB 内容相同）：多出 {} 份{}，浪费 {}：\n",
    "Ollama（{}）：{} 个模型，已加载 {} 个\n",
    "Ollama：无法连接 {}（{}），不显示已加载的模型\n",
    "  {}：占用内存 {}（GPU 上 {}，{}%），上下文 {}\n",
    "    canrun 估算该上下文下需要 {}（GPU 上 {}）\n",
    "说明：\n"};

std::string verdict(const scan::ModelFit& f, const estimate::Machine& m, bool zh) {
    const auto& p = f.fit.placement;
    switch (p.mode) {
        case estimate::PlacementMode::FullGpu: return zh ? "全部在 GPU" : "fits on the GPU";
        case estimate::PlacementMode::Partial:
            return zh ? fmt::format("GPU+CPU（{}/{} 层在 GPU）", p.gpu_layers, p.total_layers)
                      : fmt::format("GPU+CPU ({} of {} layers on the GPU)", p.gpu_layers, p.total_layers);
        case estimate::PlacementMode::Cpu:
            return m.gpus.empty() ? (zh ? "在 CPU 上运行" : "runs on the CPU")
                                  : (zh ? "GPU 放不下，在 CPU 上运行" : "runs on the CPU (no room on the GPU)");
        case estimate::PlacementMode::WontFit:
            return zh ? fmt::format("放不下：还差 {}", format_bytes(p.shortfall_bytes))
                      : fmt::format("does not fit: {} short", format_bytes(p.shortfall_bytes));
    }
    return {};
}

// The command to start it: Ollama's for an Ollama model, else llama.cpp's, else vLLM's.
std::string command(const scan::ModelFit& f) {
    const auto& c = f.commands;
    return !c.ollama.empty() ? c.ollama : !c.llama_cpp.empty() ? c.llama_cpp : c.vllm;
}

std::string indent(const std::string& text, const char* pad) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        out += pad + text.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// A path too wide for the terminal keeps its start and its end around an ellipsis (the JSON has
// it whole).
std::string shorten_path(const std::string& path, std::size_t width) {
    if (display_width(path) <= width || path.size() < 24) return path;
    const std::size_t head = width / 3;
    const std::size_t tail = width - head - 1;
    return path.substr(0, head) + "…" + path.substr(path.size() - tail);
}

std::string entry_text(const ScanEntry& e, const ScanView& v, const Words& w, bool zh) {
    const auto& m = *e.model;
    std::string s = fmt::format("\n{}  [{}]\n", m.name, scan::store_id(m.store));
    const char* sep = zh ? "，" : ", ";
    s += fmt::format("  {}{}{} {}{}{}{}{}", m.arch.empty() ? "?" : m.arch, sep, format_params(m.params),
                     w.params, sep, m.quant, sep, format_bytes(m.file_bytes));
    if (e.fit) s += fmt::format("{}{} {}", sep, w.context, format_tokens(e.fit->ctx));
    s += "\n";
    if (!e.fit) {
        s += fmt::format("  {}\n", w.no_estimate);
    } else {
        s += "  " + verdict(*e.fit, *v.machine, zh);
        if (e.fit->fit.placement.mode != estimate::PlacementMode::WontFit) {
            const auto& d = e.fit->fit.speed.decode_tps;
            s += zh ? "，" : ", ";
            s += fmt::format(fmt::runtime(w.speed), d.p50, d.p10, d.p90);
        }
        s += "\n" + indent(command(*e.fit), "  $ ");
    }
    s += "  " + m.path + "\n";
    for (const auto& a : m.aliases) s += fmt::format("  {}{}\n", w.also, a);
    for (const auto& a : m.also_at) {
        s += fmt::format("  {}{}\n", w.also, shorten_path(a, kTerminalWidth - 2 - display_width(w.also)));
    }
    for (const auto& n : m.notes) s += "  * " + scan_note_text(n, zh ? Lang::Zh : Lang::En) + "\n";
    return s;
}

std::string ollama_text(const ScanView& v, const Words& w) {
    const auto& o = *v.ollama;
    if (!o.reachable) return "\n" + fmt::format(fmt::runtime(w.ollama_down), o.host, o.error);
    std::string s = "\n" + fmt::format(fmt::runtime(w.ollama_up), o.host, o.models.size(), o.loaded.size());
    for (const auto& l : v.loaded) {
        const auto& x = *l.loaded;
        const auto pct = x.size_bytes > 0 ? (100 * x.size_vram_bytes + x.size_bytes / 2) / x.size_bytes : 0;
        s += fmt::format(fmt::runtime(w.loaded), x.name, format_bytes(x.size_bytes),
                         format_bytes(x.size_vram_bytes), pct, x.context_length);
        if (l.estimate) {
            std::uint64_t gpu = 0;
            for (const auto& d : l.estimate->fit.placement.devices) gpu += d.gpu >= 0 ? d.bytes : 0;
            s += fmt::format(fmt::runtime(w.estimate), format_bytes(l.estimate->fit.memory.total_bytes()),
                             format_bytes(gpu));
        }
    }
    return s;
}

// Every line to 80 columns: commands break between words with " \\" (still paste into a shell),
// a lone path is shortened, other text wraps under its own indent.
std::string fit_lines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (display_width(line) <= kTerminalWidth) {
            out += line + "\n";
            continue;
        }
        const std::size_t lead = line.find_first_not_of(' ');
        const std::string body = line.substr(lead);
        if (body.rfind("$ ", 0) == 0) {
            out += shell_line(body, lead);
        } else if (body.find(' ') == std::string::npos) {
            out += std::string(lead, ' ') + shorten_path(body, kTerminalWidth - lead) + "\n";
        } else {
            out += std::string(lead, ' ') + hanging(body, lead + 2);
        }
    }
    return out;
}

}  // namespace

std::string scan_to_text(const ScanView& v, Lang lang) {
    const bool zh = lang == Lang::Zh;
    const Words& w = zh ? kZh : kEn;
    const auto& r = *v.result;
    std::string s;
    if (v.entries.empty()) {
        s += r.roots.empty() ? w.no_stores : w.none;
        for (const auto& root : r.roots) s += "  " + root + "\n";
    } else {
        std::uint64_t total = 0;
        for (const auto& e : v.entries) total += e.model->file_bytes;
        s += fmt::format(fmt::runtime(w.title), v.entries.size(), format_bytes(total), v.machine->name);
        for (const auto& e : v.entries) s += entry_text(e, v, w, zh);
    }
    if (!r.duplicates.empty()) {
        std::uint64_t wasted = 0, copies = 0;
        for (const auto& d : r.duplicates) {
            wasted += d.wasted_bytes;
            copies += d.paths.size() - 1;
        }
        const char* noun = zh ? "副本" : copies == 1 ? "copy" : "copies";
        s += "\n" + fmt::format(fmt::runtime(w.dups), copies, noun, format_bytes(wasted));
        for (const auto& d : r.duplicates) {
            for (const auto& p : d.paths) s += "  " + p + "\n";
        }
    }
    if (v.ollama != nullptr) s += ollama_text(v, w);
    if (!r.notes.empty()) {
        s += std::string("\n") + w.notes;
        for (const auto& n : r.notes) {
            s += "  " + n.path + (zh ? "：" : ": ") + scan_note_text(n.id, lang);
            s += n.detail.empty() ? "\n" : (zh ? "（" : " (") + n.detail + (zh ? "）\n" : ")\n");
        }
    }
    return fit_lines(s);
}

}  // namespace canrun::report
