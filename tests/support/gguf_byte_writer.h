// Internal to the test GGUF builder: little-endian byte writing and value serialisation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "gguf/gguf_file.h"

namespace canrun::testing::detail {

inline constexpr std::uint32_t kDefaultAlignment = 32;

inline std::uint64_t align_up(std::uint64_t x, std::uint64_t a) { return (x + a - 1) / a * a; }

inline bool is_pow2(std::uint32_t a) { return a != 0 && (a & (a - 1)) == 0; }

class ByteWriter {
public:
    void u8(std::uint8_t v) { out_.push_back(static_cast<std::byte>(v)); }
    void u32(std::uint32_t v) { le(v, 4); }
    void u64(std::uint64_t v) { le(v, 8); }
    void u32_be(std::uint32_t v);
    void str(std::string_view s);
    void le(std::uint64_t v, int n);
    void pad_to(std::uint64_t size) { out_.resize(size, std::byte{0}); }
    std::uint64_t size() const { return out_.size(); }
    std::vector<std::byte>& out() { return out_; }

private:
    std::vector<std::byte> out_;
};

// Writes a value without its type tag (what follows the tag in the file).
void write_payload(ByteWriter& w, const gguf::Value& v);

// A u32 wrapped in `depth` single-element arrays.
gguf::Value nested_array(int depth);

}  // namespace canrun::testing::detail
