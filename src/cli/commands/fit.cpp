// `canrun fit MODEL`: can this model run here — memory, placement, speed, the largest context and
// the commands. Thin: the answer comes from fit_flow (shared with the web API), the words from
// report/fit_*.
#include <cstdio>

#include "color.h"
#include "commands.h"
#include "environment.h"
#include "fit_flow.h"
#include "report/fit_json.h"
#include "report/fit_text.h"

namespace canrun::cli {

int run_fit(const Options& o) {
    auto r = fit_report(o);
    if (!r) {
        std::fprintf(stderr, "canrun: %s\n", r.error().message.c_str());
        return static_cast<int>(r.error().code);
    }
    const bool fits = r->fit->placement.mode != estimate::PlacementMode::WontFit;
    const int rc = fits ? 0 : static_cast<int>(ExitCode::DoesNotFit);
    if (o.global.json) {
        std::fputs(report::fit_to_json(*r).c_str(), stdout);
        return rc;
    }
    r->color = color_of(o.global);
    std::fputs(report::fit_to_text(*r, lang_of(o.global)).c_str(), stdout);
    return rc;
}

}  // namespace canrun::cli
