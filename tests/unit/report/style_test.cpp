#include "report/style.h"

#include <gtest/gtest.h>

namespace canrun::report {

namespace {

Terminal tty(std::optional<std::string> no_color = std::nullopt,
             std::optional<std::string> term = std::string("xterm-256color")) {
    return Terminal{true, std::move(no_color), std::move(term)};
}

}  // namespace

TEST(Style, ColorModesByName) {
    EXPECT_EQ(color_mode_by_name("auto"), ColorMode::Auto);
    EXPECT_EQ(color_mode_by_name("always"), ColorMode::Always);
    EXPECT_EQ(color_mode_by_name("never"), ColorMode::Never);
    EXPECT_EQ(color_mode_by_name("yes"), std::nullopt);
}

TEST(Style, AutoColoursOnlyATerminal) {
    EXPECT_TRUE(use_color(ColorMode::Auto, tty()));
    EXPECT_FALSE(use_color(ColorMode::Auto, Terminal{false, std::nullopt, "xterm"}));
}

TEST(Style, NoColorOfAnyValueTurnsAutoOff) {
    EXPECT_FALSE(use_color(ColorMode::Auto, tty("1")));
    EXPECT_FALSE(use_color(ColorMode::Auto, tty("0")));
    EXPECT_FALSE(use_color(ColorMode::Auto, tty("false")));
    // no-color.org: "present and not an empty string".
    EXPECT_TRUE(use_color(ColorMode::Auto, tty("")));
}

TEST(Style, DumbTerminalGetsNoColour) {
    EXPECT_FALSE(use_color(ColorMode::Auto, tty(std::nullopt, "dumb")));
    EXPECT_TRUE(use_color(ColorMode::Auto, tty(std::nullopt, std::nullopt)));
}

TEST(Style, ExplicitModesWin) {
    EXPECT_TRUE(use_color(ColorMode::Always, Terminal{false, "1", "dumb"}));
    EXPECT_FALSE(use_color(ColorMode::Never, tty()));
}

TEST(Style, PaintsOnlyWithColour) {
    EXPECT_EQ(Style(false).heading("Notes"), "Notes");
    EXPECT_EQ(Style(true).heading("Notes"), "\x1b[1mNotes\x1b[0m");
    EXPECT_EQ(Style(true).verdict("GPU", estimate::PlacementMode::FullGpu), "\x1b[32mGPU\x1b[0m");
    EXPECT_EQ(Style(true).verdict("GPU+CPU", estimate::PlacementMode::Partial),
              "\x1b[33mGPU+CPU\x1b[0m");
    EXPECT_EQ(Style(true).verdict("no fit", estimate::PlacementMode::WontFit), "\x1b[31mno fit\x1b[0m");
    EXPECT_EQ(Style(true).verdict("CPU", estimate::PlacementMode::Cpu), "CPU");
}

TEST(Style, EscapesTakeNoColumns) {
    const std::string s = Style(true).heading("放不下") + " ok";
    EXPECT_EQ(strip_escapes(s), "放不下 ok");
    EXPECT_EQ(visible_width(s), 9U);
}

}  // namespace canrun::report
