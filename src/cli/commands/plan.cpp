// `canrun plan MODEL`: what hardware would run it — to buy, to add to what you have, to cluster,
// or to rent — ranked by price or speed. Thin: the work is in plan_flow, advise/plan* and
// report/plan_*.
#include <cstdio>

#include "commands.h"
#include "environment.h"
#include "plan_flow.h"
#include "report/plan_json.h"
#include "report/plan_text.h"

namespace canrun::cli {

int run_plan(const Options& o) {
    const auto r = plan_report(o);
    if (!r) {
        std::fprintf(stderr, "canrun: %s\n", r.error().message.c_str());
        return static_cast<int>(r.error().code);
    }
    const auto& options = r->result.options;
    const bool any = !options.empty() && options.front().fits;
    const int rc = any ? 0 : static_cast<int>(ExitCode::DoesNotFit);
    if (o.global.json) {
        std::fputs(report::plan_to_json(*r).c_str(), stdout);
        return rc;
    }
    std::fputs(report::plan_to_text(*r, lang_of(o.global)).c_str(), stdout);
    return rc;
}

}  // namespace canrun::cli
