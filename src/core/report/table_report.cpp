#include "report/table_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/text_layout.h"

namespace canrun::report {

namespace {

const std::string& pick(const catalog::Bilingual& b, Lang lang) {
    return lang == Lang::Zh ? b.zh : b.en;
}

nlohmann::json bilingual(const catalog::Bilingual& b) { return {{"en", b.en}, {"zh", b.zh}}; }

}  // namespace

std::string table_text(const std::vector<catalog::Tier>& tiers, const advise::TierChoice* mine,
                       Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::string out = zh ? "参考硬件档位（▶ 为本机）\n\n" : "Reference hardware classes (▶ this machine)\n\n";
    constexpr std::size_t kIndent = 22;
    for (const auto& t : tiers) {
        const bool here = mine != nullptr && mine->id == t.id;
        out += fmt::format("{} {:<19} ", here ? "▶" : " ", t.id);
        out += hanging(pick(t.group, lang) + " · " + pick(t.name, lang), kIndent);
        const auto line = [&](const char* en, const char* zh_label, const catalog::Bilingual& b) {
            out += std::string(kIndent, ' ');
            out += hanging(std::string(zh ? zh_label : en) + pick(b, lang), kIndent);
        };
        line("memory: ", "内存：", t.memory);
        line("precision: ", "精度：", t.precision);
        line("models: ", "模型：", t.models);
    }
    if (mine != nullptr) {
        out += fmt::format("\n{}{}{}\n", zh ? "本机：" : "This machine: ", mine->id,
                           mine->exact ? "" : (zh ? "（最接近的档位）" : " (the closest class)"));
        out += "  " + hanging(zh ? mine->reason_zh : mine->reason_en, 2);
    }
    return out;
}

std::string tier_json_object(const catalog::Tier& tier, const advise::TierChoice& choice,
                             Lang lang) {
    nlohmann::json j = {{"id", tier.id},
                        {"name", pick(tier.name, lang)},
                        {"exact", choice.exact},
                        {"reason", lang == Lang::Zh ? choice.reason_zh : choice.reason_en},
                        {"params_b", {{"min", tier.params_min_b}, {"max", tier.params_max_b}}}};
    return j.dump();
}

std::string table_json(const std::vector<catalog::Tier>& tiers, const advise::TierChoice* mine) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& t : tiers) {
        arr.push_back({{"id", t.id},
                       {"group", bilingual(t.group)},
                       {"name", bilingual(t.name)},
                       {"memory", bilingual(t.memory)},
                       {"precision", bilingual(t.precision)},
                       {"models", bilingual(t.models)},
                       {"params_b", {{"min", t.params_min_b}, {"max", t.params_max_b}}},
                       {"this_machine", mine != nullptr && mine->id == t.id},
                       {"source", t.source}});
    }
    nlohmann::json j = {{"tiers", arr}};
    if (mine != nullptr) {
        j["machine_tier"] = {{"id", mine->id},
                             {"exact", mine->exact},
                             {"reason", {{"en", mine->reason_en}, {"zh", mine->reason_zh}}}};
    }
    return j.dump(2) + "\n";
}

}  // namespace canrun::report
