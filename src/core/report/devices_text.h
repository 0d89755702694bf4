// canrun hw --list-devices as text: one row per catalog device (id, memory, bandwidth, name)
// within 80 columns, English or Chinese.
#pragma once

#include <string>
#include <vector>

#include "catalog/hardware_catalog.h"
#include "report/lang.h"

namespace canrun::report {

std::string devices_to_text(const std::vector<const catalog::HardwareSpec*>& devices,
                            const std::string& search, Lang lang);

// "8 GiB", "16-128 GiB" (the sizes sold).
std::string device_memory_text(const catalog::HardwareSpec& spec);

}  // namespace canrun::report
