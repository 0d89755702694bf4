// --explain as text for people (en, zh-CN): each memory figure's formula and inputs, the
// placement's budget per device, and how the largest context was found. ASCII operators only
// ("x", "-"), so widths hold in CJK terminals too; every line fits 80 columns.
#pragma once

#include <string>

#include "report/fit_explanation.h"
#include "report/lang.h"
#include "report/style.h"

namespace canrun::report {

std::string explain_text(const FitExplanation& e, Lang lang, const Style& style = Style{});

}  // namespace canrun::report
