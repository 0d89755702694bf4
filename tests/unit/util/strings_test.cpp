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

namespace canrun {

TEST(Strings, DisplayWidthCountsCjkTwice) {
    EXPECT_EQ(display_width("abc"), 3U);
    EXPECT_EQ(display_width("内存"), 4U);
    EXPECT_EQ(display_width("▶ GPU"), 5U);  // the arrow is narrow
    EXPECT_EQ(display_width("（可用）"), 8U);
}

TEST(Strings, WrapBreaksAtSpacesAndBetweenCjk) {
    const auto en = wrap_text("no discrete GPU: models run on the CPU", 16);
    ASSERT_EQ(en.size(), 3U);
    EXPECT_EQ(en[0], "no discrete GPU:");  // exactly 16 columns
    EXPECT_EQ(en[1], "models run on");
    EXPECT_EQ(en[2], "the CPU");
    const auto zh = wrap_text("没有独立显卡：模型在 CPU 上运行", 10);
    for (const auto& l : zh) {
        EXPECT_LE(display_width(l), 10U) << l;
    }
    EXPECT_EQ(zh[0], "没有独立显");
    const auto long_word = wrap_text("supercalifragilistic x", 5);
    EXPECT_EQ(long_word[0], "supercalifragilistic");
    EXPECT_EQ(long_word[1], "x");
}

}  // namespace canrun
