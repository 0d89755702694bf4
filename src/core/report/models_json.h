// canrun models --json: {"models": [{"id", "name", "params", "active_params", ...}]}.
#pragma once

#include <string>

#include "report/models_listing.h"

namespace canrun::report {

std::string models_to_json(const ModelsList& list);

}  // namespace canrun::report
