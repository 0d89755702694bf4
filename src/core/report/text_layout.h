// Laying text out for an 80-column terminal: hanging indents and column tables. Widths are
// display columns (util/strings.h display_width: CJK characters take two).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace canrun::report {

inline constexpr std::size_t kTerminalWidth = 80;

// `text` wrapped to the terminal, as if it started at column `indent`: the first line carries no
// indent (the caller printed it), later lines start with `indent` spaces. Ends with a newline.
std::string hanging(std::string_view text, std::size_t indent, std::size_t width = kTerminalWidth);

// One line of a shell command laid out for the terminal: `indent` spaces, then the words; when
// it is too wide, it breaks between words (quoted strings stay whole) with " \\" at the end of
// each broken line and the rest indented 4 more, so it still pastes into a shell. Ends with a
// newline.
std::string shell_line(std::string_view command, std::size_t indent,
                       std::size_t width = kTerminalWidth);

enum class Align { Left, Right };

// `s` padded with spaces to `width` display columns (never cut).
std::string pad(std::string_view s, std::size_t width, Align align = Align::Left);

// One column of a table: its width (0: not padded, for the last column), alignment, and the
// spaces that separate it from the column before.
struct Column {
    std::size_t width = 0;
    Align align = Align::Left;
    std::size_t gap = 1;
};

// One table row: each cell padded to its column, columns joined by their gaps, trailing spaces
// dropped, ending with a newline. Cells beyond the columns are ignored; missing cells are empty.
std::string table_row(const std::vector<Column>& columns, const std::vector<std::string>& cells);

// The widest of `header` and `cells`, in display columns (a column's natural width).
std::size_t column_width(std::string_view header, const std::vector<std::string>& cells);

}  // namespace canrun::report
