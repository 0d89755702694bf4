// canrun models as text: one row per model, at most 80 columns, English or Chinese.
#pragma once

#include <string>

#include "report/lang.h"
#include "report/models_listing.h"

namespace canrun::report {

std::string models_to_text(const ModelsList& list, Lang lang);

// Compact parameter count: "8.03B", "14.7B", "671B", "494M".
std::string short_params(std::uint64_t params);

}  // namespace canrun::report
