// The JSON header of a .safetensors file: 8 bytes of little-endian length, then that many bytes
// of JSON naming each tensor's dtype, shape and byte range. Bounded and validated: the length
// must fit the file and 100 MiB, each range must lie in the data and match dtype x shape.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "util/result.h"

namespace canrun::scan {

struct SafetensorsHeader {
    std::uint64_t tensors = 0;
    std::uint64_t params = 0;      // tensor elements
    std::uint64_t data_bytes = 0;  // tensor data
    std::map<std::string, std::uint64_t> bytes_by_dtype;  // "BF16" -> bytes
};

inline constexpr std::uint64_t kMaxSafetensorsHeader = 100ULL << 20;

// `json` is the header text; `data_bytes` the bytes after it in the file.
Result<SafetensorsHeader> parse_safetensors_header(std::string_view json, std::uint64_t data_bytes);

// Reads only the header of the file.
Result<SafetensorsHeader> read_safetensors_header(const std::filesystem::path& path);

// Bytes per element of a safetensors dtype ("BF16" -> 2); 0 when unknown.
std::uint32_t safetensors_dtype_bytes(std::string_view dtype);

}  // namespace canrun::scan
