// Laying text out for an 80-column terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace canrun::report {

inline constexpr std::size_t kTerminalWidth = 80;

// `text` wrapped to the terminal, as if it started at column `indent`: the first line carries no
// indent (the caller printed it), later lines start with `indent` spaces. Ends with a newline.
std::string hanging(std::string_view text, std::size_t indent, std::size_t width = kTerminalWidth);

}  // namespace canrun::report
