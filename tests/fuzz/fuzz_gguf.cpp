// libFuzzer target for the GGUF header parser: it must never crash, hang or allocate without
// bound, and what it accepts must hold together (tensor data inside the file, sizes exact).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "gguf/gguf_file.h"

namespace {

void check(bool ok) {
    if (!ok) {
        std::abort();
    }
}

void check_invariants(const canrun::gguf::GgufFile& f, std::uint64_t total) {
    check(f.version == 2 || f.version == 3);
    check(f.alignment != 0 && (f.alignment & (f.alignment - 1)) == 0);
    check(f.data_offset % f.alignment == 0);
    for (const auto& t : f.tensors) {
        check(!t.shape.empty() && t.shape.size() <= 4);
        check(t.offset % f.alignment == 0);
        check(f.data_offset + t.offset + t.bytes <= total);
        const auto row = canrun::gguf::ggml_row_bytes(t.type, t.shape[0]);
        check(row.has_value());
        check(t.shape[0] == 0 || t.bytes == *row * (t.elements / t.shape[0]));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::as_bytes(std::span(data, size));
    canrun::gguf::ReadLimits limits;
    limits.max_string_bytes = 1 << 20;
    if (const auto f = canrun::gguf::parse_gguf(bytes, size, limits)) {
        check_invariants(*f, size);
    }
    // The same bytes as the header of a much larger file: tensor data is then "in the file".
    const std::uint64_t big = size + (1ULL << 40);
    if (const auto f = canrun::gguf::parse_gguf(bytes, big, limits)) {
        check_invariants(*f, big);
    }
    return 0;
}
