#include "advise/plan_rank.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace canrun::advise {

namespace {

bool rental(const PlanOption& o) { return o.price && o.price->per_hour; }

double price_or_max(const PlanOption& o) {
    return o.price && !o.price->per_hour ? o.price->amount : 1e300;
}

double decode(const PlanOption& o) { return o.fits ? o.speed.decode_tps.p50 : 0; }

// Smaller is better.
std::tuple<int, double, double, double> cheapest_key(const PlanOption& o) {
    if (!o.fits) {
        return {4, static_cast<double>(o.placement.shortfall_bytes), 0, 0};
    }
    if (!o.meets_target) {
        return {3, -decode(o), price_or_max(o), 0};
    }
    if (rental(o)) {
        return {2, o.price->amount, -decode(o), 0};
    }
    const bool priced = o.price.has_value();
    return {priced ? 0 : 1, priced ? o.price->amount : static_cast<double>(o.placement.total_bytes),
            -decode(o), 0};
}

// Within the budget by speed; then purchases over it by price (the next step up first); then
// set-ups without a price, by speed; then rentals.
std::tuple<int, double, double, double> fastest_key(const PlanOption& o,
                                                    std::optional<double> budget) {
    if (!o.fits) {
        return {3, static_cast<double>(o.placement.shortfall_bytes), 0, 0};
    }
    if (!budget) {
        return {0, -decode(o), price_or_max(o), 0};
    }
    if (rental(o)) {
        return {3, -decode(o), o.price->amount, 0};
    }
    if (!o.price) {  // cannot be shown within the budget: after every priced purchase
        return {2, -decode(o), 0, 0};
    }
    if (o.price->amount <= *budget) {
        return {0, -decode(o), o.price->amount, 0};
    }
    return {1, o.price->amount, -decode(o), 0};  // over budget: the smallest step up first
}

}  // namespace

std::vector<std::size_t> rank_order(const std::vector<PlanOption>& options, PlanSort sort,
                                    std::optional<double> budget) {
    std::vector<std::size_t> order(options.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (sort == PlanSort::Fastest) {
            return fastest_key(options[a], budget) < fastest_key(options[b], budget);
        }
        return cheapest_key(options[a]) < cheapest_key(options[b]);
    });
    return order;
}

}  // namespace canrun::advise
