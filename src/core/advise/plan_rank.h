// Orders a plan's options by what was asked (prices already in one currency):
// - cheapest: set-ups that meet the speed target first — to buy, cheapest first (those without
//   a price after, smallest memory first), then rentals, cheapest per hour first; then the rest,
//   fastest first;
// - fastest: set-ups within the budget (to buy) first, then the rest; each fastest first.
// Set-ups that do not fit come last. Ties keep the order they came in. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "advise/plan.h"

namespace canrun::advise {

// Indexes into `options`, best first.
std::vector<std::size_t> rank_order(const std::vector<PlanOption>& options, PlanSort sort,
                                    std::optional<double> budget);

}  // namespace canrun::advise
