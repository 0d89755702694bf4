// The shipped data/hardware.json, read through the real loader and held to the plausibility
// checks: a bad edit to the data fails here.
#include "catalog/hardware_lint.h"

#include <set>

#include <gtest/gtest.h>

#include "unit/catalog/hardware_test_support.h"
#include "util/units.h"

namespace canrun::catalog {
namespace {

TEST(HardwareLint, ShippedFileLoadsWithoutProblems) {
    ASSERT_FALSE(shipped_hardware().devices.empty());
    EXPECT_FALSE(shipped_hardware().data_version.empty());
}

TEST(HardwareLint, ShippedValuesArePlausible) {
    const auto problems = lint_hardware(shipped_hardware());
    for (const auto& p : problems) ADD_FAILURE() << p;
    EXPECT_TRUE(problems.empty());
}

TEST(HardwareLint, FlagsImplausibleValues) {
    HardwareCatalog cat;
    cat.path = "/d/hardware.json";
    HardwareSpec pi;
    pi.id = "fast-pi";
    pi.form_factor = FormFactor::Sbc;
    pi.kind = DeviceKind::Soc;
    pi.unified_memory = true;
    pi.memory_gb = {8};
    pi.bandwidth_gbps = 100;  // an SBC cannot have this
    pi.source = "https://example.org/pi";
    HardwareSpec laptop;
    laptop.id = "odd-laptop";
    laptop.form_factor = FormFactor::Laptop;
    laptop.memory_gb = {8};
    laptop.bandwidth_gbps = 256;
    laptop.fp16_tflops = 30;
    laptop.int8_tops = 15;  // below FP16
    laptop.unified_memory = true;  // but a discrete GPU
    laptop.source = "x";
    cat.devices = {pi, laptop};
    const auto problems = lint_hardware(cat);
    ASSERT_EQ(problems.size(), 4U);
    EXPECT_NE(problems[0].find("device fast-pi: field \"bandwidth_gbps\": 100 is outside 5..40"),
              std::string::npos) << problems[0];
    EXPECT_NE(problems[1].find("field \"int8_tops\""), std::string::npos) << problems[1];
    EXPECT_NE(problems[2].find("field \"source\""), std::string::npos) << problems[2];
    EXPECT_NE(problems[3].find("field \"unified_memory\""), std::string::npos) << problems[3];
}

TEST(HardwareLint, HasAtLeast250DevicesBesidesCpuPlatforms) {
    std::size_t devices = 0;
    std::size_t platforms = 0;
    for (const auto& s : shipped_hardware().devices) {
        (s.kind == DeviceKind::CpuPlatform ? platforms : devices) += 1;
    }
    EXPECT_GE(devices, 250U);
    EXPECT_GE(platforms, 10U);
}

TEST(HardwareLint, EveryRecordHasSourceAndBandwidth) {
    for (const auto& s : shipped_hardware().devices) {
        EXPECT_FALSE(s.source.empty()) << s.id;
        EXPECT_GT(s.bandwidth_gbps, 0) << s.id;
        EXPECT_GT(s.memory_bytes(), 0U) << s.id;
    }
}

TEST(HardwareLint, PciIdsAreWellFormedAndUnique) {
    std::set<std::string> seen;
    for (const auto& s : shipped_hardware().devices) {
        for (const auto& pci : s.pci_ids) {
            EXPECT_EQ(pci.size(), 9U) << s.id << " " << pci;
            EXPECT_TRUE(seen.insert(pci).second) << pci << " twice (" << s.id << ")";
        }
    }
    EXPECT_GE(seen.size(), 200U);
}

// Spot checks against vendor spec sheets: memory and bandwidth decide the answers.
struct Known {
    const char* id;
    double memory_gb;
    double bandwidth_gbps;
};

class HardwareKnownValues : public testing::TestWithParam<Known> {};

TEST_P(HardwareKnownValues, MatchTheSpecSheet) {
    const Known k = GetParam();
    const HardwareSpec* s = shipped_device(k.id);
    ASSERT_NE(s, nullptr) << k.id;
    EXPECT_DOUBLE_EQ(s->memory_gb.front(), k.memory_gb) << k.id;
    EXPECT_NEAR(s->bandwidth_gbps, k.bandwidth_gbps, 0.05) << k.id;
}

INSTANTIATE_TEST_SUITE_P(
    SpecSheets, HardwareKnownValues,
    testing::Values(Known{"rtx-4090", 24, 1008}, Known{"rtx-4060", 8, 272},
                    Known{"rtx-4060-laptop", 8, 256}, Known{"rtx-3090", 24, 936},
                    Known{"rtx-5090", 32, 1792}, Known{"rtx-4090d", 24, 1008},
                    Known{"rtx-4090-48gb-mod", 48, 1008}, Known{"rtx-2080-ti-22gb-mod", 22, 616},
                    Known{"rtx-6000-ada", 48, 960}, Known{"a100-sxm4-80gb", 80, 2039},
                    Known{"h100-sxm", 80, 3350}, Known{"h100-pcie", 80, 2000},
                    Known{"h200-sxm", 141, 4800}, Known{"l4", 24, 300},
                    Known{"rx-7900-xtx", 24, 960}, Known{"instinct-mi300x", 192, 5300},
                    Known{"apple-m2-max-38c", 32, 400}, Known{"apple-m4-max-40c", 48, 546},
                    Known{"apple-m1-8c", 8, 68.25}, Known{"radeon-8060s", 32, 256},
                    Known{"dgx-spark", 128, 273}, Known{"raspberry-pi-5-8gb", 8, 17.1},
                    Known{"arc-b580", 12, 456}, Known{"ddr5-5600-2ch", 16, 89.6},
                    Known{"ddr4-3200-2ch", 16, 51.2}),
    [](const testing::TestParamInfo<Known>& p) {
        std::string name = p.param.id;
        for (char& c : name) {
            if (c == '-') c = '_';
        }
        return name;
    });

TEST(HardwareLint, CoversTheClassesTheProductNames) {
    for (const char* id : {"gtx-1060-6gb", "rtx-3050-laptop", "rtx-5070-ti-laptop", "rtx-a2000",
                           "rtx-pro-6000-blackwell", "tesla-v100-sxm2-32gb", "a10", "a30", "a40",
                           "a100-pcie-40gb", "a800-sxm4-80gb", "h100-nvl", "h800-sxm", "h20",
                           "l20", "l40s", "b200", "rx-6800-xt", "rx-9070-xt", "radeon-pro-w7900",
                           "instinct-mi210", "instinct-mi325x", "radeon-780m", "radeon-890m",
                           "intel-iris-xe", "arc-a770", "intel-arc-140v", "apple-m3-ultra-80c",
                           "apple-m5-10c", "snapdragon-x-elite", "raspberry-pi-4-4gb",
                           "jetson-orin-nano-8gb", "jetson-agx-orin-64gb", "ascend-910b",
                           "atlas-300i-pro", "mtt-s80", "mtt-s4000", "hygon-dcu-k100-ai"}) {
        EXPECT_NE(shipped_device(id), nullptr) << id;
    }
}

}  // namespace
}  // namespace canrun::catalog
