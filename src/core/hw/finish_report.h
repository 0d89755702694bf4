// The last step of detection: facts from our device table where drivers gave none, unified
// budgets, and a deterministic order (devices sorted by PCI address).
#pragma once

#include "hw/hardware.h"

namespace canrun::hw {

void finish_report(HardwareReport& r);

}  // namespace canrun::hw
