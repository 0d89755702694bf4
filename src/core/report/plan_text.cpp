#include "report/plan_text.h"

#include <cmath>

#include <fmt/format.h>

#include "report/text_layout.h"
#include "util/units.h"

namespace canrun::report {

namespace {

struct Words {
    const char* title;      // "Plan for {}, {} — {} tokens of context, at least {:g} tok/s"
    const char* cheapest;
    const char* fastest;    // "{}" = budget text or empty
    const char* header;     // column names
    const char* gpu;
    const char* partial;
    const char* cpu;
    const char* none;
    const char* nothing;
    const char* best;
    const char* holds;      // "{} on {} ({} layers)"
    const char* max_ctx;
    const char* network;    // "{} of each token is the network ({})"
    const char* answered;   // "{} set-ups answered, {} hold the model"
    const char* prices;
    const char* rate;
    const char* vllm_16bit;
    const char* rpc;
    const char* owned;
    const char* hybrid;     // GPU + server RAM for MoE models
};

constexpr Words kEn = {
    "Plan for {}, {} — {} tokens of context, at least {:g} tok/s",
    "Cheapest set-ups that reach the target first.",
    "Fastest set-ups{} first.",
    "  #  Set-up                       Engine         Model on tok/s        Price",
    "GPU", "GPU+CPU", "CPU", "no",
    "Nothing in the data holds this model; try a smaller --quant or a shorter --ctx.",
    "Best: {}",
    "  {} holds {} ({} layers)",
    "  Largest context: {} tokens",
    "  The network ({}) costs {:.1f} ms of each token.",
    "{} set-ups answered, {} hold the model.",
    "Prices: launch prices from the vendor and on-demand rental prices, with dates and sources in --json.",
    "1 {} = {:g} {} ({}; the source is in --json).",
    "vLLM serves the weights as published on HF (16-bit for most models), so it needs more memory than the GGUF.",
    "llama.cpp RPC: build llama.cpp with -DGGML_RPC=ON on every node; the workers' ports must be reachable from the head only.",
    "owned",
    "GPU + server RAM (MoE): llama.cpp keeps attention and the shared experts on the GPU and the routed experts in RAM (--n-cpu-moe), so speed follows the memory channels. The data prices no server platform: these show no price.",
};

constexpr Words kZh = {
    "{}（{}）的配置方案 — 上下文 {} token，至少 {:g} token/s",
    "按价格从低到高，先列出达到目标速度的配置。",
    "按速度从快到慢{}。",
    "  #  配置                         引擎           模型位置 token/s      价格",
    "GPU", "GPU+CPU", "CPU", "否",
    "数据中没有能放下这个模型的配置；试试更小的 --quant 或更短的 --ctx。",
    "首选：{}",
    "  {} 放 {}（{} 层）",
    "  最长上下文：{} token",
    "  网络（{}）每个 token 占 {:.1f} 毫秒。",
    "共评估 {} 种配置，其中 {} 种放得下。",
    "价格：厂商首发价与按需租用价，日期和来源见 --json。",
    "1 {} = {:g} {}（{}；来源见 --json）。",
    "vLLM 加载 HF 上发布的原始权重（多数为 16 位），比 GGUF 占更多显存。",
    "llama.cpp RPC：每个节点都要用 -DGGML_RPC=ON 编译 llama.cpp；worker 的端口只需对主节点开放。",
    "已有",
    "GPU + 服务器内存（MoE）：llama.cpp 把注意力和共享专家放在 GPU 上，路由专家放在内存里（--n-cpu-moe），速度取决于内存通道数。数据中没有服务器平台的价格，这些配置不标价。",
};

std::string with_commas(long long v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

// Names as people say them in a table: "RTX 4090", not "NVIDIA GeForce RTX 4090"; memory
// channels as "12ch".
std::string short_name(std::string s) {
    for (const char* brand : {"NVIDIA ", "GeForce "}) {
        for (auto at = s.find(brand); at != std::string::npos; at = s.find(brand)) {
            s.erase(at, std::char_traits<char>::length(brand));
        }
    }
    for (auto at = s.find("-channel"); at != std::string::npos; at = s.find("-channel")) {
        s.replace(at, 8, "ch");
    }
    return s;
}

std::string engine_label(const advise::PlanOption& o) {
    if (o.engine == advise::PlanEngine::Vllm) {
        if (o.nodes > 1) {
            return fmt::format("vLLM TP{} PP{}", o.gpus_per_node, o.nodes);
        }
        return fmt::format("vLLM TP{}{}", o.gpus_per_node, o.nvlink ? " NVLink" : "");
    }
    if (o.nodes > 1) {
        return "llama.cpp RPC";
    }
    return o.devices.size() > 1 ? "llama.cpp -ts" : "llama.cpp";
}

std::string where(const advise::PlanOption& o, const Words& w) {
    switch (o.placement.mode) {
    case estimate::PlacementMode::FullGpu: return w.gpu;
    case estimate::PlacementMode::Partial: return w.partial;
    case estimate::PlacementMode::Cpu: return w.cpu;
    case estimate::PlacementMode::WontFit: return w.none;
    }
    return w.none;
}

std::string speed_cell(const advise::PlanOption& o) {
    if (!o.fits) {
        return "-";
    }
    const auto& d = o.speed.decode_tps;
    const auto f = [](double v) { return v >= 10 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); };
    return fmt::format("{} ({}-{})", f(d.p50), f(d.p10), f(d.p90));
}

// Cuts `s` to `width` display columns (CJK characters count two), padding with spaces.
std::string cell(const std::string& s, std::size_t width) {
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        const std::size_t w = len >= 3 ? 2 : 1;
        if (cols + w > width - 1 && i + len < s.size()) {
            out += "…";
            ++cols;
            break;
        }
        out += s.substr(i, len);
        cols += w;
        i += len;
    }
    return out + std::string(width > cols ? width - cols : 1, ' ');
}

}  // namespace

std::string format_money(const advise::PlanMoney& m) {
    const std::string sym = m.currency == "CNY" ? "¥" : m.currency == "USD" ? "$" : m.currency + " ";
    if (m.per_hour) {
        return fmt::format("{}{:.2f}/h", sym, m.amount);
    }
    if (m.amount == 0) {
        return sym + "0";
    }
    return sym + with_commas(std::llround(m.amount));
}

namespace {

std::string table(const PlanReport& r, const Words& w) {
    std::string s = std::string(w.header) + "\n";
    int i = 1;
    for (const auto& o : r.result.options) {
        const bool owned = o.price && o.price->amount == 0;
        const std::string price = owned ? w.owned : o.price ? format_money(*o.price) : "-";
        s += fmt::format("{:>3}  {}{}{}{}{}\n", i++, cell(short_name(o.name), 29), cell(engine_label(o), 15),
                         cell(where(o, w), 9), cell(speed_cell(o), 13), price);
    }
    return s;
}

// One line per node and kind of device: "node2: 4 x Radeon RX 7900 XTX holds 79.04 GiB (12 layers)".
std::string devices_lines(const advise::PlanOption& o, const Words& w) {
    std::string s;
    const auto& devs = o.placement.devices;
    for (std::size_t i = 0; i < devs.size();) {
        std::size_t j = i;
        std::uint64_t bytes = 0;
        std::uint32_t layers = 0;
        for (; j < devs.size() && devs[j].node == devs[i].node && devs[j].name == devs[i].name; ++j) {
            bytes += devs[j].bytes;
            layers += devs[j].layers;
        }
        if (bytes > 0) {
            const std::string many = short_name(j - i > 1 ? fmt::format("{} x {}", j - i, devs[i].name)
                                                          : devs[i].name);
            const auto k = devs[i].node;
            const std::string node = k < o.node_names.size() ? o.node_names[k] + ": " : "";
            s += fmt::format(fmt::runtime(w.holds), node + many, format_bytes(bytes), layers) + "\n";
        }
        i = j;
    }
    return s;
}

std::string best_block(const advise::PlanOption& o, const advise::PlanResult& res, const Words& w, Lang lang) {
    std::string s = "\n" + fmt::format(fmt::runtime(w.best), o.name) + "\n";
    s += devices_lines(o, w);
    if (o.max_ctx > 0) {
        s += fmt::format(fmt::runtime(w.max_ctx), o.max_ctx) + "\n";
    }
    if (o.network_s_per_token > 0) {
        s += fmt::format(fmt::runtime(w.network), res.network, o.network_s_per_token * 1000) + "\n";
    }
    for (const auto& c : o.commands) {
        s += fmt::format("  [{}]\n", c.node);
        std::size_t start = 0;
        while (start <= c.command.size()) {
            const auto end = c.command.find('\n', start);
            s += shell_line(c.command.substr(start, end - start), 4);
            if (end == std::string::npos) {
                break;
            }
            start = end + 1;
        }
    }
    (void)lang;
    return s;
}

std::string notes_block(const PlanReport& r, const Words& w) {
    const auto& res = r.result;
    std::string s = "\n" + hanging(fmt::format(fmt::runtime(w.answered), res.considered, res.fitting), 0);
    s += hanging(w.prices, 0);
    if (res.rate) {
        s += hanging(fmt::format(fmt::runtime(w.rate), res.rate->from, res.rate->rate, res.rate->to,
                                 res.rate->date, res.rate->source), 0);
    }
    bool vllm = false;
    bool rpc = false;
    bool hybrid = false;
    for (const auto& o : res.options) {
        vllm = vllm || o.engine == advise::PlanEngine::Vllm;
        rpc = rpc || (o.engine == advise::PlanEngine::LlamaCpp && o.nodes > 1);
        hybrid = hybrid || o.kind == advise::PlanKind::Hybrid;
    }
    if (vllm) {
        s += hanging(w.vllm_16bit, 0);
    }
    if (rpc) {
        s += hanging(w.rpc, 0);
    }
    if (hybrid) {
        s += hanging(w.hybrid, 0);
    }
    return s;
}

}  // namespace

std::string plan_to_text(const PlanReport& r, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    const auto& res = r.result;
    const std::string model = r.model.name.empty() ? r.model.id : r.model.name;
    std::string s =
        hanging(fmt::format(fmt::runtime(w.title), model, r.quant, res.ctx, res.target_tps), 2);
    if (r.sort == advise::PlanSort::Fastest) {
        const std::string budget =
            r.budget ? fmt::format(fmt::runtime(lang == Lang::Zh ? "（预算 {} 以内优先）" : " within {}"),
                                   format_money({*r.budget, res.currency, false, false, "", ""}))
                     : "";
        s += fmt::format(fmt::runtime(w.fastest), budget) + "\n\n";
    } else {
        s += std::string(w.cheapest) + "\n\n";
    }
    if (res.options.empty() || !res.options.front().fits) {
        s += std::string(w.nothing) + "\n";
    }
    if (!res.options.empty()) {
        s += table(r, w);
        if (res.options.front().fits) {
            s += best_block(res.options.front(), res, w, lang);
        }
    }
    return s + notes_block(r, w);
}

}  // namespace canrun::report
