// The GGUF header parser behind parse_gguf and read_gguf. Internal to gguf/.
#pragma once

#include <cstdint>
#include <string_view>

#include "gguf/byte_reader.h"
#include "gguf/gguf_file.h"

namespace canrun::gguf {

// Parses the header from `source`; `total_bytes` is the size of the whole file, against which
// tensor data ranges are checked. `name` starts every error message (the path as given).
Result<GgufFile> parse_header(ByteSource& source, std::uint64_t total_bytes,
                              const ReadLimits& limits, std::string_view name);

}  // namespace canrun::gguf
