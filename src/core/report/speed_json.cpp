#include "report/speed_json.h"

#include <cmath>

namespace canrun::report {

namespace {

double round_to(double v, double step) { return std::round(v / step) * step; }

nlohmann::json range(const estimate::Range& r, double step) {
    return {{"p10", round_to(r.p10, step)}, {"p50", round_to(r.p50, step)}, {"p90", round_to(r.p90, step)}};
}

}  // namespace

nlohmann::json speed_to_json(const estimate::SpeedEstimate& s, const estimate::SpeedQuery& q,
                             bool explain) {
    nlohmann::json j = {{"decode_tps", range(s.decode_tps, 0.1)},
                        {"prefill_tps", range(s.prefill_tps, 0.1)},
                        {"ttft_s", range(s.ttft_s, 0.001)},
                        {"load_s", range(s.load_s, 0.001)},
                        {"prompt_tokens", q.prompt_tokens},
                        {"context_depth", q.context_depth},
                        {"calibrated", s.calibrated},
                        {"notes", s.notes}};
    if (explain) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& t : s.terms) {
            terms.push_back({{"key", t.key}, {"value", t.value}, {"unit", t.unit}});
        }
        j["terms"] = terms;
    }
    return j;
}

}  // namespace canrun::report
