#include <gtest/gtest.h>

#include "catalog/tiers_catalog.h"

namespace canrun::catalog {

TEST(TiersData, ShippedFileLoadsWithTheNineClasses) {
    DataSourceOptions only_embedded;
    const auto tiers = load_tiers(only_embedded);
    ASSERT_TRUE(tiers) << tiers.error().message;
    ASSERT_EQ(tiers->size(), 9U);
    for (const auto& t : *tiers) {
        EXPECT_FALSE(t.name.zh.empty()) << t.id;
        EXPECT_LT(t.params_min_b, t.params_max_b) << t.id;
    }
}

TEST(TiersData, BrokenFileIsOneClearError) {
    DataFile f{"tiers.json", R"({"schema_version":1,"data_version":"x","tiers":[{"id":"nope"}]})",
               DataOrigin::DataDir, "/tmp/d/tiers.json"};
    const auto parsed = parse_data_json(f);
    ASSERT_TRUE(parsed) << parsed.error().message;
    const auto tiers = parse_tiers(*parsed);
    ASSERT_FALSE(tiers);
    EXPECT_NE(tiers.error().message.find("/tmp/d/tiers.json"), std::string::npos);
    EXPECT_NE(tiers.error().message.find("nope"), std::string::npos);
}

}  // namespace canrun::catalog
