// `canrun table`: the nine reference classes, this machine's class marked, as text and JSON.
#pragma once

#include <string>
#include <vector>

#include "advise/tiers.h"
#include "catalog/tiers_catalog.h"
#include "report/lang.h"

namespace canrun::report {

std::string table_text(const std::vector<catalog::Tier>& tiers, const advise::TierChoice* mine,
                       Lang lang);
std::string table_json(const std::vector<catalog::Tier>& tiers, const advise::TierChoice* mine);

// The {"id", "name", "exact", "reason"} object used in hw, recommend and the main job.
std::string tier_json_object(const catalog::Tier& tier, const advise::TierChoice& choice,
                             Lang lang);

}  // namespace canrun::report
