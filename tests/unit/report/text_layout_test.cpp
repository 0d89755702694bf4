#include "report/text_layout.h"

#include <gtest/gtest.h>

#include "report/style.h"

namespace canrun::report {

TEST(TextLayout, PadCountsWideCharactersTwice) {
    EXPECT_EQ(pad("ab", 5), "ab   ");
    EXPECT_EQ(pad("ab", 5, Align::Right), "   ab");
    EXPECT_EQ(pad("内存", 6), "内存  ");
    EXPECT_EQ(pad("toolong", 3), "toolong");
}

TEST(TextLayout, TableRowPadsJoinsAndTrims) {
    const std::vector<Column> cols{{4, Align::Left, 0}, {5, Align::Right, 1}, {0, Align::Left, 2}};
    EXPECT_EQ(table_row(cols, {"ID", "GB/S", "NAME"}), "ID    GB/S  NAME\n");
    EXPECT_EQ(table_row(cols, {"a", "1", ""}), "a        1\n");
    EXPECT_EQ(table_row(cols, {"模型", "2"}), "模型     2\n");
}

TEST(TextLayout, ColumnWidthIsTheWidestCell) {
    EXPECT_EQ(column_width("ID", {"a", "abcd"}), 4U);
    EXPECT_EQ(column_width("参数量", {"7B"}), 6U);
}

TEST(TextLayout, ShortShellLinesStayWhole) {
    EXPECT_EQ(shell_line("ollama run qwen3:8b", 2), "  ollama run qwen3:8b\n");
}

TEST(TextLayout, LongShellLinesBreakWithBackslashesWithin80Columns) {
    const std::string cmd =
        "llama-server -hf ggml-org/gpt-oss-120b-GGUF -c 8192 -ngl 99 -fa on --n-cpu-moe 24 "
        "-t 16 -m 'a path with spaces/model file.gguf'";
    const auto out = shell_line(cmd, 2);
    std::size_t start = 0;
    std::string joined;
    int lines = 0;
    while (start < out.size()) {
        const auto nl = out.find('\n', start);
        std::string line = out.substr(start, nl - start);
        EXPECT_LE(visible_width(line), kTerminalWidth) << line;
        if (line.ends_with(" \\")) {
            line.resize(line.size() - 2);
        }
        joined += (joined.empty() ? "" : " ") + std::string(line.substr(line.find_first_not_of(' ')));
        start = nl + 1;
        ++lines;
    }
    EXPECT_GE(lines, 2);
    EXPECT_EQ(joined, cmd);  // the quoted path is never split
}

}  // namespace canrun::report
