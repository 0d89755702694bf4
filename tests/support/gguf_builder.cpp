#include "support/gguf_builder.h"

#include <algorithm>
#include <array>
#include <utility>

#include "support/gguf_byte_writer.h"

namespace canrun::testing {
namespace {

using gguf::Value;
using gguf::ValueType;

Value scalar(ValueType t, std::uint64_t u) { return Value{t, u}; }
Value scalar_signed(ValueType t, std::int64_t i) { return Value{t, i}; }

template <typename T, typename Make>
Value array_of(ValueType elem, const std::vector<T>& items, Make make) {
    gguf::Array a{elem, {}};
    a.items.reserve(items.size());
    for (const auto& item : items) {
        a.items.push_back(make(item));
    }
    return Value{ValueType::Array, std::move(a)};
}

}  // namespace

std::vector<Corruption> all_corruptions() {
    std::vector<Corruption> all;
    for (int c = static_cast<int>(Corruption::BadMagic);
         c <= static_cast<int>(Corruption::TruncatedInTensorInfos); ++c) {
        all.push_back(static_cast<Corruption>(c));
    }
    return all;
}

std::string_view corruption_name(Corruption c) {
    static constexpr std::array<std::string_view, 35> kNames = {
        "None", "BadMagic", "Version0", "Version1", "Version4", "BigEndian", "HugeTensorCount",
        "HugeKvCount", "KeyLengthBeyondFile", "EmptyKey", "DuplicateKey", "InvalidValueType",
        "HugeStringLength", "NestedArrayTooDeep", "ArrayCountBeyondFile", "InvalidArrayElemType",
        "AlignmentWrongType", "AlignmentZero", "AlignmentNotPowerOfTwo", "NDimsZero",
        "NDimsTooMany", "ShapeOverflow", "Ne0NotMultipleOfBlock", "UnknownTensorType",
        "RemovedTensorType", "TensorNameTooLong", "MisalignedOffset", "OverlappingTensors",
        "GapBetweenTensors",
        "DataPastEndOfFile", "DuplicateTensorName", "TruncatedInHeader", "TruncatedInMetadata",
        "TruncatedInTensorInfos", "?"};
    const auto i = static_cast<std::size_t>(c);
    return i < kNames.size() ? kNames[i] : "?";
}

GgufBuilder& GgufBuilder::version(std::uint32_t v) {
    version_ = v;
    return *this;
}

GgufBuilder& GgufBuilder::alignment(std::uint32_t a) {
    std::erase_if(kvs_, [](const gguf::KeyValue& kv) { return kv.key == "general.alignment"; });
    alignment_ = a;
    return kv_u32("general.alignment", a);
}

GgufBuilder& GgufBuilder::kv(std::string key, Value v) {
    kvs_.push_back(gguf::KeyValue{std::move(key), std::move(v)});
    return *this;
}

GgufBuilder& GgufBuilder::kv_u8(std::string key, std::uint8_t v) {
    return kv(std::move(key), scalar(ValueType::U8, v));
}
GgufBuilder& GgufBuilder::kv_i8(std::string key, std::int8_t v) {
    return kv(std::move(key), scalar_signed(ValueType::I8, v));
}
GgufBuilder& GgufBuilder::kv_u16(std::string key, std::uint16_t v) {
    return kv(std::move(key), scalar(ValueType::U16, v));
}
GgufBuilder& GgufBuilder::kv_i16(std::string key, std::int16_t v) {
    return kv(std::move(key), scalar_signed(ValueType::I16, v));
}
GgufBuilder& GgufBuilder::kv_u32(std::string key, std::uint32_t v) {
    return kv(std::move(key), scalar(ValueType::U32, v));
}
GgufBuilder& GgufBuilder::kv_i32(std::string key, std::int32_t v) {
    return kv(std::move(key), scalar_signed(ValueType::I32, v));
}
GgufBuilder& GgufBuilder::kv_u64(std::string key, std::uint64_t v) {
    return kv(std::move(key), scalar(ValueType::U64, v));
}
GgufBuilder& GgufBuilder::kv_i64(std::string key, std::int64_t v) {
    return kv(std::move(key), scalar_signed(ValueType::I64, v));
}
GgufBuilder& GgufBuilder::kv_f32(std::string key, float v) {
    return kv(std::move(key), Value{ValueType::F32, static_cast<double>(v)});
}
GgufBuilder& GgufBuilder::kv_f64(std::string key, double v) {
    return kv(std::move(key), Value{ValueType::F64, v});
}
GgufBuilder& GgufBuilder::kv_bool(std::string key, bool v) {
    return kv(std::move(key), Value{ValueType::Bool, v});
}
GgufBuilder& GgufBuilder::kv_str(std::string key, std::string v) {
    return kv(std::move(key), Value{ValueType::String, std::move(v)});
}
GgufBuilder& GgufBuilder::kv_array_u32(std::string key, const std::vector<std::uint32_t>& v) {
    return kv(std::move(key), array_of(ValueType::U32, v, [](std::uint32_t x) {
                  return scalar(ValueType::U32, x);
              }));
}
GgufBuilder& GgufBuilder::kv_array_i32(std::string key, const std::vector<std::int32_t>& v) {
    return kv(std::move(key), array_of(ValueType::I32, v, [](std::int32_t x) {
                  return scalar_signed(ValueType::I32, x);
              }));
}
GgufBuilder& GgufBuilder::kv_array_u64(std::string key, const std::vector<std::uint64_t>& v) {
    return kv(std::move(key), array_of(ValueType::U64, v, [](std::uint64_t x) {
                  return scalar(ValueType::U64, x);
              }));
}
GgufBuilder& GgufBuilder::kv_array_f32(std::string key, const std::vector<float>& v) {
    return kv(std::move(key), array_of(ValueType::F32, v, [](float x) {
                  return Value{ValueType::F32, static_cast<double>(x)};
              }));
}
GgufBuilder& GgufBuilder::kv_array_str(std::string key, const std::vector<std::string>& v) {
    return kv(std::move(key), array_of(ValueType::String, v, [](const std::string& x) {
                  return Value{ValueType::String, x};
              }));
}
GgufBuilder& GgufBuilder::kv_array_of_arrays(std::string key,
                                             const std::vector<std::vector<std::uint32_t>>& v) {
    return kv(std::move(key), array_of(ValueType::Array, v, [](const std::vector<std::uint32_t>& x) {
                  return array_of(ValueType::U32, x, [](std::uint32_t y) {
                      return scalar(ValueType::U32, y);
                  });
              }));
}

GgufBuilder& GgufBuilder::tensor(std::string name, std::uint32_t type,
                                 std::vector<std::uint64_t> shape) {
    tensors_.push_back(PendingTensor{std::move(name), type, std::move(shape), std::nullopt});
    return *this;
}

GgufBuilder& GgufBuilder::tensor_at(std::string name, std::uint32_t type,
                                    std::vector<std::uint64_t> shape, std::uint64_t offset) {
    tensors_.push_back(PendingTensor{std::move(name), type, std::move(shape), offset});
    return *this;
}

GgufBuilder& GgufBuilder::corrupt(Corruption c) {
    corruption_ = c;
    return *this;
}

std::vector<BuiltTensor> GgufBuilder::tensors() const {
    const std::uint64_t a = detail::is_pow2(alignment_) ? alignment_ : detail::kDefaultAlignment;
    std::vector<BuiltTensor> out;
    std::uint64_t next = 0;
    for (const auto& t : tensors_) {
        std::uint64_t bytes = 0;
        if (const auto info = gguf::ggml_type_info(t.type)) {
            std::uint64_t rows = 1;
            for (std::size_t d = 1; d < t.shape.size(); ++d) {
                rows *= t.shape[d];
            }
            const auto row = t.shape.empty() ? std::optional<std::uint64_t>(0)
                                             : gguf::ggml_row_bytes(*info, t.shape[0]);
            bytes = row.value_or(0) * rows;
        }
        const std::uint64_t offset = t.offset.value_or(detail::align_up(next, a));
        next = std::max(next, offset + bytes);
        out.push_back(BuiltTensor{t.name, t.type, t.shape, offset, bytes});
    }
    return out;
}

}  // namespace canrun::testing
