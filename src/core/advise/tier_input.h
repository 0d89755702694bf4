// What the tier classifier looks at, taken from the detected hardware.
#pragma once

#include "advise/tiers.h"
#include "hw/hardware.h"

namespace canrun::advise {

TierInput tier_input_from(const hw::HardwareReport& report);

}  // namespace canrun::advise
