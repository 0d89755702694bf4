// `canrun plan` as text for people (en / zh-CN): the ranked set-ups in a table, then the best
// one in detail — where the model goes, how fast, the command for each node.
#pragma once

#include <string>

#include "report/lang.h"
#include "report/plan_json.h"

namespace canrun::report {

std::string plan_to_text(const PlanReport& r, Lang lang);

// "$2,998", "¥21,537", "$7.56/h" (no decimals above 100 for purchases).
std::string format_money(const advise::PlanMoney& m);

}  // namespace canrun::report
