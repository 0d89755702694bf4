// The answer of `canrun plan MODEL` as a report, without printing: one code path for the CLI
// (commands/plan.cpp) and the web API (/api/plan). Reads or predicts the model, loads the
// hardware and cloud data, the --have devices and the --nodes machines, and calls advise::plan.
#pragma once

#include "options.h"
#include "report/plan_json.h"
#include "util/result.h"

namespace canrun::cli {

// Errors carry the exit code (2 for an unknown --have device, 3 for bad input) and one line.
Result<report::PlanReport> plan_report(const Options& o);

}  // namespace canrun::cli
