#include "advise/plan_rank.h"

#include <gtest/gtest.h>

namespace canrun::advise {

namespace {

PlanOption opt(const char* name, bool fits, double tps, std::optional<double> price,
               bool per_hour = false) {
    PlanOption o;
    o.name = name;
    o.fits = fits;
    o.meets_target = fits && tps >= 10;
    o.speed.decode_tps = {tps, tps, tps};
    if (price) {
        o.price = PlanMoney{*price, "USD", per_hour, false, "", ""};
    }
    return o;
}

std::vector<std::string> names(const std::vector<PlanOption>& v, PlanSort sort,
                               std::optional<double> budget = std::nullopt) {
    std::vector<std::string> out;
    for (const auto i : rank_order(v, sort, budget)) {
        out.push_back(v[i].name);
    }
    return out;
}

const std::vector<PlanOption> kOptions = {
    opt("slow-cheap", true, 4, 500),      opt("fast-dear", true, 40, 4000),
    opt("ok-cheap", true, 12, 1500),      opt("unpriced", true, 30, std::nullopt),
    opt("rent", true, 50, 3.8, true),     opt("no-fit", false, 0, 100),
    opt("ok-dear", true, 15, 3000)};

TEST(RankCheapest, MeetingTheTargetFirstThenByPrice) {
    EXPECT_EQ(names(kOptions, PlanSort::Cheapest),
              (std::vector<std::string>{"ok-cheap", "ok-dear", "fast-dear", "unpriced", "rent",
                                        "slow-cheap", "no-fit"}));
}

TEST(RankFastest, WithinBudgetFirst) {
    EXPECT_EQ(names(kOptions, PlanSort::Fastest, 3000.0),
              (std::vector<std::string>{"ok-dear", "ok-cheap", "slow-cheap", "fast-dear",
                                        "unpriced", "rent", "no-fit"}));
}

// Over the budget, the cheapest step up comes first, not the fastest machine money can buy;
// set-ups without a price cannot be shown within any budget and follow every priced one.
TEST(RankFastest, OverBudgetByPriceThenUnpriced) {
    const std::vector<PlanOption> v = {opt("unpriced-fast", true, 90, std::nullopt),
                                       opt("dear-fast", true, 80, 30000),
                                       opt("step-up", true, 20, 2000),
                                       opt("within", true, 5, 900)};
    EXPECT_EQ(names(v, PlanSort::Fastest, 1000.0),
              (std::vector<std::string>{"within", "step-up", "dear-fast", "unpriced-fast"}));
}

TEST(RankFastest, WithoutBudgetBySpeedOnly) {
    EXPECT_EQ(names(kOptions, PlanSort::Fastest).front(), "rent");
    EXPECT_EQ(names(kOptions, PlanSort::Fastest).back(), "no-fit");
}

}  // namespace

}  // namespace canrun::advise
