// HeaderParser: the state of one GGUF header parse. Internal to gguf/ (header_parser.cpp and
// tensor_info_parser.cpp hold its members).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "gguf/byte_reader.h"
#include "gguf/gguf_file.h"

namespace canrun::gguf::detail {

inline constexpr std::uint32_t kMagic = 0x46554747;  // "GGUF" read as a little-endian u32
inline constexpr std::uint64_t kMaxName = 64;        // GGML_MAX_NAME: names are at most 63 bytes
inline constexpr std::uint32_t kMaxDims = 4;         // GGML_MAX_DIMS
inline constexpr std::uint64_t kMaxNe =
    static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
inline constexpr std::string_view kDamaged = "the file is damaged, download or convert the model again";
inline constexpr std::string_view kTruncated = "download the file again";

class HeaderParser {
public:
    HeaderParser(ByteSource& source, std::uint64_t total, const ReadLimits& limits,
                 std::string_view name)
        : r_(source), total_(total), limits_(limits), name_(name) {}

    Result<GgufFile> run();

private:
    // header_parser.cpp: the preamble and the key-value pairs
    bool error(std::string_view what, std::string_view todo);
    bool damaged(std::string_view what) { return error(what, kDamaged); }
    // A read of n bytes that does not fit in what is left.
    bool truncated(std::uint64_t n);
    bool read_u32(std::uint32_t& out) {
        std::uint64_t v = 0;
        if (!r_.read_le(4, v)) {
            return truncated(4);
        }
        out = static_cast<std::uint32_t>(v);
        return true;
    }
    bool read_u64(std::uint64_t& out) { return r_.read_le(8, out) || truncated(8); }
    // A gguf string; `describe()` names it in messages (called only on failure).
    template <typename Describe>
    bool read_string(std::string& out, Describe describe) {
        std::uint64_t len = 0;
        return read_u64(len) && read_string_bytes(len, out, describe);
    }
    template <typename Describe>
    bool read_string_bytes(std::uint64_t len, std::string& out, Describe describe) {
        if (len <= limits_.max_string_bytes && len <= r_.remaining() && len <= header_left()) {
            return r_.read_string(len, out) || truncated(len);
        }
        return string_too_long(len, describe());
    }
    bool string_too_long(std::uint64_t len, std::string_view what);
    // Bytes the header may still take (ReadLimits::max_header_bytes).
    std::uint64_t header_left() const {
        const auto pos = r_.position();
        return pos < limits_.max_header_bytes ? limits_.max_header_bytes - pos : 0;
    }
    bool header_too_large();

    bool parse_preamble();
    bool check_version(std::uint32_t version);
    bool parse_metadata();
    bool parse_kv(std::uint64_t index);
    bool check_special_key(const KeyValue& kv);
    bool parse_value(ValueType type, std::uint32_t depth, std::string_view key, Value& out);
    bool parse_scalar(ValueType type, Value& out);
    bool parse_array(std::uint32_t depth, std::string_view key, Value& out);
    // tensor_info_parser.cpp: tensor infos and the data layout
    bool parse_tensor_infos();
    bool parse_tensor_info(std::uint64_t index);
    bool parse_shape(TensorInfo& t);
    bool parse_type(TensorInfo& t);
    bool finish_layout();
    bool check_packed();

    ByteReader r_;
    std::uint64_t total_;
    const ReadLimits& limits_;
    std::string_view name_;
    std::string_view section_ = "header";
    std::string error_;
    GgufFile file_;
    std::uint64_t n_tensors_ = 0;
    std::uint64_t n_kv_ = 0;
    std::uint64_t n_values_ = 0;
    std::unordered_set<std::string> names_;
};

}  // namespace canrun::gguf::detail
