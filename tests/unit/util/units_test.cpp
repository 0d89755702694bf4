#include "util/units.h"

#include <gtest/gtest.h>

namespace canrun {

TEST(Units, BinaryAndDecimalAreNamed) {
    EXPECT_EQ(format_bytes(4912898304ULL), "4.58 GiB");
    EXPECT_EQ(format_bytes_si(4912898304ULL), "4.91 GB");
    EXPECT_EQ(format_bytes(281ULL * kMiB + 850000), "281.8 MiB");
    EXPECT_EQ(format_bytes(512), "512 B");
}

TEST(Units, ParamsAndTokens) {
    EXPECT_EQ(format_params(8030261248ULL), "8.03 B");
    EXPECT_EQ(format_params(494000000ULL), "494 M");
    EXPECT_EQ(format_tokens(131072), "128k");
    EXPECT_EQ(format_tokens(1000), "1000");
}

}  // namespace canrun
