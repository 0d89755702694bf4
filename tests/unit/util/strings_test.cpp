#include "util/strings.h"

#include <gtest/gtest.h>

namespace canrun {

TEST(Strings, NormalizeKeyDropsSeparatorsAndCase) {
    EXPECT_EQ(normalize_key("RTX 4060-Laptop"), "rtx4060laptop");
    EXPECT_EQ(normalize_key("Apple M2 Max 38-core"), "applem2max38core");
    EXPECT_EQ(normalize_key("qwen2.5:14b"), "qwen25:14b");
}

TEST(Strings, ParseIntRejectsPartialAndOverflow) {
    EXPECT_EQ(parse_int(" 42\n"), 42);
    EXPECT_FALSE(parse_int("42abc").has_value());
    EXPECT_FALSE(parse_int("").has_value());
    EXPECT_FALSE(parse_uint("99999999999999999999999").has_value());
    EXPECT_FALSE(parse_uint("-1").has_value());
}

TEST(Strings, ParseDouble) {
    EXPECT_DOUBLE_EQ(*parse_double("1.5"), 1.5);
    EXPECT_FALSE(parse_double("1.5x").has_value());
}

TEST(Strings, EditDistance) {
    EXPECT_EQ(edit_distance("qwen", "qwen"), 0U);
    EXPECT_EQ(edit_distance("qwen2.5", "qwen25"), 1U);
    EXPECT_EQ(edit_distance("", "abc"), 3U);
}

TEST(Strings, SplitKeepsEmptyFields) {
    const auto parts = split("a,,b", ',');
    ASSERT_EQ(parts.size(), 3U);
    EXPECT_EQ(parts[1], "");
}

}  // namespace canrun
