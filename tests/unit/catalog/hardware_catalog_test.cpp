// The loader on small hand-written files: a good file loads, and each kind of mistake gives
// one line naming the file, the record and the field, with nothing half-loaded.
#include "catalog/hardware_catalog.h"

#include <string>

#include <gtest/gtest.h>

#include "util/strings.h"

namespace canrun::catalog {
namespace {

const char* kGood = R"({"id": "test-gpu", "vendor": "nvidia", "name": "Test GPU",
  "aliases": ["TG"], "pci_ids": ["10de:1234"], "memory_gb": 8, "memory_type": "GDDR6",
  "bandwidth_gbps": 272, "fp16_tflops": 15, "tdp_w": 115, "form_factor": "desktop",
  "kind": "gpu", "unified_memory": false, "launch_year": 2023, "backend": "cuda",
  "source": "https://example.org/test-gpu"})";
const char* kPlatform = R"({"id": "ddr5-5600-2ch", "name": "DDR5-5600 2-channel",
  "memory_type": "DDR5", "transfer_mts": 5600, "bus_width_bits": 128, "bandwidth_gbps": 89.6,
  "memory_options_gb": [32, 16], "form_factor": "desktop", "source": "JEDEC JESD79-5"})";

Result<HardwareCatalog> parse(const std::string& devices, const std::string& platforms = kPlatform) {
    DataFile file{"hardware.json",
                  R"({"schema_version": 1, "data_version": "test", "devices": [)" + devices +
                      R"(], "cpu_platforms": [)" + platforms + "]}",
                  DataOrigin::DataDir, "/d/hardware.json"};
    auto data = parse_data_json(std::move(file));
    if (!data) return tl::unexpected(data.error());
    return parse_hardware(*data);
}

// kGood with `from` replaced by `to`.
std::string good_with(const std::string& from, const std::string& to) {
    std::string text = kGood;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

// kGood under another id and PCI id (its name and alias stay the same).
std::string other_device() {
    std::string text = good_with("\"test-gpu\"", "\"other\"");
    return text.replace(text.find("10de:1234"), 9, "10de:4321");
}

TEST(HardwareCatalog, LoadsAGoodFile) {
    auto cat = parse(kGood);
    ASSERT_TRUE(cat) << cat.error().message;
    ASSERT_EQ(cat->devices.size(), 2U);
    const HardwareSpec& gpu = cat->devices[0];
    EXPECT_EQ(gpu.id, "test-gpu");
    EXPECT_EQ(gpu.memory_bytes(), 8ULL << 30);
    EXPECT_EQ(gpu.pci_ids.front(), "10de:1234");
    EXPECT_EQ(gpu.backend, BackendHint::Cuda);
    const HardwareSpec& ram = cat->devices[1];
    EXPECT_EQ(ram.kind, DeviceKind::CpuPlatform);
    EXPECT_EQ(ram.memory_gb, (std::vector<double>{16, 32}));  // sorted
    EXPECT_EQ(ram.backend, BackendHint::Cpu);
}

struct BadCase {
    const char* what;
    std::string devices;
    const char* expected;  // a part of the message
};

class HardwareCatalogBad : public testing::TestWithParam<BadCase> {};

TEST_P(HardwareCatalogBad, NamesFileRecordAndField) {
    auto cat = parse(GetParam().devices);
    ASSERT_FALSE(cat) << GetParam().what;
    EXPECT_EQ(cat.error().code, ExitCode::BadInput);
    EXPECT_NE(cat.error().message.find("/d/hardware.json"), std::string::npos);
    EXPECT_NE(cat.error().message.find(GetParam().expected), std::string::npos)
        << cat.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Mistakes, HardwareCatalogBad,
    testing::Values(
        BadCase{"unknown field", good_with("\"tdp_w\"", "\"colour\": 1, \"tdp_w\""),
                "device test-gpu: field \"colour\": unknown field"},
        BadCase{"duplicate id", std::string(kGood) + "," + good_with("10de:1234", "10de:9999"),
                "device test-gpu: field \"id\": used twice"},
        BadCase{"duplicate pci", std::string(kGood) + "," +
                    good_with("\"test-gpu\"", "\"other\""),
                "field \"pci_ids\": 10de:1234 is also on test-gpu"},
        BadCase{"bad pci", good_with("10de:1234", "10DE:12345"), "is not vendor:device"},
        BadCase{"negative bandwidth", good_with("272", "-1"),
                "device test-gpu: field \"bandwidth_gbps\": must be a number"},
        BadCase{"no source", good_with("\"https://example.org/test-gpu\"", "\"\""),
                "field \"source\": must be a non-empty string"},
        BadCase{"no memory", good_with("\"memory_gb\": 8,", ""), "field \"memory_gb\": missing"},
        BadCase{"both memories", good_with("\"memory_gb\": 8,", "\"memory_gb\": 8, \"memory_options_gb\": [8],"),
                "not both"},
        BadCase{"bad kind", good_with("\"gpu\"", "\"graphics\""),
                "field \"kind\": \"graphics\" is not one of"},
        BadCase{"bad id", good_with("\"test-gpu\"", "\"Test GPU\""), "kebab-case"},
        BadCase{"string number", good_with("272", "\"272\""), "bandwidth_gbps"},
        BadCase{"dangling variant", good_with("\"tdp_w\"", "\"variant_of\": \"nope\", \"tdp_w\""),
                "field \"variant_of\": \"nope\""},
        BadCase{"alias names another device", std::string(kGood) + "," + other_device(),
                "\"tg\" also names test-gpu"}));

TEST(HardwareCatalog, ReportsEveryProblemOnItsOwnLine) {
    auto cat = parse(good_with("272", "-1").replace(std::string(kGood).find("\"GDDR6\""), 7, "3"));
    ASSERT_FALSE(cat);
    const auto lines = split(cat.error().message, '\n');
    ASSERT_EQ(lines.size(), 2U) << cat.error().message;
    EXPECT_EQ(lines[1].rfind("canrun: /d/hardware.json: device test-gpu: field", 0), 0U);
}

TEST(HardwareCatalog, RejectsAnotherSchemaVersion) {
    DataFile file{"hardware.json",
                  R"({"schema_version": 2, "data_version": "x", "devices": [], "cpu_platforms": []})",
                  DataOrigin::DataDir, "/d/hardware.json"};
    auto data = parse_data_json(std::move(file));
    ASSERT_TRUE(data);
    auto cat = parse_hardware(*data);
    ASSERT_FALSE(cat);
    EXPECT_NE(cat.error().message.find("schema_version 2"), std::string::npos);
}

TEST(HardwareMatchKey, IgnoresCaseSpacingAndVendorWords) {
    EXPECT_EQ(hardware_match_key("NVIDIA GeForce RTX 4060 Laptop GPU"), "rtx4060laptop");
    EXPECT_EQ(hardware_match_key("rtx4060-laptop"), "rtx4060laptop");
    EXPECT_EQ(hardware_match_key("Intel Iris Xe"), "irisxe");
    EXPECT_EQ(hardware_match_key("Apple M2 Max 38-core"), "applem2max38core");
}

}  // namespace
}  // namespace canrun::catalog
