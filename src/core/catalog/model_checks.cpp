#include "catalog/model_checks.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace canrun::catalog {

namespace {

bool is_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i != 4 && i != 7 && std::isdigit(static_cast<unsigned char>(s[i])) == 0) {
            return false;
        }
    }
    return true;
}

bool is_id_text(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::islower(u) != 0 || std::isdigit(u) != 0 || c == '.' || c == '-' ||
               c == '_' || c == ':';
    });
}

void check_attention(RecordReader& r, const ModelArch& a) {
    if (a.kv_lora_rank > 0) {
        if (a.head_dim != a.qk_nope_head_dim + a.qk_rope_head_dim) {
            r.problem("arch.head_dim", "must equal mla.qk_nope_head_dim + mla.qk_rope_head_dim");
        }
        if (a.head_dim_v != a.v_head_dim) {
            r.problem("arch.head_dim_v", "must equal mla.v_head_dim");
        }
        return;
    }
    if (a.n_head_kv == 0 || a.n_head_kv > a.n_head || a.n_head % a.n_head_kv != 0) {
        r.problem("arch.n_head_kv", "must divide n_head");
    }
    if (a.head_dim % 2 != 0 || a.head_dim < 32 || a.head_dim > 512) {
        r.problem("arch.head_dim", "must be even and between 32 and 512");
    }
    const double q_width = static_cast<double>(a.n_head) * a.head_dim;
    if (q_width < 0.5 * a.n_embd || q_width > 4.0 * a.n_embd) {
        r.problem("arch.n_head", fmt::format("x head_dim = {} is out of line with n_embd {}",
                                             static_cast<std::uint64_t>(q_width), a.n_embd));
    }
}

void check_arch(RecordReader& r, const ModelArch& a) {
    const std::pair<std::string_view, std::uint32_t> positive[] = {
        {"arch.n_layer", a.n_layer}, {"arch.n_embd", a.n_embd}, {"arch.n_ff", a.n_ff},
        {"arch.n_head", a.n_head},   {"arch.n_vocab", a.n_vocab}, {"arch.n_ctx_train", a.n_ctx_train},
    };
    for (const auto& [field, v] : positive) {
        if (v == 0) {
            r.problem(field, "must be positive");
        }
    }
    if (a.n_layer == 0 || a.n_head == 0 || a.n_embd == 0) {
        return;
    }
    if (a.n_ctx_train > kMaxContext) {
        r.problem("arch.n_ctx_train", fmt::format("is over {} tokens", kMaxContext));
    }
    check_attention(r, a);
    if (a.n_expert > 0) {
        if (a.n_expert < 2 || a.n_expert_used == 0 || a.n_expert_used > a.n_expert) {
            r.problem("arch.moe.n_expert_used", "must be between 1 and n_expert (n_expert >= 2)");
        }
        if (a.n_ff_exp == 0) {
            r.problem("arch.moe.n_ff_exp", "must be positive");
        }
        if (a.n_layer_dense_lead >= a.n_layer || a.moe_every == 0) {
            r.problem("arch.moe", "leaves no MoE layer");
        }
    }
    if (a.swa_window > 0 && a.swa_window >= a.n_ctx_train) {
        r.problem("arch.swa.window", "must be smaller than n_ctx_train");
    }
}

void check_listing(RecordReader& r, const CatalogModel& m) {
    if (!m.id.empty() && !is_id_text(m.id)) {
        r.problem("id", "must be lower case letters, digits and . - _ :");
    }
    for (const auto& alias : m.aliases) {
        if (!is_id_text(alias)) {
            r.problem("aliases", fmt::format("\"{}\" must be lower case letters, digits and . - _ :", alias));
        }
    }
    if (m.ollama && (!is_id_text(m.ollama->name) || m.ollama->tag.empty())) {
        r.problem("ollama", "needs a lower-case name and a tag");
    }
    if (!m.released.empty() && !is_date(m.released)) {
        r.problem("released", "must be a date YYYY-MM-DD");
    }
    if (m.tasks.empty()) {
        r.problem("tasks", "must name at least one task");
    }
    for (const auto& t : m.tasks) {
        if (std::find(std::begin(kTasks), std::end(kTasks), t) == std::end(kTasks)) {
            r.problem("tasks", fmt::format("\"{}\" is not one of chat, code, reasoning, vision", t));
        }
    }
    if (!m.source.empty() && m.source.rfind("https://", 0) != 0) {
        r.problem("source", "must be an https:// address");
    }
    if (m.quality && (m.quality->score < 0 || m.quality->score > 100)) {
        r.problem("quality.score", "must be a percentage between 0 and 100");
    }
    if (m.hf_original.empty() && m.modelscope.empty()) {
        r.problem("hf.original", "is missing (or give a modelscope repo)");
    }
}

}  // namespace

void check_model(RecordReader& r, const CatalogModel& m) {
    if (m.params == 0) {
        r.problem("params", "must be positive");
    }
    if (m.active_params == 0 || m.active_params > m.params) {
        r.problem("active_params", "must be positive and at most params");
    }
    if (m.vision_params >= m.params && m.params > 0) {
        r.problem("vision_params", "must be less than params");
    }
    if ((m.arch.n_expert > 0) != (m.active_params < m.params)) {
        r.problem("active_params", m.arch.n_expert > 0 ? "must be below params for a MoE model"
                                                      : "must equal params for a dense model");
    }
    check_arch(r, m.arch);
    check_listing(r, m);
}

}  // namespace canrun::catalog
