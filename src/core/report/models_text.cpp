#include "report/models_text.h"

#include <algorithm>

#include <fmt/format.h>

#include "report/text_layout.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::report {

namespace {

constexpr std::size_t kParamsW = 11, kCtxW = 6, kSizeW = 10;

struct Words {
    const char* id;
    const char* params;
    const char* ctx;
    const char* size;
    const char* use;
    const char* chat;
    const char* code;
    const char* reasoning;
    const char* vision;
    const char* zh;
    const char* none;
    const char* footer;
    const char* footer_search;
};

constexpr Words kEn{"ID", "PARAMS", "CTX", "Q4_K_M", "USE", "chat", "code", "think", "vision",
                    "zh", "No model matches \"{}\". Try a shorter search, or canrun models.\n",
                    "{} models. PARAMS: total/active for MoE. Q4_K_M: predicted file size\n"
                    "(GiB = 2^30 bytes). Check one here: canrun fit <ID> [--quant Q]\n",
                    "{} models match \"{}\". Check one here: canrun fit <ID> [--quant Q]\n"};
constexpr Words kZh{"模型", "参数量", "上下文", "Q4_K_M", "用途", "对话", "代码", "推理", "视觉",
                    "中文", "没有与“{}”匹配的模型。请缩短关键词，或运行 canrun models。\n",
                    "共 {} 个模型。参数量：MoE 模型为 总量/激活量。Q4_K_M：预测的文件大小\n"
                    "（GiB = 2^30 字节）。查看能否在本机运行：canrun fit <模型> [--quant Q]\n",
                    "{} 个模型与“{}”匹配。查看能否在本机运行：canrun fit <模型> [--quant Q]\n"};

std::string uses(const catalog::CatalogModel& m, const Words& w) {
    std::vector<std::string> parts;
    const bool only_chat = m.tasks.size() == 1 && m.has_task("chat");
    if (only_chat) parts.emplace_back(w.chat);
    if (m.has_task("code")) parts.emplace_back(w.code);
    if (m.has_task("reasoning")) parts.emplace_back(w.reasoning);
    if (m.has_task("vision")) parts.emplace_back(w.vision);
    if (m.zh_strong) parts.emplace_back(w.zh);
    return fmt::format("{}", fmt::join(parts, " "));
}

std::string params_cell(const catalog::CatalogModel& m) {
    if (m.active_params < m.params) {
        return short_params(m.params) + "/" + short_params(m.active_params);
    }
    return short_params(m.params);
}

// ID, PARAMS, CTX, Q4_K_M, USE.
std::vector<Column> columns(std::size_t id_w) {
    return {{id_w, Align::Left, 0},
            {kParamsW, Align::Right, 1},
            {kCtxW, Align::Right, 1},
            {kSizeW, Align::Right, 1},
            {0, Align::Left, 2}};
}

std::string row_text(const ModelListing& row, const Words& w, const std::vector<Column>& cols) {
    const auto& m = *row.model;
    const std::string size = row.q4_k_m_bytes ? format_bytes(*row.q4_k_m_bytes) : "-";
    return table_row(cols, {m.id, params_cell(m), format_tokens(m.arch.n_ctx_train), size, uses(m, w)});
}

}  // namespace

std::string short_params(std::uint64_t params) {
    const double p = static_cast<double>(params);
    if (params < 1000ULL * 1000ULL * 1000ULL) {
        return fmt::format("{:.0f}M", p / 1e6);
    }
    const double b = p / 1e9;
    if (b < 10) return fmt::format("{:.2f}B", b);
    if (b < 100) return fmt::format("{:.1f}B", b);
    return fmt::format("{:.0f}B", b);
}

std::string models_to_text(const ModelsList& list, Lang lang) {
    const Words& w = lang == Lang::Zh ? kZh : kEn;
    if (list.rows.empty()) {
        return fmt::format(fmt::runtime(w.none), list.search);
    }
    std::size_t id_w = display_width(w.id);
    for (const auto& r : list.rows) id_w = std::max(id_w, r.model->id.size());
    id_w = std::min<std::size_t>(id_w, kTerminalWidth - (kParamsW + kCtxW + kSizeW + 5 + 18));
    const auto cols = columns(id_w);
    std::string out = table_row(cols, {w.id, w.params, w.ctx, w.size, w.use});
    for (const auto& r : list.rows) out += row_text(r, w, cols);
    out += "\n";
    if (list.search.empty()) {
        out += fmt::format(fmt::runtime(w.footer), list.rows.size());
    } else {
        out += fmt::format(fmt::runtime(w.footer_search), list.rows.size(), list.search);
    }
    return out;
}

}  // namespace canrun::report
