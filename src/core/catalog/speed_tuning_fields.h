// Internal to catalog/speed_tuning*.cpp: the scalar constants and spreads of speed.json.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "estimate/speed_tuning.h"

namespace canrun::catalog {

// Fills the fields of `t` named by root["constants"] and root["spreads"]; adds one line to
// `problems` per unknown, missing or malformed record.
void read_speed_constants(const nlohmann::json& root, estimate::SpeedTuning& t,
                          std::vector<std::string>& problems, const std::string& file);

}  // namespace canrun::catalog
