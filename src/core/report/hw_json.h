// `canrun hw --json`: the detected hardware as JSON (design.md §5; extend, never rename).
#pragma once

#include <string>

#include "hw/hardware.h"

namespace canrun::report {

/// Deterministic JSON text: fixed key order, bandwidths to 0.1 GB/s, unknowns as null.
std::string hw_to_json(const hw::HardwareReport& r);

}  // namespace canrun::report
