// scan_models: every model in the stores (or the DIRs given), each reported once by the real
// file behind it, with copies of the same content listed as duplicates and everything that
// could not be read as notes. Read-only; never enters /proc, /sys or /dev.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "scan/found_model.h"
#include "scan/scan_environment.h"

namespace canrun::scan {

struct ScanRequest {
    ScanEnvironment env;
    std::vector<std::string> dirs;  // empty = every store of default_store_roots
    // Called as files are looked at (files seen, models found); may be empty.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
};

ScanResult scan_models(const ScanRequest& request);

}  // namespace canrun::scan
