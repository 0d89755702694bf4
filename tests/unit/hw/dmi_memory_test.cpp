#include "hw/dmi_memory.h"

#include <gtest/gtest.h>

namespace canrun::hw {
namespace {

// An SMBIOS 3.2 type 17 record (0x28 formatted bytes) with the fields we read.
std::string record(std::uint16_t size_mb, std::uint16_t width, std::uint8_t type, std::uint16_t speed,
                   std::uint16_t configured) {
    std::string b(0x28, '\0');
    const auto put16 = [&](std::size_t off, std::uint16_t v) {
        b[off] = static_cast<char>(v & 0xFF);
        b[off + 1] = static_cast<char>(v >> 8U);
    };
    b[0] = 17;
    b[1] = 0x28;
    put16(0x0A, width);
    put16(0x0C, size_mb);
    b[0x12] = static_cast<char>(type);
    put16(0x15, speed);
    put16(0x20, configured);
    return b + std::string("DIMM\0\0", 6);
}

TEST(DmiMemory, DecodesADdr5Dimm) {
    const auto d = parse_dmi_memory_device(record(16384, 64, 0x22, 6000, 5600));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->size_bytes, 16ULL << 30U);
    EXPECT_EQ(d->data_width_bits, 64U);
    EXPECT_EQ(d->type, "DDR5");
    EXPECT_EQ(d->speed_mts, 5600U);  // configured speed wins over the rated one
}

TEST(DmiMemory, RejectsShortOrForeignRecords) {
    EXPECT_FALSE(parse_dmi_memory_device(""));
    EXPECT_FALSE(parse_dmi_memory_device(std::string(10, '\x11')));
    auto other = record(1024, 64, 0x1A, 3200, 3200);
    other[0] = 16;  // a type 16 record
    EXPECT_FALSE(parse_dmi_memory_device(other));
}

TEST(DmiMemory, EmptySlotHasNoSize) {
    const auto d = parse_dmi_memory_device(record(0, 0xFFFF, 0x02, 0, 0));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->size_bytes, 0U);
}

struct BandwidthRow {
    std::vector<MemoryDevice> devices;
    std::uint32_t max_channels;
    double gbps;
};

class Bandwidth : public testing::TestWithParam<BandwidthRow> {};

TEST_P(Bandwidth, IsSpeedTimesBusWidth) {
    const auto& row = GetParam();
    const auto b = memory_bandwidth(row.devices, row.max_channels);
    ASSERT_TRUE(b);
    EXPECT_NEAR(b->gbps, row.gbps, 0.05);
}

const MemoryDevice kDdr5{32ULL << 30U, 64, 6000, "DDR5"};
const MemoryDevice kDdr4{32ULL << 30U, 64, 3200, "DDR4"};
const MemoryDevice kLp5x{16ULL << 30U, 32, 8000, "LPDDR5"};
const MemoryDevice kEmpty{0, 0, 0, ""};

INSTANTIATE_TEST_SUITE_P(
    Rows, Bandwidth,
    testing::Values(BandwidthRow{{kDdr5, kEmpty, kDdr5, kEmpty}, 2, 96.0},  // dual channel
                    BandwidthRow{{kDdr4, kDdr4, kDdr4, kDdr4}, 2, 51.2},    // 2 DIMMs per channel
                    BandwidthRow{{kDdr5}, 2, 48.0},                          // single channel
                    BandwidthRow{std::vector<MemoryDevice>(8, kLp5x), 16, 256.0}));  // Strix Halo

TEST(Bandwidth, UnknownWhenSpeedMissingOrNoModules) {
    EXPECT_FALSE(memory_bandwidth({kEmpty, kEmpty}, 2));
    EXPECT_FALSE(memory_bandwidth({MemoryDevice{8ULL << 30U, 64, 0, "DDR4"}}, 2));
}

}  // namespace
}  // namespace canrun::hw
