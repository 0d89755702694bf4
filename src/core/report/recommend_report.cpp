#include "report/recommend_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/explain_json.h"
#include "report/explain_text.h"
#include "report/fit_object.h"
#include "report/hw_json.h"
#include "report/style.h"
#include "report/text_layout.h"
#include "util/units.h"

namespace canrun::report {

namespace {

const std::string& tr(const Bilingual& b, Lang lang) { return lang == Lang::Zh ? b.zh : b.en; }

std::string placement_label(estimate::PlacementMode m, Lang lang) {
    const bool zh = lang == Lang::Zh;
    switch (m) {
        case estimate::PlacementMode::FullGpu:
            return "GPU";
        case estimate::PlacementMode::Partial:
            return "GPU+CPU";
        case estimate::PlacementMode::Cpu:
            return "CPU";
        case estimate::PlacementMode::WontFit:
            return zh ? "放不下" : "no fit";
    }
    return "";
}

std::string clip(const std::string& s, std::size_t n) {
    return s.size() <= n ? s : s.substr(0, n - 1) + "~";
}

ModelSummary summary_of(const advise::Pick& p) {
    return ModelSummary{p.model->id,
                        p.model->name,
                        p.shape.arch,
                        p.shape.params,
                        p.shape.active_params,
                        p.shape.n_layer(),
                        p.file_bytes};
}

Json machine_json(const estimate::Machine& m) {
    Json gpus = Json::array();
    for (const auto& g : m.gpus) {
        gpus.push_back({{"name", g.name},
                        {"vram_total_bytes", g.memory_total_bytes},
                        {"vram_free_bytes", g.memory_free_bytes},
                        {"unified", g.unified},
                        {"bandwidth_gbps", g.bandwidth_gbps}});
    }
    return Json{{"name", m.name},
                {"cpu", {{"model", m.cpu.name}, {"physical_cores", m.cpu.physical_cores}}},
                {"memory", {{"total_bytes", m.cpu.ram_total_bytes},
                            {"available_bytes", m.cpu.ram_available_bytes},
                            {"bandwidth_gbps", m.cpu.bandwidth_gbps}}},
                {"gpus", gpus}};
}

// Colour (when on): the top pick's name in bold, each placement in its verdict's tone.
std::string pick_rows(const RecommendView& v, Lang lang) {
    const Style st(v.color);
    std::string out = lang == Lang::Zh
                          ? "  档位     模型                      量化       运行在     需要内存   速度\n"
                          : "  size     model                     quant      runs on    needs      speed\n";
    for (const auto& pv : v.picks) {
        const auto& p = *pv.pick;
        const auto name = fmt::format("{:<25}", clip(p.model->name, 25));
        const auto mode = p.fit.placement.mode;
        out += fmt::format("  {:<8} {} {:<10} {} {:<10} {:.0f} tok/s{}\n", p.size_class,
                           &pv == &v.picks.front() ? st.heading(name) : name, p.quant,
                           st.verdict(fmt::format("{:<10}", placement_label(mode, lang)), mode),
                           format_bytes(p.fit.memory.total_bytes()), p.fit.speed.decode_tps.p50,
                           p.below_floor ? " !" : "");
    }
    return out;
}

std::string picks_heading(const RecommendView& v, Lang lang) {
    const std::uint32_t ctx = v.picks.empty() ? advise::kDefaultCtx : v.picks.front().pick->fit.ctx;
    const Style st(v.color);
    if (lang == Lang::Zh) {
        return st.heading(fmt::format("每个档位的最佳选择（用途 {}，上下文 {} token，至少 {:g} token/s）",
                                      v.use, ctx, v.min_tps)) +
               "\n";
    }
    return st.heading(fmt::format("Best picks for {} ({}-token context, at least {:g} tok/s)", v.use,
                                  ctx, v.min_tps)) +
           "\n";
}

}  // namespace

namespace {

std::string commands_block(const PickView& pv, Lang lang, const Style& st) {
    const auto& p = *pv.pick;
    const bool zh = lang == Lang::Zh;
    std::string out = st.heading(zh ? fmt::format("启动首选（{}，{}）：", p.model->name, p.quant)
                                    : fmt::format("Start the top pick ({}, {}):", p.model->name,
                                                  p.quant)) +
                      "\n";
    const auto add = [&](const char* en, const char* zh_label, const std::string& cmd) {
        if (cmd.empty()) {
            return;
        }
        out += fmt::format("  # {}\n", zh ? zh_label : en);
        std::size_t start = 0;
        while (start < cmd.size()) {
            const auto nl = cmd.find('\n', start);
            out += shell_line(cmd.substr(start, nl - start), 2);
            start = nl == std::string::npos ? cmd.size() : nl + 1;
        }
    };
    add("Ollama", "Ollama", pv.commands.ollama);
    add("llama.cpp", "llama.cpp", pv.commands.llama_cpp);
    add("LM Studio", "LM Studio", pv.commands.lm_studio);
    add("vLLM", "vLLM", pv.commands.vllm);
    if (zh) {
        add("ModelScope", "国内下载（ModelScope 魔搭）", pv.commands.modelscope);
    }
    return out;
}

std::string machine_lines(const RecommendView& v, Lang lang) {
    const auto& m = *v.machine;
    const bool zh = lang == Lang::Zh;
    std::string out;
    for (std::size_t i = 0; i < m.gpus.size();) {
        const auto& g = m.gpus[i];
        std::size_t n = 1;  // identical GPUs in a row are one line: "8 x NVIDIA H100"
        while (i + n < m.gpus.size() && m.gpus[i + n].name == g.name &&
               m.gpus[i + n].memory_total_bytes == g.memory_total_bytes) {
            ++n;
        }
        out += fmt::format("  GPU   {}{} · {}{}{}\n", n > 1 ? fmt::format("{} x ", n) : "", g.name,
                           format_bytes(g.memory_total_bytes),
                           g.unified ? (zh ? "（统一内存）" : " (unified)") : "",
                           g.bandwidth_gbps > 0 ? fmt::format(" · {:.0f} GB/s", g.bandwidth_gbps)
                                                : "");
        i += n;
    }
    if (m.gpus.empty()) {
        out += zh ? "  GPU   无独立显卡\n" : "  GPU   none usable\n";
    }
    out += fmt::format("  {}  {}", zh ? "内存" : "RAM ", format_bytes(m.cpu.ram_total_bytes));
    if (m.cpu.ram_available_bytes > 0 && m.cpu.ram_available_bytes < m.cpu.ram_total_bytes) {
        const auto free = format_bytes(m.cpu.ram_available_bytes);
        out += zh ? fmt::format("（可用 {}）", free) : fmt::format(" ({} free)", free);
    }
    out += fmt::format(" · CPU {} {}\n", m.cpu.physical_cores, zh ? "核" : "cores");
    return out;
}

std::string tier_lines(const RecommendView& v, Lang lang) {
    if (v.tier == nullptr) {
        return {};
    }
    const bool zh = lang == Lang::Zh;
    const auto& t = *v.tier;
    const auto pick = [&](const catalog::Bilingual& b) { return zh ? b.zh : b.en; };
    std::string out = fmt::format("  {}  ", zh ? "档位" : "Class");
    out += hanging(t.id + " — " + pick(t.name), 9);
    out += "         " + hanging(pick(t.memory) + " · " + pick(t.models), 9);
    if (!v.tier_choice.exact) {
        out += "         " + hanging(std::string(zh ? "（最接近的档位）" : "(the closest class) ") +
                                         (zh ? v.tier_choice.reason_zh : v.tier_choice.reason_en),
                                     9);
    }
    return out;
}

std::string notes_block(const RecommendView& v, Lang lang) {
    if (v.notes.empty()) {
        return {};
    }
    std::string out = "\n" + Style(v.color).heading(lang == Lang::Zh ? "提示" : "Notes") + "\n";
    for (const auto& n : v.notes) {
        out += "  - " + hanging(tr(n, lang), 4);
    }
    return out;
}

}  // namespace

std::string recommend_json(const RecommendView& v) {
    Json j;
    if (v.report != nullptr) {
        j["hardware"] = Json::parse(hw_to_json(*v.report));
    } else {
        j["hardware"] = machine_json(*v.machine);
    }
    if (v.tier != nullptr) {
        j["tier"] = {{"id", v.tier->id},
                     {"name", v.tier->name.en},
                     {"name_zh", v.tier->name.zh},
                     {"exact", v.tier_choice.exact},
                     {"reason", v.tier_choice.reason_en}};
    }
    j["use"] = v.use;
    j["min_tps"] = v.min_tps;
    Json picks = Json::array();
    for (const auto& pv : v.picks) {
        const auto& p = *pv.pick;
        Json o = fit_object(summary_of(p), p.quant, v.kv_type, p.fit, *v.machine, pv.commands,
                            estimate::SpeedQuery{}, p.why, v.explain);
        o["size_class"] = p.size_class;
        o["quality"] = {{"model", p.quality}, {"quant_cost", p.quant_cost}, {"score", p.score}};
        o["below_speed_floor"] = p.below_floor;
        if (v.explain && &pv == &v.picks.front()) {
            o["explain"] = explain_json(explain_pick(p, *v.machine, v.kv_type));
        }
        picks.push_back(std::move(o));
    }
    j["picks"] = std::move(picks);
    Json notes = Json::array();
    for (const auto& n : v.notes) {
        notes.push_back(n.en);
    }
    j["notes"] = std::move(notes);
    return j.dump(2) + "\n";
}

std::string recommend_text(const RecommendView& v, Lang lang) {
    std::string out = picks_heading(v, lang) + pick_rows(v, lang);
    if (v.picks.empty()) {
        out += lang == Lang::Zh ? "  没有能在这台机器上运行的模型。\n"
                                : "  Nothing in the catalog runs on this machine.\n";
    }
    return out + notes_block(v, lang);
}

std::string main_text(const RecommendView& v, Lang lang) {
    const bool zh = lang == Lang::Zh;
    const Style st(v.color);
    std::string out = st.heading(zh ? "canrun · 本机能跑什么" : "canrun · what this machine runs") + "\n";
    out += machine_lines(v, lang) + tier_lines(v, lang) + "\n";
    out += picks_heading(v, lang) + pick_rows(v, lang);
    if (!v.picks.empty()) {
        out += "\n" + commands_block(v.picks.front(), lang, st);
        if (v.explain) {
            const auto& top = *v.picks.front().pick;
            out += "\n" + explain_text(explain_pick(top, *v.machine, v.kv_type), lang, st);
        }
    } else {
        out += zh ? "  没有能在这台机器上运行的模型。\n"
                  : "  Nothing in the catalog runs on this machine.\n";
    }
    out += notes_block(v, lang);
    out += zh ? "\n更多：canrun fit 模型 · canrun recommend --use code · canrun table · canrun hw\n"
              : "\nMore: canrun fit MODEL · canrun recommend --use code · canrun table · canrun hw\n";
    return out;
}

std::vector<Bilingual> machine_notes(const hw::HardwareReport* report,
                                     const advise::TierChoice& /*t*/, const catalog::Tier* tier,
                                     bool calibrated) {
    std::vector<Bilingual> notes;
    if (report != nullptr) {
        for (const auto& g : report->gpus) {
            const auto held = g.vram_used_by_others_bytes.value_or(0);
            if (held >= 256 * kMiB) {
                notes.push_back(
                    {fmt::format("{} of VRAM on {} is held by other programs; the picks leave it "
                                 "to them.",
                                 format_bytes(held), g.name),
                     fmt::format("{} 上有 {} 显存被其他程序占用，推荐结果已把这部分留给它们。",
                                 g.name, format_bytes(held))});
            }
        }
    }
    if (tier == nullptr) {
        notes.push_back({"data/tiers.json could not be read: no reference class shown.",
                         "无法读取 data/tiers.json：不显示参考档位。"});
    }
    if (!calibrated) {
        notes.push_back({"Speeds are estimates from specifications; run `canrun bench` to "
                         "calibrate them on this machine.",
                         "速度按硬件规格估算；运行 `canrun bench` 可在本机校准。"});
    }
    return notes;
}

}  // namespace canrun::report
