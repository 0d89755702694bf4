// Plausibility checks on the hardware catalog beyond what the loader enforces: bandwidth,
// compute, memory and power within sane ranges for each class of device. Run on the shipped
// data by the data lint test; a user's --data-dir file is only held to the loader's checks.
#pragma once

#include <string>
#include <vector>

#include "catalog/hardware_catalog.h"

namespace canrun::catalog {

/// Every implausible value, one line each: "<file>: device <id>: field "x": what".
std::vector<std::string> lint_hardware(const HardwareCatalog& catalog);

}  // namespace canrun::catalog
