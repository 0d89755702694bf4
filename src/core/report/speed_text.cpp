#include "report/speed_text.h"

#include <array>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "report/text_layout.h"

namespace canrun::report {

namespace {

struct Words {
    const char* decode;   // "about {} tok/s ({}-{}) generating"
    const char* prefill;  // "prompt {} tok/s ({}-{})"
    const char* ttft;     // "first token {} s ({}-{}) for {} tokens"
    const char* load;     // "load {} s ({}-{})"
    const char* calibrated;
    const char* uncalibrated;
    const char* unknown;
    const char* terms;
};

constexpr Words kEn = {"about {} tok/s ({}-{}) generating", "prompt {} tok/s ({}-{})",
                       "first token {} s ({}-{}) for {} tokens", "load {} s ({}-{})",
                       "calibrated by `canrun bench`", "uncalibrated: run `canrun bench`",
                       "speed unknown", "How the speed was computed:"};
constexpr Words kZh = {"生成约 {} token/s（{}-{}）", "提示词处理 {} token/s（{}-{}）",
                       "{3} 个 token 的首字延迟 {0} 秒（{1}-{2}）", "加载 {} 秒（{}-{}）",
                       "已由 `canrun bench` 校准", "未校准：可运行 `canrun bench`",
                       "速度未知", "速度的计算过程："};

constexpr std::array<std::pair<std::string_view, std::array<const char*, 2>>, 5> kNotes{{
    {"speed.cpu_compute_bound", {"the CPU is bound by dequantising and multiplying, not by memory bandwidth",
                                 "CPU 受反量化和乘法运算限制，而非内存带宽"}},
    {"speed.gpu_bandwidth_unknown", {"the GPU's memory bandwidth is unknown: no speed estimate",
                                     "显卡显存带宽未知：无法估算速度"}},
    {"speed.cpu_bandwidth_unknown", {"the memory bandwidth is unknown: CPU speed from compute only (run `canrun bench`)",
                                     "内存带宽未知：CPU 速度仅按算力估算（可运行 `canrun bench`）"}},
    {"speed.gpu_compute_unknown", {"the GPU's compute throughput is unknown: no prompt speed",
                                   "显卡算力未知：无法估算提示词处理速度"}},
    {"speed.disk_unknown", {"the disk speed is unknown: load time spans NVMe to hard disk",
                            "磁盘速度未知：加载时间按 NVMe 到机械硬盘的范围估算"}},
}};

// Two significant figures for ranges people read: 38, 520, 1.0, 0.07.
std::string short_number(double v) {
    if (v >= 100) {
        return fmt::format("{:.0f}", v);
    }
    if (v >= 10) {
        return fmt::format("{:.0f}", v);
    }
    if (v >= 1) {
        return fmt::format("{:.1f}", v);
    }
    return fmt::format("{:.2f}", v);
}

std::string range_text(const char* pattern, const estimate::Range& r) {
    return fmt::format(fmt::runtime(pattern), short_number(r.p50), short_number(r.p10),
                       short_number(r.p90));
}

}  // namespace

std::string speed_note_text(const std::string& id, Lang lang) {
    for (const auto& [key, text] : kNotes) {
        if (key == id) {
            return text[lang == Lang::Zh ? 1 : 0];
        }
    }
    return id;
}

std::string speed_summary(const estimate::SpeedEstimate& s, const estimate::SpeedQuery& q, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    const char* sep = lang == Lang::Zh ? "；" : "; ";
    if (s.decode_tps.p50 <= 0) {
        return std::string(w.unknown) + sep + range_text(w.load, s.load_s);
    }
    std::string out = range_text(w.decode, s.decode_tps);
    if (s.prefill_tps.p50 > 0) {
        out += sep + range_text(w.prefill, s.prefill_tps) + sep;
        out += fmt::format(fmt::runtime(w.ttft), short_number(s.ttft_s.p50), short_number(s.ttft_s.p10),
                           short_number(s.ttft_s.p90), q.prompt_tokens);
    }
    out += sep + range_text(w.load, s.load_s);
    out += sep + std::string(s.calibrated ? w.calibrated : w.uncalibrated);
    return out;
}

std::string speed_explain(const estimate::SpeedEstimate& s, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    std::string out = std::string(w.terms) + "\n";
    for (const auto& t : s.terms) {
        double v = t.value;
        std::string unit = t.unit;
        if (unit == "B") {
            v /= 1e9;
            unit = "GB";
        } else if (unit == "FLOP") {
            v /= 1e9;
            unit = "GFLOP";
        } else if (unit == "s" && v < 1) {
            v *= 1000;
            unit = "ms";
        }
        out += fmt::format("  {:<40} {:>10.3f} {}\n", t.key, v, unit);
    }
    for (const auto& n : s.notes) {
        out += "  - " + hanging(speed_note_text(n, lang), 4);
    }
    return out;
}

}  // namespace canrun::report
