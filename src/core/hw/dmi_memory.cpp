#include "hw/dmi_memory.h"

#include <algorithm>
#include <cstring>

namespace canrun::hw {

namespace {

std::uint32_t u16_at(std::string_view raw, std::size_t off) {
    const auto lo = static_cast<unsigned char>(raw[off]);
    const auto hi = static_cast<unsigned char>(raw[off + 1]);
    return static_cast<std::uint32_t>(lo) | (static_cast<std::uint32_t>(hi) << 8U);
}

std::uint32_t u32_at(std::string_view raw, std::size_t off) {
    return u16_at(raw, off) | (u16_at(raw, off + 2) << 16U);
}

std::uint64_t size_of(std::string_view raw, std::size_t formatted) {
    const auto size = u16_at(raw, 0x0C);
    if (size == 0 || size == 0xFFFF) {
        return 0;
    }
    if (size == 0x7FFF && formatted >= 0x20) {
        return static_cast<std::uint64_t>(u32_at(raw, 0x1C) & 0x7FFFFFFFU) << 20U;  // MiB
    }
    const bool kib = (size & 0x8000U) != 0;
    return static_cast<std::uint64_t>(size & 0x7FFFU) << (kib ? 10U : 20U);
}

std::uint32_t speed_of(std::string_view raw, std::size_t formatted) {
    std::uint32_t rated = formatted > 0x16 ? u16_at(raw, 0x15) : 0;
    if (rated == 0xFFFF && formatted >= 0x58) {
        rated = u32_at(raw, 0x54);
    }
    std::uint32_t configured = formatted > 0x21 ? u16_at(raw, 0x20) : 0;
    if (configured == 0xFFFF && formatted >= 0x5C) {
        configured = u32_at(raw, 0x58);
    }
    return configured != 0 ? configured : (rated == 0xFFFF ? 0 : rated);
}

}  // namespace

std::string dmi_memory_type_name(std::uint8_t code) {
    switch (code) {
        case 0x12: return "DDR";
        case 0x13: return "DDR2";
        case 0x18: return "DDR3";
        case 0x1A: return "DDR4";
        case 0x1B: return "LPDDR";
        case 0x1C: return "LPDDR2";
        case 0x1D: return "LPDDR3";
        case 0x1E: return "LPDDR4";
        case 0x20: return "HBM";
        case 0x21: return "HBM2";
        case 0x22: return "DDR5";
        case 0x23: return "LPDDR5";
        case 0x24: return "HBM3";
        default: return {};
    }
}

std::optional<MemoryDevice> parse_dmi_memory_device(std::string_view raw) {
    if (raw.size() < 0x15 || static_cast<unsigned char>(raw[0]) != 17) {
        return std::nullopt;
    }
    const std::size_t formatted = std::min<std::size_t>(static_cast<unsigned char>(raw[1]), raw.size());
    if (formatted < 0x15) {
        return std::nullopt;
    }
    MemoryDevice d;
    d.size_bytes = size_of(raw, formatted);
    const auto width = u16_at(raw, 0x0A);
    d.data_width_bits = width == 0xFFFF ? 0 : width;
    d.type = dmi_memory_type_name(static_cast<std::uint8_t>(raw[0x12]));
    d.speed_mts = speed_of(raw, formatted);
    return d;
}

std::optional<MemoryBandwidth> memory_bandwidth(const std::vector<MemoryDevice>& devices,
                                                std::uint32_t max_channels) {
    MemoryBandwidth b;
    std::uint64_t width_bits = 0;
    for (const auto& d : devices) {
        if (d.size_bytes == 0) {
            continue;
        }
        if (d.speed_mts == 0 || d.data_width_bits == 0) {
            return std::nullopt;
        }
        ++b.modules;
        width_bits += d.data_width_bits;
        b.speed_mts = b.speed_mts == 0 ? d.speed_mts : std::min(b.speed_mts, d.speed_mts);
        b.type = b.type.empty() ? d.type : b.type;
    }
    if (b.modules == 0) {
        return std::nullopt;
    }
    // Express the bus as 64-bit channels (LPDDR devices are often 16 or 32 bits each).
    const double channels64 = static_cast<double>(width_bits) / 64.0;
    const double used = std::min(channels64, static_cast<double>(max_channels));
    b.channels = static_cast<std::uint32_t>(std::max(1.0, used + 0.5));
    b.gbps = static_cast<double>(b.speed_mts) * 1e6 * 8.0 * used / 1e9;
    return b;
}

}  // namespace canrun::hw
