#include "report/bench_text.h"

#include <array>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "bench/bench_store.h"

namespace canrun::report {

namespace {

struct Words {
    const char* title;    // "{} ({} threads)"
    const char* memory;
    const char* memory_line;  // "{:.1f} GB/s with {} threads, {:.1f} GB/s with one"
    const char* kernels;
    const char* kernels_head;
    const char* disk;
    const char* disk_line;    // "{:.2f} GB/s sequential read of {}"
    const char* direct;
    const char* cached;
    const char* not_measured;
    const char* gpu_line;     // "{}: memory copy {:.0f} GB/s, host link {:.1f} GB/s"
    const char* notes;
    const char* saved;        // "Saved to {}: speed estimates on this machine are now calibrated."
    const char* not_saved;
    const char* colon;
};

constexpr Words kEn = {
    "canrun bench: {} ({} threads)", "Memory read", "{:.1f} GB/s with {} threads, {:.1f} GB/s with one",
    "CPU kernels", "weight GB/s through dequantise + dot, all threads / one thread",
    "Disk", "{:.2f} GB/s sequential read of {}", "(page cache bypassed)",
    "(page cache NOT bypassed)", "not measured", "{}: memory copy {:.0f} GB/s, host link {:.1f} GB/s",
    "Notes", "Saved to {}: speed estimates on this machine are now calibrated.",
    "Not saved ({}): speed estimates stay uncalibrated.", ": "};
constexpr Words kZh = {
    "canrun bench：{}（{} 线程）", "内存读取", "{1} 线程 {0:.1f} GB/s，单线程 {2:.1f} GB/s",
    "CPU 内核", "反量化 + 点积的权重吞吐（GB/s），全部线程 / 单线程",
    "磁盘", "顺序读取 {1} 为 {0:.2f} GB/s", "（已绕过页缓存）", "（未能绕过页缓存）", "未测量",
    "{}：显存复制 {:.0f} GB/s，主机链路 {:.1f} GB/s",
    "说明", "已保存到 {}：本机的速度估算现已校准。", "未保存（{}）：速度估算仍未校准。", "："};

constexpr std::array<std::pair<std::string_view, std::array<const char*, 2>>, 8> kNotes{{
    {"disk.cache_not_bypassed", {"O_DIRECT is not supported here, so the disk figure may include the page cache and be too high",
                                 "此处不支持 O_DIRECT，磁盘数据可能包含页缓存，偏高"}},
    {"disk.no_dir", {"the model directory does not exist; pass --dir DIR", "模型目录不存在；请用 --dir DIR 指定"}},
    {"disk.cannot_write", {"no large file to read and the directory is not writable; pass --dir DIR",
                           "目录中没有可读的大文件且不可写；请用 --dir DIR 指定"}},
    {"disk.read_failed", {"the disk could not be read", "无法读取磁盘"}},
    {"disk.skipped", {"disk not measured", "未测量磁盘"}},
    {"cuda.no_driver", {"no NVIDIA driver library (libcuda.so.1): GPU not measured", "未找到 NVIDIA 驱动库（libcuda.so.1）：未测量显卡"}},
    {"cuda.init_failed", {"the NVIDIA driver did not initialise: GPU not measured", "NVIDIA 驱动初始化失败：未测量显卡"}},
    {"cuda.failed", {"a GPU measurement failed (out of memory or busy?)", "有显卡测量失败（显存不足或正忙？）"}},
}};

void append_kernels(std::string& out, const bench::BenchRecord& r) {
    for (std::size_t i = 0; i < r.kernels.size(); ++i) {
        const double single = i < r.kernels_single.size() ? r.kernels_single[i].gbps : 0;
        out += fmt::format("  {:<6} {:>7.1f} {:>7.1f}\n", r.kernels[i].family, r.kernels[i].gbps, single);
    }
}

}  // namespace

std::string bench_note_text(const std::string& id, Lang lang) {
    for (const auto& [key, text] : kNotes) {
        if (key == id) {
            return text[lang == Lang::Zh ? 1 : 0];
        }
    }
    return id;
}

std::string bench_to_text(const bench::BenchRecord& r, const BenchOutcome& outcome, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    std::string out = fmt::format(fmt::runtime(w.title), r.cpu_model, r.threads) + "\n\n";
    out += w.memory + std::string(w.colon) +
           fmt::format(fmt::runtime(w.memory_line), r.memory_gbps, r.threads, r.memory_single_gbps) + "\n";
    out += w.kernels + std::string(w.colon) + w.kernels_head + "\n";
    append_kernels(out, r);
    out += w.disk + std::string(w.colon);
    if (r.disk.gbps > 0) {
        out += fmt::format(fmt::runtime(w.disk_line), r.disk.gbps, r.disk.path) + " " +
               (r.disk.direct ? w.direct : w.cached) + "\n";
    } else {
        out += std::string(w.not_measured) + "\n";
    }
    for (const auto& g : r.gpus) {
        out += "GPU " + std::to_string(g.index) + " " +
               fmt::format(fmt::runtime(w.gpu_line), g.name, g.bandwidth_gbps, g.pcie_gbps) + "\n";
    }
    if (!r.notes.empty()) {
        out += "\n" + std::string(w.notes) + (lang == Lang::Zh ? "：" : ":") + "\n";
        for (const auto& n : r.notes) {
            out += "  - " + bench_note_text(n, lang) + "\n";
        }
    }
    out += "\n";
    out += outcome.saved_to.empty() ? fmt::format(fmt::runtime(w.not_saved), outcome.save_error)
                                    : fmt::format(fmt::runtime(w.saved), outcome.saved_to);
    return out + "\n";
}

std::string bench_to_json(const bench::BenchRecord& r, const BenchOutcome& outcome) {
    nlohmann::json j = bench::to_json(r);
    j["saved_to"] = outcome.saved_to;
    j["calibrated"] = !outcome.saved_to.empty();
    return j.dump(2) + "\n";
}

}  // namespace canrun::report
