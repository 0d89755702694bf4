// hw --list-devices rendering over the whole shipped catalog: text within 80 columns in both
// languages, JSON with the contract's fields.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog/hardware_lookup.h"
#include "report/devices_json.h"
#include "report/devices_text.h"
#include "unit/catalog/hardware_test_support.h"
#include "util/strings.h"

namespace canrun::report {
namespace {

using catalog::shipped_hardware;

std::size_t columns(const std::string& line) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += len >= 3 ? 2 : 1;
        i += len;
    }
    return w;
}

TEST(DevicesText, EveryLineFitsIn80ColumnsInBothLanguages) {
    const auto all = catalog::search_hardware(shipped_hardware(), "");
    for (const Lang lang : {Lang::En, Lang::Zh}) {
        const std::string text = devices_to_text(all, "", lang);
        for (const std::string& line : split(text, '\n')) {
            EXPECT_LE(columns(line), 80U) << line;
        }
        EXPECT_NE(text.find("rtx-4060-laptop"), std::string::npos);
    }
}

TEST(DevicesText, CutsLongNamesAndShowsMemoryRanges) {
    const auto found = catalog::search_hardware(shipped_hardware(), "rtx-pro-6000-blackwell-max-q");
    ASSERT_EQ(found.size(), 1U);
    const std::string text = devices_to_text(found, "", Lang::En);
    EXPECT_NE(text.find("RTX PRO 6000 Blackwell"), std::string::npos) << text;
    EXPECT_NE(text.find("..."), std::string::npos) << text;
    const auto mac = catalog::search_hardware(shipped_hardware(), "apple-m2-max-38c");
    ASSERT_EQ(mac.size(), 1U);
    EXPECT_EQ(device_memory_text(*mac[0]), "32-96 GiB");
}

TEST(DevicesText, SaysSoWhenNothingMatches) {
    EXPECT_EQ(devices_to_text({}, "zzz", Lang::En).rfind("No device matches \"zzz\"", 0), 0U);
    EXPECT_NE(devices_to_text({}, "zzz", Lang::Zh).find("zzz"), std::string::npos);
}

TEST(DevicesJson, HasTheContractFieldsSortedById) {
    const auto found = catalog::search_hardware(shipped_hardware(), "m2 max");
    const auto j = nlohmann::json::parse(devices_to_json(found, "v1"));
    EXPECT_EQ(j.at("data_version"), "v1");
    const auto& devices = j.at("devices");
    ASSERT_EQ(devices.size(), 2U);
    EXPECT_EQ(devices[0].at("id"), "apple-m2-max-30c");
    EXPECT_EQ(devices[1].at("id"), "apple-m2-max-38c");
    for (const char* field : {"id", "name", "vendor", "memory_bytes", "bandwidth_gbps", "kind",
                              "backend", "unified_memory", "source"}) {
        EXPECT_TRUE(devices[1].contains(field)) << field;
    }
    EXPECT_EQ(devices[1].at("memory_bytes"), 32ULL << 30);
    EXPECT_EQ(devices[1].at("memory_options_bytes").size(), 3U);
    EXPECT_DOUBLE_EQ(devices[1].at("bandwidth_gbps").get<double>(), 400);
}

}  // namespace
}  // namespace canrun::report
