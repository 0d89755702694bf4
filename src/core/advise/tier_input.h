// What the tier classifier looks at, taken from the detected hardware.
#pragma once

#include "advise/tiers.h"
#include "catalog/hardware_catalog.h"
#include "estimate/machine.h"
#include "hw/hardware.h"

namespace canrun::advise {

TierInput tier_input_from(const hw::HardwareReport& report);

// A device from data/hardware.json (--hw NAME) and the machine built from it.
TierInput tier_input_from(const catalog::HardwareSpec& spec, const estimate::Machine& machine);

}  // namespace canrun::advise
