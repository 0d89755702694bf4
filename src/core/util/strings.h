// Small string helpers used across modules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace canrun {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
std::vector<std::string> split(std::string_view s, char sep);

// Lower case, with spaces, hyphens, underscores and dots removed: "RTX 4060-Laptop" -> "rtx4060laptop".
std::string normalize_key(std::string_view s);

// Whole-string integer parses; nullopt on anything else (no partial parses, no overflow).
std::optional<long long> parse_int(std::string_view s);
std::optional<unsigned long long> parse_uint(std::string_view s);
std::optional<double> parse_double(std::string_view s);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace canrun

namespace canrun {

// Columns a UTF-8 string takes on a terminal: CJK and full-width characters count 2.
std::size_t display_width(std::string_view s);

// Breaks text into lines of at most `width` columns: at spaces, or between any two CJK
// characters; a word longer than the width stands on its own line.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace canrun
