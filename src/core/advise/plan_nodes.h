// A fleet machine for `canrun plan --nodes FILE`: the JSON `canrun hw --json` printed on it,
// read back into the machine the estimates use (the same rules as hw::to_machine: GPUs without
// a memory size are skipped, and so is an integrated GPU beside a discrete one).
#pragma once

#include <string>

#include "estimate/machine.h"
#include "util/result.h"

namespace canrun::advise {

// `path` names the file in messages.
Result<estimate::Machine> machine_from_hw_json(const std::string& text, const std::string& path);

}  // namespace canrun::advise
