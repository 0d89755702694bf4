// GGUF header layout (ggml docs/gguf.md, src/gguf.cpp): magic "GGUF", u32 version, u64 tensor
// count, u64 key-value count, the key-value pairs, the tensor infos, padding to the alignment,
// then the tensor data (never read here). Every count and length is checked against the bytes
// left before anything is allocated.
#include "gguf/header_parser.h"
#include "gguf/header_parser_impl.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

#include "util/units.h"

namespace canrun::gguf {
namespace detail {
namespace {

// Smallest encoding of a value of each type, to bound counts by the bytes left.
std::uint64_t min_value_bytes(ValueType t) {
    switch (t) {
        case ValueType::U8: case ValueType::I8: case ValueType::Bool: return 1;
        case ValueType::U16: case ValueType::I16: return 2;
        case ValueType::U32: case ValueType::I32: case ValueType::F32: return 4;
        case ValueType::U64: case ValueType::I64: case ValueType::F64: return 8;
        case ValueType::String: return 8;   // length
        case ValueType::Array: return 12;   // element type + count
    }
    return 1;
}

bool valid_value_type(std::uint32_t t) { return t <= static_cast<std::uint32_t>(ValueType::F64); }

}  // namespace

Result<GgufFile> HeaderParser::run() {
    if (parse_preamble() && parse_metadata() && parse_tensor_infos() && finish_layout()) {
        return std::move(file_);
    }
    return fail(std::move(error_));
}

bool HeaderParser::error(std::string_view what, std::string_view todo) {
    error_ = fmt::format("{}: {}; {}", name_, what, todo);
    return false;
}

bool HeaderParser::truncated(std::uint64_t n) {
    if (r_.io_error()) {
        return error(fmt::format("read error in the {}", section_), "check the disk and retry");
    }
    return error(fmt::format("file is truncated in the {} (needs {} more bytes)", section_,
                             n - std::min(n, r_.remaining())),
                 kTruncated);
}

bool HeaderParser::string_too_long(std::uint64_t len, std::string_view what) {
    if (len > limits_.max_string_bytes) {
        return damaged(fmt::format("{} is {} bytes long, more than the limit of {} bytes", what, len,
                                   limits_.max_string_bytes));
    }
    if (len > r_.remaining()) {
        return error(fmt::format("file is truncated in the {}: {} of {} bytes runs past the end "
                                 "(needs {} more bytes)",
                                 section_, what, len, len - r_.remaining()),
                     kTruncated);
    }
    return header_too_large();
}

bool HeaderParser::header_too_large() {
    return damaged(fmt::format("the header is larger than the limit of {} bytes",
                               limits_.max_header_bytes));
}

bool HeaderParser::parse_preamble() {
    std::uint32_t magic = 0;
    if (r_.size() < 4) {
        return error(fmt::format("not a GGUF file (only {} bytes)", r_.size()),
                     "give a .gguf model file");
    }
    if (!read_u32(magic)) {
        return false;
    }
    if (magic != kMagic) {
        return error(fmt::format("not a GGUF file (magic 0x{:08x})", magic), "give a .gguf model file");
    }
    std::uint32_t version = 0;
    if (!read_u32(version) || !check_version(version)) {
        return false;
    }
    file_.version = version;
    if (!read_u64(n_tensors_) || !read_u64(n_kv_)) {
        return false;
    }
    constexpr std::uint64_t kMinKv = 8 + 4 + 1;  // key length, type, smallest value
    if (n_kv_ > r_.remaining() / kMinKv) {
        return error(fmt::format("file is truncated in the metadata or damaged: the header says {} "
                                 "metadata entries, more than the file can hold", n_kv_),
                     kTruncated);
    }
    if (n_kv_ > limits_.max_kv_count) {
        return damaged(fmt::format("header says {} metadata entries, more than the limit of {}", n_kv_,
                                   limits_.max_kv_count));
    }
    return true;
}

bool HeaderParser::check_version(std::uint32_t version) {
    if (version == 2 || version == 3) {
        return true;
    }
    if (version == 0x02000000 || version == 0x03000000) {
        return error("big-endian GGUF files are not supported",
                     "use the little-endian version of the model");
    }
    if (version == 1) {
        return error("GGUF version 1 (the first, August 2023 format) is not supported",
                     "convert the model again with a current llama.cpp");
    }
    return error(fmt::format("unsupported GGUF version {} (canrun reads versions 2 and 3)", version),
                 "update canrun, or check that the file is a GGUF model");
}

bool HeaderParser::parse_metadata() {
    section_ = "metadata";
    file_.metadata.reserve(static_cast<std::size_t>(n_kv_));
    std::unordered_set<std::string> keys;
    for (std::uint64_t i = 0; i < n_kv_; ++i) {
        if (!parse_kv(i)) {
            return false;
        }
        if (r_.position() > limits_.max_header_bytes) {
            return header_too_large();
        }
        const auto& kv = file_.metadata.back();
        if (!keys.insert(kv.key).second) {
            return damaged(fmt::format("metadata key '{}' appears twice", kv.key));
        }
        if (!check_special_key(kv)) {
            return false;
        }
    }
    return true;
}

bool HeaderParser::parse_kv(std::uint64_t index) {
    KeyValue kv;
    if (!read_string(kv.key, [&] { return fmt::format("metadata key #{}", index); })) {
        return false;
    }
    if (kv.key.empty()) {
        return damaged(fmt::format("metadata key #{} is empty", index));
    }
    std::uint32_t type = 0;
    if (!read_u32(type)) {
        return false;
    }
    if (!valid_value_type(type)) {
        return damaged(fmt::format("metadata key '{}' has invalid value type {}", kv.key, type));
    }
    if (!parse_value(static_cast<ValueType>(type), 0, kv.key, kv.value)) {
        return false;
    }
    file_.metadata.push_back(std::move(kv));
    return true;
}

bool HeaderParser::check_special_key(const KeyValue& kv) {
    if (kv.key != "general.alignment") {
        return true;
    }
    if (kv.value.type != ValueType::U32) {
        return damaged(fmt::format("general.alignment has type {}, not u32",
                                   value_type_name(kv.value.type)));
    }
    const auto a = std::get<std::uint64_t>(kv.value.data);
    if (a == 0 || (a & (a - 1)) != 0) {
        return damaged(fmt::format("general.alignment is {}, not a power of two", a));
    }
    file_.alignment = static_cast<std::uint32_t>(a);
    return true;
}

bool HeaderParser::parse_value(ValueType type, std::uint32_t depth, std::string_view key,
                               Value& out) {
    out.type = type;
    if (type == ValueType::Array) {
        return parse_array(depth + 1, key, out);
    }
    if (type == ValueType::String) {
        std::string s;
        if (!read_string(s, [&] { return fmt::format("the string value of '{}'", key); })) {
            return false;
        }
        out.data = std::move(s);
        return true;
    }
    return parse_scalar(type, out);
}

bool HeaderParser::parse_scalar(ValueType type, Value& out) {
    const auto width = static_cast<int>(min_value_bytes(type));
    std::uint64_t raw = 0;
    if (!r_.read_le(width, raw)) {
        return truncated(static_cast<std::uint64_t>(width));
    }
    const int shift = 64 - 8 * width;
    switch (type) {
        case ValueType::I8: case ValueType::I16: case ValueType::I32: case ValueType::I64:
            // sign-extend: move the sign bit to bit 63, then shift back arithmetically
            out.data = static_cast<std::int64_t>(raw << shift) >> shift;
            return true;
        case ValueType::F32: {
            const auto bits = static_cast<std::uint32_t>(raw);
            out.data = static_cast<double>(std::bit_cast<float>(bits));
            return true;
        }
        case ValueType::F64: out.data = std::bit_cast<double>(raw); return true;
        case ValueType::Bool: out.data = raw != 0; return true;
        default: out.data = raw; return true;
    }
}

bool HeaderParser::parse_array(std::uint32_t depth, std::string_view key, Value& out) {
    if (depth > limits_.max_array_depth) {
        return damaged(fmt::format("metadata key '{}' has arrays nested more than {} deep", key,
                                   limits_.max_array_depth));
    }
    std::uint32_t elem = 0;
    std::uint64_t count = 0;
    if (!read_u32(elem) || !read_u64(count)) {
        return false;
    }
    if (!valid_value_type(elem)) {
        return damaged(fmt::format("array '{}' has invalid element type {}", key, elem));
    }
    Array array{static_cast<ValueType>(elem), {}};
    if (count > limits_.max_array_elems || count > limits_.max_total_values - n_values_) {
        return damaged(fmt::format("array '{}' has {} elements, more than the limit", key, count));
    }
    if (count > r_.remaining() / min_value_bytes(array.elem_type)) {
        return error(fmt::format("file is truncated in the {}: array '{}' has {} elements, more than "
                                 "the file holds", section_, key, count), kTruncated);
    }
    if (count > header_left() / min_value_bytes(array.elem_type)) {
        return header_too_large();
    }
    n_values_ += count;
    array.items.resize(static_cast<std::size_t>(count));
    for (auto& item : array.items) {
        if (!parse_value(array.elem_type, depth, key, item)) {
            return false;
        }
    }
    out.data = std::move(array);
    return true;
}

}  // namespace detail

Result<GgufFile> parse_header(ByteSource& source, std::uint64_t total_bytes,
                              const ReadLimits& limits, std::string_view name) {
    return detail::HeaderParser(source, total_bytes, limits, name).run();
}

}  // namespace canrun::gguf
