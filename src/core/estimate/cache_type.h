// The element types llama.cpp accepts for the KV cache (-ctk / -ctv), with their ggml block
// layout. Block sizes are facts of the ggml format (ggml-common.h), so they are code.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace canrun::estimate {

enum class CacheType { F32, F16, BF16, Q8_0, Q5_1, Q5_0, Q4_1, Q4_0, Iq4Nl };

struct CacheTypeInfo {
    std::string_view name;        // as llama.cpp spells it: "f16", "q8_0", "iq4_nl"
    std::uint32_t block_elems = 1;
    std::uint32_t block_bytes = 0;
    bool quantized = false;
};

CacheTypeInfo cache_type_info(CacheType type);

// "q8_0" -> Q8_0 (case-insensitive); nullopt for a type the KV cache does not accept.
std::optional<CacheType> cache_type_by_name(std::string_view name);

// Bytes of one cache row of n elements (whole blocks; n is rounded up to the block size).
std::uint64_t cache_row_bytes(CacheType type, std::uint64_t n);

}  // namespace canrun::estimate
