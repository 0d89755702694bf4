// `canrun recommend` and the main job (`canrun` alone): the machine, its reference class, the
// picks per size class, the commands for the top pick, and notes; as text (en, zh-CN) and JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "advise/commands.h"
#include "advise/recommend.h"
#include "advise/tiers.h"
#include "catalog/tiers_catalog.h"
#include "estimate/machine.h"
#include "hw/hardware.h"
#include "report/lang.h"

namespace canrun::report {

struct PickView {
    const advise::Pick* pick = nullptr;
    advise::Commands commands;
};

struct Bilingual {
    std::string en;
    std::string zh;
};

struct RecommendView {
    const estimate::Machine* machine = nullptr;
    const hw::HardwareReport* report = nullptr;  // when detected (JSON "hardware" is hw's)
    const catalog::Tier* tier = nullptr;
    advise::TierChoice tier_choice;
    std::vector<PickView> picks;
    std::string use = "chat";
    double min_tps = 10;
    std::string kv_type = "f16";
    std::vector<Bilingual> notes;
    bool explain = false;  // the top pick's figures with their formulas (report/fit_explanation)
    bool color = false;    // text: paint the verdicts, headings and the top pick (report/style)
};

std::string recommend_json(const RecommendView& v);
std::string recommend_text(const RecommendView& v, Lang lang);  // `canrun recommend`
std::string main_text(const RecommendView& v, Lang lang);       // `canrun`

// Notes about the machine that change the answer (memory held by other programs, ...).
std::vector<Bilingual> machine_notes(const hw::HardwareReport* report, const advise::TierChoice& t,
                                     const catalog::Tier* tier, bool calibrated);

}  // namespace canrun::report
