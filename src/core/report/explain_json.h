// --explain as JSON: the "explain" object added to a fit object (`canrun fit --json --explain`,
// and the top pick of `canrun --json --explain` / `recommend`). Extension fields only; bytes as
// integers. Field names follow FitExplanation.
#pragma once

#include "report/fit_explanation.h"
#include "report/fit_object.h"

namespace canrun::report {

Json explain_json(const FitExplanation& e);

}  // namespace canrun::report
