#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "gguf/byte_reader.h"
#include "support/temp_path.h"

namespace canrun::gguf {
namespace {

std::vector<std::byte> random_bytes(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::byte> out(n);
    for (auto& b : out) {
        b = static_cast<std::byte>(rng() & 0xff);
    }
    return out;
}

// Reads of random sizes (some larger than the buffer) give back exactly the source bytes.
void check_sequential_reads(ByteSource& source, const std::vector<std::byte>& expected) {
    ByteReader r(source);
    std::mt19937_64 rng(7);
    std::size_t at = 0;
    while (at < expected.size()) {
        const std::size_t want = (rng() % 4 == 0) ? rng() % (3 * ByteReader::kBufferBytes) : rng() % 300;
        const std::size_t n = std::min(want, expected.size() - at);
        std::vector<std::byte> got(n);
        ASSERT_TRUE(r.read(got)) << "at " << at;
        ASSERT_TRUE(std::equal(got.begin(), got.end(), expected.begin() + static_cast<std::ptrdiff_t>(at)))
            << "at " << at << " n " << n;
        at += n;
        ASSERT_EQ(r.position(), at);
    }
    std::byte one[1];
    EXPECT_FALSE(r.read(one));
    EXPECT_FALSE(r.io_error());
    EXPECT_EQ(r.position(), expected.size());  // a failed read moves nothing
}

TEST(ByteReader, MemoryReadsAcrossBufferBoundaries) {
    const auto bytes = random_bytes(5 * ByteReader::kBufferBytes + 123, 1);
    MemorySource source(bytes);
    check_sequential_reads(source, bytes);
}

TEST(ByteReader, FileReadsAcrossBufferBoundaries) {
    const auto bytes = random_bytes(5 * ByteReader::kBufferBytes + 77, 2);
    const auto path = canrun::testing::unique_temp_path("byte_reader_test", ".bin");
    {
        std::ofstream f(path, std::ios::binary);
        f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    auto source = FileSource::open(path);
    ASSERT_TRUE(source) << source.error().message;
    EXPECT_EQ((*source)->size(), bytes.size());
    check_sequential_reads(**source, bytes);
    std::filesystem::remove(path);
}

TEST(ByteReader, LittleEndianIntegersStringsAndSkip) {
    const std::vector<std::byte> bytes = {std::byte{0x01}, std::byte{0x02}, std::byte{0x03},
                                          std::byte{0x04}, std::byte{'h'},  std::byte{'i'},
                                          std::byte{0xff}, std::byte{0xee}};
    MemorySource source(bytes);
    ByteReader r(source);
    std::uint64_t v = 0;
    ASSERT_TRUE(r.read_le(4, v));
    EXPECT_EQ(v, 0x04030201U);
    std::string s;
    ASSERT_TRUE(r.read_string(2, s));
    EXPECT_EQ(s, "hi");
    EXPECT_FALSE(r.read_le(4, v));  // only 2 left
    EXPECT_EQ(r.remaining(), 2U);
    EXPECT_FALSE(r.skip(3));
    EXPECT_TRUE(r.skip(1));
    ASSERT_TRUE(r.read_le(1, v));
    EXPECT_EQ(v, 0xeeU);
    EXPECT_FALSE(r.read_string(1, s));
}

TEST(ByteReader, EmptySource) {
    MemorySource source({});
    ByteReader r(source);
    std::uint64_t v = 0;
    EXPECT_FALSE(r.read_le(1, v));
    EXPECT_EQ(r.remaining(), 0U);
}

}  // namespace
}  // namespace canrun::gguf
