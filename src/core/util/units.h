// Byte and size formatting. GiB = 2^30 bytes, GB = 10^9 bytes; we always say which.
#pragma once

#include <cstdint>
#include <string>

namespace canrun {

inline constexpr std::uint64_t kKiB = 1024ULL;
inline constexpr std::uint64_t kMiB = 1024ULL * kKiB;
inline constexpr std::uint64_t kGiB = 1024ULL * kMiB;
inline constexpr std::uint64_t kGB = 1000ULL * 1000ULL * 1000ULL;

inline double to_gib(std::uint64_t bytes) { return static_cast<double>(bytes) / kGiB; }

inline double to_mib(std::uint64_t bytes) { return static_cast<double>(bytes) / kMiB; }

// "4.58 GiB", "281.8 MiB", "512 B": binary units, precision picked so the text stays short.
std::string format_bytes(std::uint64_t bytes);

// "4.92 GB": decimal units, for disk sizes where vendors use them.
std::string format_bytes_si(std::uint64_t bytes);

// "8.03 B", "494 M": a parameter count.
std::string format_params(std::uint64_t params);

// "8k", "128k", "1000": a token count the way people write contexts.
std::string format_tokens(std::uint64_t tokens);

}  // namespace canrun
