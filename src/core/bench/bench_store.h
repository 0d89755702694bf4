// Saving and loading the bench record: $XDG_CONFIG_HOME/canrun/bench.json
// (default ~/.config/canrun/bench.json).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/bench_record.h"
#include "util/result.h"

namespace canrun::bench {

// The record file's path from the environment values (passed in: no getenv here); "" when
// neither is set.
std::string bench_record_path(const std::string& xdg_config_home, const std::string& home);

nlohmann::json to_json(const BenchRecord& r);
Result<BenchRecord> bench_record_from_json(const nlohmann::json& j, const std::string& path);

// Writes the record (creating the directory). Error: the path and what to do.
Result<bool> save_bench_record(const BenchRecord& r, const std::string& path);

// nullopt when there is no file; an error when it exists but cannot be read or parsed.
Result<std::optional<BenchRecord>> load_bench_record(const std::string& path);

}  // namespace canrun::bench
