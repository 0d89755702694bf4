// canrun hw --list-devices --json: {"data_version", "devices": [{"id", "name", "vendor",
// "memory_bytes", "bandwidth_gbps", ...}]}, the catalog's devices sorted by id.
#pragma once

#include <string>
#include <vector>

#include "catalog/hardware_catalog.h"

namespace canrun::report {

std::string devices_to_json(const std::vector<const catalog::HardwareSpec*>& devices,
                            const std::string& data_version);

}  // namespace canrun::report
