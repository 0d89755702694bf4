#include "report/devices_text.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "report/text_layout.h"
#include "util/strings.h"

namespace canrun::report {

namespace {

constexpr std::size_t kMemoryW = 11;
constexpr std::size_t kBandwidthW = 9;

struct Words {
    const char* id;
    const char* memory;
    const char* bandwidth;
    const char* name;
    const char* none;
    const char* footer;
};

constexpr Words kEn{"ID", "MEMORY", "GB/S", "NAME",
                    "No device matches \"{}\". Try a shorter search, or canrun hw --list-devices.\n",
                    "{} devices. MEMORY: as sold (GiB = 2^30 bytes). GB/S: peak memory bandwidth\n"
                    "(10^9 bytes/s). Use one: canrun fit MODEL --hw <ID>\n"};
constexpr Words kZh{"ID", "内存", "带宽 GB/s", "名称",
                    "没有与“{}”匹配的设备。请缩短关键词，或运行 canrun hw --list-devices。\n",
                    "共 {} 个设备。内存：出厂容量（GiB = 2^30 字节）。带宽：峰值内存带宽\n"
                    "（10^9 字节/秒）。按此设备估算：canrun fit <模型> --hw <ID>\n"};

// Names are ASCII; cut with "..." to fit.
std::string fit(const std::string& s, std::size_t width) {
    if (s.size() <= width) return s;
    return width > 3 ? s.substr(0, width - 3) + "..." : s.substr(0, width);
}

std::string bandwidth_text(double gbps) {
    return std::fabs(gbps - std::round(gbps)) < 0.05 ? fmt::format("{:.0f}", gbps)
                                                     : fmt::format("{:.1f}", gbps);
}

}  // namespace

std::string device_memory_text(const catalog::HardwareSpec& spec) {
    if (spec.memory_gb.empty()) return "?";
    if (spec.memory_gb.size() == 1) return fmt::format("{:g} GiB", spec.memory_gb.front());
    return fmt::format("{:g}-{:g} GiB", spec.memory_gb.front(), spec.memory_gb.back());
}

std::string devices_to_text(const std::vector<const catalog::HardwareSpec*>& devices,
                            const std::string& search, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    if (devices.empty()) {
        std::string none = fmt::format(fmt::runtime(w.none), search);
        none.pop_back();  // the newline: hanging() ends the lines
        return hanging(none, 0);
    }
    std::vector<const catalog::HardwareSpec*> sorted = devices;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    std::size_t id_w = display_width(w.id);
    for (const auto* s : sorted) id_w = std::max(id_w, s->id.size());
    const std::size_t used = id_w + 1 + kMemoryW + 1 + kBandwidthW + 2;
    const std::size_t name_w = used < kTerminalWidth ? kTerminalWidth - used : 10;
    const std::vector<Column> cols{{id_w, Align::Left, 0},
                                   {kMemoryW, Align::Left, 1},
                                   {kBandwidthW, Align::Right, 1},
                                   {0, Align::Left, 2}};
    std::string out = table_row(cols, {w.id, w.memory, w.bandwidth, w.name});
    for (const auto* s : sorted) {
        out += table_row(cols, {s->id, device_memory_text(*s), bandwidth_text(s->bandwidth_gbps),
                                fit(s->name, name_w)});
    }
    return out + "\n" + fmt::format(fmt::runtime(w.footer), sorted.size());
}

}  // namespace canrun::report
