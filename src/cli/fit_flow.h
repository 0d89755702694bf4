// The answer of `canrun fit MODEL` as a report, without printing: one code path for the CLI
// (commands/fit.cpp) and the web API (/api/fit).
#pragma once

#include "options.h"
#include "report/fit_report.h"
#include "util/result.h"

namespace canrun::cli {

// Reads or predicts the model, estimates memory, places it on the machine the options name and
// estimates speed, the largest context, the commands and the alternatives. Errors carry the exit
// code (2 for a --kv-type the model cannot take, 3 for bad input) and a one-line message.
Result<report::FitReport> fit_report(const Options& o);

}  // namespace canrun::cli
