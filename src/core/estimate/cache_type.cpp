#include "estimate/cache_type.h"

#include <array>
#include <cctype>

namespace canrun::estimate {

namespace {

// ggml-common.h block structs: q8_0 = f16 scale + 32 x i8 (34 B); q5_1 = 2 x f16 + u32 + 16 B
// (24 B); q5_0 = f16 + u32 + 16 B (22 B); q4_1 = 2 x f16 + 16 B (20 B); q4_0 and iq4_nl =
// f16 + 16 B (18 B); all per 32 elements.
constexpr std::array<CacheTypeInfo, 9> kTypes = {{
    {"f32", 1, 4, false},
    {"f16", 1, 2, false},
    {"bf16", 1, 2, false},
    {"q8_0", 32, 34, true},
    {"q5_1", 32, 24, true},
    {"q5_0", 32, 22, true},
    {"q4_1", 32, 20, true},
    {"q4_0", 32, 18, true},
    {"iq4_nl", 32, 18, true},
}};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

CacheTypeInfo cache_type_info(CacheType type) { return kTypes[static_cast<std::size_t>(type)]; }

std::optional<CacheType> cache_type_by_name(std::string_view name) {
    for (std::size_t i = 0; i < kTypes.size(); ++i) {
        if (same_ignoring_case(kTypes[i].name, name)) {
            return static_cast<CacheType>(i);
        }
    }
    return std::nullopt;
}

std::uint64_t cache_row_bytes(CacheType type, std::uint64_t n) {
    const auto info = cache_type_info(type);
    const std::uint64_t blocks = (n + info.block_elems - 1) / info.block_elems;
    return blocks * info.block_bytes;
}

}  // namespace canrun::estimate
