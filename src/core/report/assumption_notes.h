// What a --hw profile had to assume, and what --gpus/--vram/--ram/--bandwidth changed, worded for
// people in English and zh-CN (the main job's and recommend's notes).
#pragma once

#include <string>
#include <string_view>

#include "report/recommend_report.h"

namespace canrun::report {

// `key` is a catalog::ProfileAssumption key ("host_ram_gib", "memory_gib", ...) or
// "host_cpu_cores"; an unknown key is shown as "assumed KEY = VALUE".
Bilingual assumption_note(std::string_view key, double value);

enum class Override { Gpus, Vram, Ram, Bandwidth };

// `value` is the number given on the command line; `gpu_name` names the GPU for --gpus.
Bilingual override_note(Override what, double value, const std::string& gpu_name = {});

}  // namespace canrun::report
