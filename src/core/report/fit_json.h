// `canrun fit --json`: the fit object of design.md §5 (extend, never rename).
#pragma once

#include <string>

#include "report/fit_report.h"

namespace canrun::report {

/// Deterministic JSON text (fixed key order, bytes as integers, unknowns as null).
std::string fit_to_json(const FitReport& r);

}  // namespace canrun::report
