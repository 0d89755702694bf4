// canrun hw --list-devices [--search TEXT] [--json]: the devices --hw NAME accepts.
#pragma once

#include "options.h"

namespace canrun::cli {

int run_hw_list_devices(const Options& o);

}  // namespace canrun::cli
