// Finding devices by the names people type, by PCI id and memory size, and by search text.
#include "catalog/hardware_lookup.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "unit/catalog/hardware_test_support.h"
#include "util/units.h"

namespace canrun::catalog {
namespace {

struct NameCase {
    const char* typed;
    const char* id;
};

class HardwareByName : public testing::TestWithParam<NameCase> {};

TEST_P(HardwareByName, FindsTheDevice) {
    auto m = find_hardware(shipped_hardware(), GetParam().typed);
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_EQ(m->spec->id, GetParam().id);
    EXPECT_FALSE(m->memory_gb.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Typed, HardwareByName,
    testing::Values(NameCase{"rtx4060-laptop", "rtx-4060-laptop"},
                    NameCase{"RTX 4060 Laptop", "rtx-4060-laptop"},
                    NameCase{"NVIDIA GeForce RTX 4060 Laptop GPU", "rtx-4060-laptop"},
                    NameCase{"RTX 4060", "rtx-4060"},
                    NameCase{"Apple M2 Max 38-core", "apple-m2-max-38c"},
                    NameCase{"m2 max 38 core gpu", "apple-m2-max-38c"},
                    NameCase{"H100 SXM", "h100-sxm"},
                    NameCase{"NVIDIA H100 80GB HBM3", "h100-sxm"},  // nvidia-smi's name
                    NameCase{"Intel Iris Xe", "intel-iris-xe"},
                    NameCase{"Raspberry Pi 5 8GB", "raspberry-pi-5-8gb"},
                    NameCase{"4090D", "rtx-4090d"},
                    NameCase{"RTX 4090 48GB", "rtx-4090-48gb-mod"},
                    NameCase{"ddr5-5600-2ch", "ddr5-5600-2ch"},
                    NameCase{"AMD Radeon RX 7900 XTX", "rx-7900-xtx"},
                    NameCase{"Ryzen AI Max+ 395", "radeon-8060s"}));

TEST(HardwareByName, TakesAMemorySizeSoldForTheDevice) {
    auto m = find_hardware(shipped_hardware(), "Apple M4 Max 40-core 128GB");
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_EQ(m->spec->id, "apple-m4-max-40c");
    EXPECT_EQ(m->memory_gb, 128.0);
}

TEST(HardwareByName, RefusesAMemorySizeNotSold) {
    auto m = find_hardware(shipped_hardware(), "Apple M4 Max 40-core 24GB");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().code, ExitCode::Usage);
    EXPECT_NE(m.error().message.find("48 GB, 64 GB, 128 GB"), std::string::npos)
        << m.error().message;
}

TEST(HardwareByName, SuggestsCloseNamesForATypo) {
    auto m = find_hardware(shipped_hardware(), "RTX 4060 Laptp");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().code, ExitCode::Usage);
    EXPECT_NE(m.error().message.find("did you mean \"GeForce RTX 4060 Laptop\""), std::string::npos)
        << m.error().message;
}

TEST(HardwareByName, ListsEveryVariantOfAnAmbiguousName) {
    auto m = find_hardware(shipped_hardware(), "Apple M2 Max");
    ASSERT_FALSE(m);
    EXPECT_NE(m.error().message.find("Apple M2 Max 30-core"), std::string::npos);
    EXPECT_NE(m.error().message.find("Apple M2 Max 38-core"), std::string::npos);
}

TEST(HardwareByName, SuggestsTheFamilyForABareModelNumber) {
    auto m = find_hardware(shipped_hardware(), "4060");
    ASSERT_FALSE(m);
    EXPECT_NE(m.error().message.find("did you mean \"GeForce RTX 4060\""), std::string::npos)
        << m.error().message;
    EXPECT_NE(m.error().message.find("GeForce RTX 4060 Laptop"), std::string::npos);
}

TEST(HardwareByName, SaysSoWhenNothingIsClose) {
    auto m = find_hardware(shipped_hardware(), "toaster oven deluxe");
    ASSERT_FALSE(m);
    EXPECT_NE(m.error().message.find("no such device"), std::string::npos);
    EXPECT_EQ(m.error().message.find("did you mean"), std::string::npos) << m.error().message;
}

struct PciCase {
    const char* pci;
    double memory_gib;  // 0 = not given
    const char* id;
};

class HardwareByPci : public testing::TestWithParam<PciCase> {};

TEST_P(HardwareByPci, FindsTheDeviceAndTheMemoryVariant) {
    const PciCase c = GetParam();
    std::optional<std::uint64_t> memory;
    if (c.memory_gib > 0) memory = static_cast<std::uint64_t>(c.memory_gib * kGiB);
    const HardwareSpec* s = find_hardware_by_pci(shipped_hardware(), c.pci, memory);
    ASSERT_NE(s, nullptr) << c.pci;
    EXPECT_EQ(s->id, c.id);
}

// Reported VRAM is a little under the size sold (an RTX 4090 shows 23.99 GiB).
INSTANTIATE_TEST_SUITE_P(
    Seen, HardwareByPci,
    testing::Values(PciCase{"10de:2684", 0, "rtx-4090"}, PciCase{"10de:2684", 23.99, "rtx-4090"},
                    PciCase{"10de:2684", 47.99, "rtx-4090-48gb-mod"},
                    PciCase{"10DE:2685", 47.5, "rtx-4090d-48gb-mod"},
                    PciCase{"0x10de:0x1e04", 21.9, "rtx-2080-ti-22gb-mod"},
                    PciCase{"10de:1e04", 10.7, "rtx-2080-ti"},
                    PciCase{"10de:28e0", 7.6, "rtx-4060-laptop"},
                    PciCase{"10de:249c", 15.9, "rtx-3080-laptop-16gb"},
                    PciCase{"10de:24dc", 7.9, "rtx-3080-laptop"},
                    PciCase{"1002:744c", 19.9, "rx-7900-xt"},
                    PciCase{"1002:744c", 23.9, "rx-7900-xtx"},
                    PciCase{"1002:744c", 15.9, "rx-7900-gre"}));

TEST(HardwareByPci, UnknownIdIsNull) {
    EXPECT_EQ(find_hardware_by_pci(shipped_hardware(), "10de:ffff"), nullptr);
    EXPECT_EQ(find_hardware_by_pci(shipped_hardware(), "garbage"), nullptr);
}

TEST(HardwareSearch, FindsEveryCardWithTheNumber) {
    const auto found = search_hardware(shipped_hardware(), "4060");
    std::vector<std::string> ids;
    for (const auto* s : found) ids.push_back(s->id);
    for (const char* id : {"rtx-4060", "rtx-4060-ti", "rtx-4060-ti-16gb", "rtx-4060-laptop"}) {
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
    }
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "rtx-4070"), ids.end());
    EXPECT_EQ(search_hardware(shipped_hardware(), "").size(), shipped_hardware().devices.size());
}

}  // namespace
}  // namespace canrun::catalog
