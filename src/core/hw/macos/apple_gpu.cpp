#include "hw/macos/apple_gpu.h"

#include <algorithm>
#include <array>
#include <string>

#include "util/units.h"

namespace canrun::hw {

namespace {

struct AppleChip {
    std::string_view name;      // "Apple M2 Max"
    std::uint32_t min_gpu_cores;  // the row applies at or above this many GPU cores
    double gbps;
};

// apple.com tech specs (memory bandwidth) per chip; the longer names are listed first.
constexpr std::array<AppleChip, 18> kChips = {{
    {"Apple M1 Ultra", 0, 800}, {"Apple M1 Max", 0, 400}, {"Apple M1 Pro", 0, 200},
    {"Apple M1", 0, 68.25},      {"Apple M2 Ultra", 0, 800}, {"Apple M2 Max", 0, 400},
    {"Apple M2 Pro", 0, 200},    {"Apple M2", 0, 100},       {"Apple M3 Ultra", 0, 819},
    {"Apple M3 Max", 40, 400},   {"Apple M3 Max", 0, 300},   {"Apple M3 Pro", 0, 150},
    {"Apple M3", 0, 100},        {"Apple M4 Max", 40, 546},  {"Apple M4 Max", 0, 410},
    {"Apple M4 Pro", 0, 273},    {"Apple M4", 0, 120},       {"Apple M5", 0, 153},
}};

}  // namespace

std::uint64_t apple_gpu_budget_bytes(std::uint64_t ram_bytes, std::optional<std::uint64_t> wired_limit_mb) {
    if (wired_limit_mb && *wired_limit_mb > 0) {
        return std::min<std::uint64_t>(*wired_limit_mb * kMiB, ram_bytes);
    }
    return ram_bytes <= 36 * kGiB ? ram_bytes / 3 * 2 : ram_bytes / 4 * 3;
}

std::optional<double> apple_chip_bandwidth_gbps(std::string_view chip, std::optional<std::uint32_t> gpu_cores) {
    for (const auto& c : kChips) {
        const bool same = chip == c.name || (chip.rfind(c.name, 0) == 0 && chip.size() > c.name.size() &&
                                            chip[c.name.size()] == ' ');
        if (same && gpu_cores.value_or(0) >= c.min_gpu_cores) {
            return c.gbps;
        }
    }
    return std::nullopt;
}

}  // namespace canrun::hw
