// The "speed" object of `fit` (and of `plan` options), design.md §5.
#pragma once

#include <nlohmann/json.hpp>

#include "estimate/speed.h"

namespace canrun::report {

// {"decode_tps": {"p10","p50","p90"}, "prefill_tps": {...}, "ttft_s": {...}, "load_s": {...},
//  "prompt_tokens", "context_depth", "calibrated", "notes": [...]} plus "terms" when `explain`.
// Figures are rounded (tokens/s to 0.1, seconds to 0.001) so output is stable.
nlohmann::json speed_to_json(const estimate::SpeedEstimate& s, const estimate::SpeedQuery& q,
                             bool explain);

}  // namespace canrun::report
