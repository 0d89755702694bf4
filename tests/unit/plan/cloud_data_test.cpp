// data-lint for data/cloud.json and the prices in data/hardware.json.
#include <set>

#include <gtest/gtest.h>

#include "catalog/cloud_catalog.h"
#include "catalog/hardware_catalog.h"

namespace canrun::catalog {

namespace {

TEST(CloudData, EveryRentalNamesAKnownDeviceAndHasASourcedPrice) {
    const auto hw = load_hardware({});
    const auto cloud = load_cloud({});
    ASSERT_TRUE(hw.has_value()) << hw.error().message;
    ASSERT_TRUE(cloud.has_value()) << cloud.error().message;
    std::set<std::string> ids;
    for (const auto& d : hw->devices) {
        ids.insert(d.id);
    }
    ASSERT_FALSE(cloud->rentals.empty());
    for (const auto& r : cloud->rentals) {
        EXPECT_TRUE(ids.count(r.device)) << r.id << ": " << r.device;
        EXPECT_GT(r.price_per_gpu_hour.amount, 0) << r.id;
        EXPECT_FALSE(r.price_per_gpu_hour.source.empty()) << r.id;
    }
    ASSERT_TRUE(convert_amount(1, "USD", "CNY", cloud->rates).has_value());
    EXPECT_NE(cloud->find_network("10gbe"), nullptr);
}

TEST(CloudData, HardwarePricesAreSourcedAndDated) {
    const auto hw = load_hardware({});
    ASSERT_TRUE(hw.has_value());
    int priced = 0;
    for (const auto& d : hw->devices) {
        if (d.price) {
            ++priced;
            EXPECT_EQ(d.price->date.size(), 10U) << d.id;
            EXPECT_NE(d.price->source.find("http"), std::string::npos) << d.id;
        }
    }
    EXPECT_GE(priced, 5);
}

DataJson json_of(const std::string& text) {
    DataFile f;
    f.name = "cloud.json";
    f.path = "cloud.json";
    f.text = text;
    return parse_data_json(f).value();
}

TEST(CloudData, ProblemsAreReportedWithTheRecord) {
    const auto bad = parse_cloud(json_of(R"({"schema_version": 1, "data_version": "x",
      "default_network": "10gbe", "networks": [{"id": "10gbe", "gbit_per_s": 10, "latency_us": 60,
      "source": "s"}], "rpc": {"round_trips_per_node": 2}, "exchange_rates": [],
      "rentals": [{"id": "r1", "provider": "P", "device": "h100-sxm", "max_gpus": 8,
      "price_per_gpu_hour": {"amount": -1, "currency": "EUR", "date": "2026", "source": ""}}]})"));
    ASSERT_FALSE(bad.has_value());
    EXPECT_NE(bad.error().message.find("rental r1"), std::string::npos);
    EXPECT_NE(bad.error().message.find("amount"), std::string::npos);
}

TEST(Price, ConvertsBothWays) {
    const std::vector<ExchangeRate> rates = {{"USD", "CNY", 7.0, "2024-12-11", "s"}};
    EXPECT_DOUBLE_EQ(*convert_amount(2, "USD", "CNY", rates), 14);
    EXPECT_DOUBLE_EQ(*convert_amount(14, "CNY", "USD", rates), 2);
    EXPECT_FALSE(convert_amount(1, "USD", "EUR", rates).has_value());
}

}  // namespace

}  // namespace canrun::catalog
