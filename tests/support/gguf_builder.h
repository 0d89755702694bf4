// GgufBuilder: writes GGUF files for tests, valid or broken on purpose.
//
//   auto bytes = GgufBuilder().kv_str("general.architecture", "llama")
//                    .kv_u32("llama.block_count", 32)
//                    .tensor("blk.0.attn_q.weight", 12, {4096, 4096})   // 12 = Q4_K
//                    .bytes();
//   GgufBuilder(...).write_file(path);   // sparse: costs only the header on disk
//
// Tensors get aligned offsets in the order they are added; tensor data is zeros.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gguf/gguf_file.h"

namespace canrun::testing {

// Ways to break a file. Each names one thing the reader must reject.
enum class Corruption {
    None,
    BadMagic,                // "\x7fELF" instead of "GGUF"
    Version0,
    Version1,                // GGUF v1 (u32 counts) is not supported
    Version4,                // from the future
    BigEndian,               // version written big-endian
    HugeTensorCount,         // 2^62 tensors
    HugeKvCount,             // 2^62 key-value pairs
    KeyLengthBeyondFile,     // a key whose length runs past the end of the file
    EmptyKey,
    DuplicateKey,
    InvalidValueType,        // value type 13
    HugeStringLength,        // a string value of 2^60 bytes
    NestedArrayTooDeep,      // arrays nested 12 deep
    ArrayCountBeyondFile,    // an array of 2^22 u32 in a small file
    InvalidArrayElemType,    // array element type 99
    AlignmentWrongType,      // general.alignment as a string
    AlignmentZero,
    AlignmentNotPowerOfTwo,  // 48
    NDimsZero,
    NDimsTooMany,            // 5
    ShapeOverflow,           // 2^32 x 2^32 x 2^32
    Ne0NotMultipleOfBlock,   // Q4_0 with 33 columns
    UnknownTensorType,       // id 1000
    RemovedTensorType,       // id 4 (Q4_2, removed)
    TensorNameTooLong,       // 64 bytes or more (GGML_MAX_NAME)
    MisalignedOffset,
    OverlappingTensors,
    GapBetweenTensors,       // tensor data not packed: llama.cpp refuses it
    DataPastEndOfFile,       // tensor data runs past the end of the file
    DuplicateTensorName,
    TruncatedInHeader,       // file cut inside the first 24 bytes
    TruncatedInMetadata,     // cut inside the key-value pairs
    TruncatedInTensorInfos,  // cut inside the tensor infos
};

// Every value of Corruption except None, for TEST_P.
std::vector<Corruption> all_corruptions();
std::string_view corruption_name(Corruption c);

struct BuiltTensor {
    std::string name;
    std::uint32_t type = 0;
    std::vector<std::uint64_t> shape;
    std::uint64_t offset = 0;  // relative to the data section
    std::uint64_t bytes = 0;
};

class GgufBuilder {
public:
    GgufBuilder& version(std::uint32_t v);
    // Writes general.alignment (u32) and aligns tensor offsets to it.
    GgufBuilder& alignment(std::uint32_t a);

    GgufBuilder& kv_u8(std::string key, std::uint8_t v);
    GgufBuilder& kv_i8(std::string key, std::int8_t v);
    GgufBuilder& kv_u16(std::string key, std::uint16_t v);
    GgufBuilder& kv_i16(std::string key, std::int16_t v);
    GgufBuilder& kv_u32(std::string key, std::uint32_t v);
    GgufBuilder& kv_i32(std::string key, std::int32_t v);
    GgufBuilder& kv_u64(std::string key, std::uint64_t v);
    GgufBuilder& kv_i64(std::string key, std::int64_t v);
    GgufBuilder& kv_f32(std::string key, float v);
    GgufBuilder& kv_f64(std::string key, double v);
    GgufBuilder& kv_bool(std::string key, bool v);
    GgufBuilder& kv_str(std::string key, std::string v);
    GgufBuilder& kv_array_u32(std::string key, const std::vector<std::uint32_t>& v);
    GgufBuilder& kv_array_i32(std::string key, const std::vector<std::int32_t>& v);
    GgufBuilder& kv_array_u64(std::string key, const std::vector<std::uint64_t>& v);
    GgufBuilder& kv_array_f32(std::string key, const std::vector<float>& v);
    GgufBuilder& kv_array_str(std::string key, const std::vector<std::string>& v);
    // An array of arrays of u32: [[1,2],[3]].
    GgufBuilder& kv_array_of_arrays(std::string key,
                                    const std::vector<std::vector<std::uint32_t>>& v);
    // Any value, nested as deep as wanted. The value's type fields are written as they are.
    GgufBuilder& kv(std::string key, gguf::Value v);

    // A tensor of ggml type `type` (ids of ggml_type.h); placed after the previous one, aligned.
    GgufBuilder& tensor(std::string name, std::uint32_t type, std::vector<std::uint64_t> shape);
    // A tensor at an explicit offset (relative to the data section), for odd layouts.
    GgufBuilder& tensor_at(std::string name, std::uint32_t type, std::vector<std::uint64_t> shape,
                           std::uint64_t offset);

    GgufBuilder& corrupt(Corruption c);

    // The header: everything up to data_offset (padding included).
    std::vector<std::byte> header_bytes() const;
    // Size of the whole file (header + tensor data); smaller than the header when truncated.
    std::uint64_t file_bytes() const;
    // The whole file with zero tensor data (only for small tensors: it allocates file_bytes()).
    std::vector<std::byte> bytes() const;
    // Writes the file: the header, then the file is extended to file_bytes() without writing
    // the data (a sparse file). Returns false if the file could not be written.
    bool write_file(const std::filesystem::path& path) const;

    // Key-value pairs and tensors as added (after corruption they may differ in the file).
    const std::vector<gguf::KeyValue>& metadata() const { return kvs_; }
    std::vector<BuiltTensor> tensors() const;
    std::uint32_t alignment_value() const { return alignment_; }

private:
    struct PendingTensor {
        std::string name;
        std::uint32_t type = 0;
        std::vector<std::uint64_t> shape;
        std::optional<std::uint64_t> offset;
    };
    std::uint32_t version_ = 3;
    std::uint32_t alignment_ = 32;
    std::vector<gguf::KeyValue> kvs_;
    std::vector<PendingTensor> tensors_;
    Corruption corruption_ = Corruption::None;

    struct Layout;
    Layout layout() const;
};

// Split sets, as llama-gguf-split writes them: `<dir>/<stem>-00001-of-0000N.gguf` ...
// Shard i holds split.no = i (0-based), split.count = N, split.tensors.count = all tensors; the
// first shard also holds all of `model`'s metadata. Tensors are dealt out in order, as evenly
// as possible. Returns the shard paths in order (empty if writing failed).
enum class SplitCorruption {
    None,
    MissingShard,       // the last shard is not written
    WrongSplitCount,    // shard 2 says split.count = N + 1
    WrongSplitNo,       // shard 2 says split.no = 0
    WrongTensorsCount,  // split.tensors.count is one more than the tensors in the set
    NoSplitKeys,        // shard 2 has no split.* keys
};
std::vector<std::filesystem::path> write_split_set(const GgufBuilder& model,
                                                   const std::filesystem::path& dir,
                                                   std::string_view stem, std::uint32_t count,
                                                   SplitCorruption corruption = SplitCorruption::None);

}  // namespace canrun::testing
