#include "util/units.h"

#include <fmt/format.h>

namespace canrun {

std::string format_bytes(std::uint64_t bytes) {
    const double b = static_cast<double>(bytes);
    if (bytes >= kGiB) {
        return fmt::format("{:.2f} GiB", b / static_cast<double>(kGiB));
    }
    if (bytes >= kMiB) {
        return fmt::format("{:.1f} MiB", b / static_cast<double>(kMiB));
    }
    if (bytes >= kKiB) {
        return fmt::format("{:.1f} KiB", b / static_cast<double>(kKiB));
    }
    return fmt::format("{} B", bytes);
}

std::string format_bytes_si(std::uint64_t bytes) {
    const double b = static_cast<double>(bytes);
    if (bytes >= 1000ULL * kGB) {
        return fmt::format("{:.2f} TB", b / 1e12);
    }
    if (bytes >= kGB) {
        return fmt::format("{:.2f} GB", b / 1e9);
    }
    if (bytes >= 1000ULL * 1000ULL) {
        return fmt::format("{:.1f} MB", b / 1e6);
    }
    return fmt::format("{} B", bytes);
}

std::string format_params(std::uint64_t params) {
    const double p = static_cast<double>(params);
    if (params >= 1000ULL * 1000ULL * 1000ULL) {
        return fmt::format("{:.2f} B", p / 1e9);
    }
    if (params >= 1000ULL * 1000ULL) {
        return fmt::format("{:.0f} M", p / 1e6);
    }
    return fmt::format("{}", params);
}

std::string format_tokens(std::uint64_t tokens) {
    if (tokens >= 1024 && tokens % 1024 == 0) {
        return fmt::format("{}k", tokens / 1024);
    }
    return fmt::format("{}", tokens);
}

}  // namespace canrun
