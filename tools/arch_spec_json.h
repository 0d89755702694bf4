// Reads ArchSpec presets from JSON: one object with ArchSpec's field names, or
// {"presets": [ {...}, ... ]} with an "id" per preset.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/arch_spec.h"
#include "util/result.h"

namespace canrun::tools {

struct Preset {
    std::string id;
    catalog::ArchSpec spec;
};

Result<catalog::ArchSpec> arch_spec_from_json(const nlohmann::json& j);
Result<std::vector<Preset>> read_presets(const std::filesystem::path& path);

}  // namespace canrun::tools
