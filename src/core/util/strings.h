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
