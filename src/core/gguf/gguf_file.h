// A parsed GGUF header: metadata and tensor infos. Tensor data is never read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gguf/ggml_type.h"
#include "util/result.h"

namespace canrun::gguf {

// GGUF metadata value types (gguf.h gguf_type).
enum class ValueType : std::uint32_t {
    U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, Bool = 7,
    String = 8, Array = 9, U64 = 10, I64 = 11, F64 = 12,
};

// "u8", "i32", "string", "array", ... for messages.
std::string_view value_type_name(ValueType t);

struct Value;
struct Array {
    ValueType elem_type = ValueType::U8;
    std::vector<Value> items;  // nested arrays allowed
};

struct Value {
    ValueType type = ValueType::U8;
    // Integers of every width as u64/i64, floats as double, bool, string, array.
    std::variant<std::uint64_t, std::int64_t, double, bool, std::string, Array> data;
};

struct KeyValue {
    std::string key;
    Value value;
};

struct TensorInfo {
    std::string name;
    std::vector<std::uint64_t> shape;  // ne[0..n_dims), ne[0] is the row length
    GgmlTypeInfo type;
    std::uint64_t offset = 0;  // relative to the data section of its shard
    std::uint64_t bytes = 0;   // exact bytes of the tensor data
    std::uint64_t elements = 0;
    std::uint32_t shard = 0;   // index of the split file it is stored in
};

struct GgufFile {
    std::uint32_t version = 0;
    std::uint32_t alignment = 32;
    std::uint64_t data_offset = 0;  // of the first shard
    std::uint64_t file_bytes = 0;   // all shards together
    std::uint32_t shard_count = 1;
    std::vector<KeyValue> metadata;  // in file order; split sets: the first shard's
    std::vector<TensorInfo> tensors; // all shards

    const Value* find(std::string_view key) const;
    // Typed getters: nullopt when missing or of an incompatible type.
    std::optional<std::uint64_t> get_uint(std::string_view key) const;
    std::optional<double> get_float(std::string_view key) const;
    std::optional<std::string> get_string(std::string_view key) const;
    std::optional<bool> get_bool(std::string_view key) const;
    // Scalar or array of integers: an array is returned as is, a scalar as one element.
    std::optional<std::vector<std::uint64_t>> get_uint_array(std::string_view key) const;
    // Number of elements of an array value (e.g. tokenizer.ggml.tokens), nullopt if not an array.
    std::optional<std::uint64_t> array_size(std::string_view key) const;
    const TensorInfo* find_tensor(std::string_view name) const;
};

struct ReadLimits {
    std::uint64_t max_string_bytes = 1ULL << 26;  // one key or string value
    std::uint64_t max_array_elems = 1ULL << 24;   // also bounded by the bytes left in the file
    std::uint64_t max_total_values = 1ULL << 25;  // array elements in all arrays together
    std::uint32_t max_array_depth = 8;
    std::uint64_t max_kv_count = 1ULL << 20;      // key-value pairs (real files: under 100)
    std::uint64_t max_tensor_count = 1ULL << 20;  // tensors (real files: under 10 000)
    std::uint64_t max_header_bytes = 1ULL << 32;  // metadata + tensor infos
};

// Parses a header held in memory. `total_bytes` is the size of the whole file (the bytes may be
// only its beginning); tensor data past the header is checked against it but never read.
// `name` starts error messages (a file name).
Result<GgufFile> parse_gguf(std::span<const std::byte> bytes, std::uint64_t total_bytes,
                            const ReadLimits& limits = {}, std::string_view name = "<memory>");

// Reads one file's header (only the header: cost does not grow with the tensor data).
Result<GgufFile> read_gguf(const std::filesystem::path& path, const ReadLimits& limits = {});

// Reads a model: a single file, or a split set given by any of its shards
// ("name-00001-of-00003.gguf"); the shards are merged into one GgufFile.
Result<GgufFile> read_gguf_model(const std::filesystem::path& path, const ReadLimits& limits = {});

}  // namespace canrun::gguf
