#include "report/hw_text.h"

#include <fmt/format.h>

#include "report/hw_notes.h"
#include "report/text_layout.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::report {

namespace {

struct Words {
    const char* cpu;
    const char* memory;
    const char* gpu;
    const char* npu;
    const char* disk;
    const char* system;
    const char* notes;
    const char* cores;      // "{} cores / {} threads"
    const char* hybrid;     // "{}P + {}E"
    const char* total_avail;  // "{} total, {} available"
    const char* swap;
    const char* free;       // "{} free"
    const char* unknown;
    const char* shared;     // unified memory
    const char* no_gpu;
    const char* on;         // "{} on {}"
    const char* more_notes; // "{} notes; add --verbose to see them"
};

constexpr Words kEn = {"CPU", "Memory", "GPU", "NPU", "Disk", "System", "Notes",
                       "{} cores / {} threads", "{}P + {}E", "{} total, {} available",
                       "swap {}", "{} free", "unknown", "shared with the CPU",
                       "none usable for LLMs (CPU only)", "{} on {}",
                       "{} notes; add --verbose to see them"};
constexpr Words kZh = {"处理器", "内存", "显卡", "NPU", "磁盘", "系统", "说明",
                       "{} 核 / {} 线程", "{} 性能核 + {} 能效核", "共 {}，可用 {}",
                       "交换空间 {}", "空闲 {}", "未知", "与 CPU 共用",
                       "无可用于大模型的显卡（仅 CPU）", "{}，位于 {}",
                       "{} 条说明；加 --verbose 查看"};

std::string or_unknown(const std::optional<std::uint64_t>& v, const Words& w) {
    return v ? format_bytes(*v) : w.unknown;
}

std::string cpu_line(const hw::CpuInfo& c, const Words& w) {
    std::string s = c.model.empty() ? w.unknown : c.model;
    if (c.physical_cores && c.logical_cores) {
        s += " — " + fmt::format(fmt::runtime(w.cores), *c.physical_cores, *c.logical_cores);
    }
    if (c.performance_cores && c.efficiency_cores) {
        s += " (" + fmt::format(fmt::runtime(w.hybrid), *c.performance_cores, *c.efficiency_cores) + ")";
    }
    if (c.max_ghz) {
        s += fmt::format(", {:.2f} GHz", *c.max_ghz);
    }
    if (!c.features.empty()) {
        s += fmt::format("; {}", fmt::join(c.features, " "));
    }
    return s;
}

std::string memory_line(const hw::MemoryInfo& m, const Words& w) {
    std::string s = fmt::format(fmt::runtime(w.total_avail), format_bytes(m.total_bytes),
                                or_unknown(m.available_bytes, w));
    if (m.swap_total_bytes) {
        s += "; " + fmt::format(fmt::runtime(w.swap), format_bytes(*m.swap_total_bytes));
    }
    if (!m.type.empty() && m.speed_mts) {
        s += fmt::format("; {}-{}", m.type, *m.speed_mts);
    }
    if (m.bandwidth_gbps) {
        s += fmt::format(", {:.1f} GB/s", *m.bandwidth_gbps);
    }
    return s;
}

std::string gpu_line(const hw::GpuInfo& g, const Words& w) {
    std::string s = g.name + " — " + or_unknown(g.vram_total_bytes, w);
    if (g.vram_free_bytes) {
        s += " (" + fmt::format(fmt::runtime(w.free), format_bytes(*g.vram_free_bytes)) + ")";
    }
    if (g.kind != hw::GpuKind::Discrete) {
        s += fmt::format(", {}", w.shared);
    }
    if (g.bandwidth_gbps) {
        s += fmt::format(", {:.0f} GB/s", *g.bandwidth_gbps);
    }
    if (g.link.generation && g.link.width) {
        s += fmt::format(", PCIe {}.0 x{}", *g.link.generation, *g.link.width);
    }
    if (!g.compute_capability.empty()) {
        s += ", CUDA " + g.compute_capability;
    }
    if (!g.gfx_target.empty()) {
        s += ", " + g.gfx_target;
    }
    if (!g.pci.empty()) {
        s += "  [" + g.pci + "]";
    }
    return s;
}

std::string disk_line(const hw::DiskInfo& d, const Words& w) {
    std::string where = d.device.empty() ? d.mount : d.mount + " (" + d.device + ")";
    std::string s = fmt::format(fmt::runtime(w.on), d.path, where);
    s += fmt::format(", {}", hw::to_string(d.kind));
    if (d.free_bytes && d.total_bytes) {
        s += fmt::format(", {} / {}", fmt::format(fmt::runtime(w.free), format_bytes_si(*d.free_bytes)),
                         format_bytes_si(*d.total_bytes));
    }
    return s;
}

std::string form_factor_name(hw::FormFactor f, Lang lang) {
    if (lang == Lang::En) {
        return std::string(hw::to_string(f));
    }
    switch (f) {
        case hw::FormFactor::Desktop: return "台式机";
        case hw::FormFactor::Laptop: return "笔记本";
        case hw::FormFactor::Server: return "服务器";
        case hw::FormFactor::Sbc: return "单板机";
        case hw::FormFactor::Handheld: return "掌机";
        case hw::FormFactor::Unknown: return "未知";
    }
    return "未知";
}

std::string system_line(const hw::SystemInfo& s, Lang lang) {
    std::string out = form_factor_name(s.form_factor, lang);
    if (!s.board.empty()) out += ", " + s.board;
    const bool zh = lang == Lang::Zh;
    if (!s.virtualization.empty()) out += (zh ? ", 虚拟机 (" : ", VM (") + s.virtualization + ")";
    if (!s.container.empty()) out += (zh ? ", 容器 (" : ", container (") + s.container + ")";
    if (s.wsl) out += ", WSL";
    return out;
}

// `text` in lines of at most `width` columns, broken after ", " and "; " where it can (so a
// figure keeps its unit), and between words inside a part that is itself too long.
std::vector<std::string> pack_parts(const std::string& text, std::size_t width) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if ((text[i] == ',' || text[i] == ';') && text[i + 1] == ' ') {
            parts.push_back(text.substr(start, i + 1 - start));
            start = i + 2;
        }
    }
    parts.push_back(text.substr(start));
    std::vector<std::string> lines(1);
    for (const auto& part : parts) {
        const std::string joined = lines.back().empty() ? part : lines.back() + " " + part;
        if (display_width(joined) <= width || lines.back().empty()) {
            lines.back() = joined;
        } else {
            lines.push_back(part);
        }
    }
    std::vector<std::string> out;
    for (const auto& l : lines) {
        for (auto& w : wrap_text(l, width)) {
            out.push_back(std::move(w));
        }
    }
    return out;
}

// "Label    text", the text wrapped to 80 columns under itself.
void row(std::string& out, const std::string& label, const std::string& text) {
    constexpr std::size_t kIndent = 9;
    const auto lines = pack_parts(text, kTerminalWidth - kIndent);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += (i == 0 ? pad(label, kIndent - 1) + " " : std::string(kIndent, ' ')) + lines[i] + "\n";
    }
}

}  // namespace

std::string hw_to_text(const hw::HardwareReport& r, Lang lang, bool verbose) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    std::string out;
    row(out, w.system, system_line(r.system, lang));
    row(out, w.cpu, cpu_line(r.cpu, w));
    row(out, w.memory, memory_line(r.memory, w));
    if (r.gpus.empty()) {
        row(out, w.gpu, w.no_gpu);
    }
    for (std::size_t i = 0; i < r.gpus.size(); ++i) {
        row(out, fmt::format("{} {}", w.gpu, i), gpu_line(r.gpus[i], w));
    }
    for (const auto& n : r.npus) {
        std::string s = n.name;
        if (n.memory_total_bytes) s += " — " + format_bytes(*n.memory_total_bytes);
        if (!n.pci.empty()) s += "  [" + n.pci + "]";
        row(out, w.npu, s);
    }
    for (const auto& d : r.disks) {
        row(out, w.disk, disk_line(d, w));
    }
    if (r.notes.empty()) {
        return out;
    }
    if (!verbose) {
        out += fmt::format(fmt::runtime(w.more_notes), r.notes.size()) + "\n";
        return out;
    }
    out += std::string(w.notes) + ":\n";
    for (const auto& n : r.notes) {
        out += "  " + hanging(fmt::format("{}{}: {}",
                                          n.severity == hw::NoteSeverity::Warning ? "! " : "",
                                          n.probe, hw_note_text(n, lang)),
                              4);
    }
    return out;
}

}  // namespace canrun::report
