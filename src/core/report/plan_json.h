// `canrun plan` as JSON (design.md §5): {"model", "target": {"tps", "ctx"}, "options": [{"name",
// "devices", "nodes", "fits", "placement", "speed", "price", "commands", ...}], ...}.
// Also what the web page's /api/plan returns.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "advise/plan.h"
#include "report/fit_object.h"

namespace canrun::report {

struct PlanReport {
    ModelSummary model;
    std::string quant;
    advise::PlanSort sort = advise::PlanSort::Cheapest;
    std::optional<double> budget;
    advise::PlanResult result;
};

Json plan_json(const PlanReport& r);
std::string plan_to_json(const PlanReport& r);  // pretty-printed, ends with a newline

}  // namespace canrun::report
