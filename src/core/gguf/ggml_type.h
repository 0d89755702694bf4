// The ggml tensor types: ids as stored in GGUF files, elements and bytes per block.
// These are facts of the file format (ggml.h / ggml-common.h), so they live in code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace canrun::gguf {

struct GgmlTypeInfo {
    std::uint32_t id = 0;           // ggml_type value in the file
    std::string_view name;          // "Q4_K", "F16", ... (upper case, as llama.cpp prints it)
    std::uint32_t block_elems = 0;  // elements per block
    std::uint32_t block_bytes = 0;  // bytes per block
    bool quantized = false;
};

// Every known type, in id order.
std::span<const GgmlTypeInfo> ggml_types();

// nullopt for ids that are unknown or were removed from ggml (e.g. 4, 5, 31-33, 36-38).
std::optional<GgmlTypeInfo> ggml_type_info(std::uint32_t id);

// Case-insensitive lookup by name ("q8_0", "Q4_K", "bf16").
std::optional<GgmlTypeInfo> ggml_type_by_name(std::string_view name);

// Bytes of a row of n elements; nullopt if n is not a multiple of the block size (or overflows).
std::optional<std::uint64_t> ggml_row_bytes(const GgmlTypeInfo& type, std::uint64_t n);

}  // namespace canrun::gguf
