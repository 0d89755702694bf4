// `canrun hw`: the detected hardware as text for people, in English or Chinese.
#pragma once

#include <string>

#include "hw/hardware.h"
#include "report/lang.h"

namespace canrun::report {

/// One line per device; notes only when `verbose` (else a count and how to see them).
std::string hw_to_text(const hw::HardwareReport& r, Lang lang, bool verbose);

}  // namespace canrun::report
