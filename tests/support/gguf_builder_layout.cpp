// GgufBuilder: turning the model into bytes, with the corruption applied.
#include <algorithm>
#include <fstream>
#include <system_error>
#include <utility>

#include "support/gguf_builder.h"
#include "support/gguf_byte_writer.h"

namespace canrun::testing {

struct GgufBuilder::Layout {
    std::vector<std::byte> header;
    std::uint64_t file_bytes = 0;
};

namespace {

using detail::ByteWriter;
using gguf::KeyValue;
using gguf::Value;
using gguf::ValueType;

constexpr std::uint64_t kHuge = 1ULL << 62;

void set_alignment(std::vector<KeyValue>& kvs, Value v) {
    std::erase_if(kvs, [](const KeyValue& kv) { return kv.key == "general.alignment"; });
    kvs.push_back(KeyValue{"general.alignment", std::move(v)});
}

std::vector<KeyValue> corrupt_kvs(std::vector<KeyValue> kvs, Corruption c) {
    switch (c) {
        case Corruption::EmptyKey: kvs.push_back({"", Value{ValueType::U32, std::uint64_t{1}}}); break;
        case Corruption::DuplicateKey: kvs.push_back(kvs.front()); break;
        case Corruption::InvalidValueType:
            kvs.push_back({"test.bad_type", Value{static_cast<ValueType>(13), std::uint64_t{0}}});
            break;
        case Corruption::NestedArrayTooDeep: kvs.push_back({"test.deep", detail::nested_array(12)}); break;
        case Corruption::AlignmentWrongType:
            set_alignment(kvs, Value{ValueType::String, std::string("32")});
            break;
        case Corruption::AlignmentZero: set_alignment(kvs, Value{ValueType::U32, std::uint64_t{0}}); break;
        case Corruption::AlignmentNotPowerOfTwo:
            set_alignment(kvs, Value{ValueType::U32, std::uint64_t{48}});
            break;
        default: break;
    }
    return kvs;
}

// Key-value pairs that cannot be expressed as a Value; returns how many were written.
std::uint64_t write_raw_kv(ByteWriter& w, Corruption c) {
    switch (c) {
        case Corruption::KeyLengthBeyondFile: w.u64(1ULL << 20); w.u32(0x6b657921); return 1;
        case Corruption::HugeStringLength:
            w.str("test.huge");
            w.u32(static_cast<std::uint32_t>(ValueType::String));
            w.u64(1ULL << 60);
            return 1;
        case Corruption::ArrayCountBeyondFile:
            w.str("test.long");
            w.u32(static_cast<std::uint32_t>(ValueType::Array));
            w.u32(static_cast<std::uint32_t>(ValueType::U32));
            w.u64(1ULL << 22);
            return 1;
        case Corruption::InvalidArrayElemType:
            w.str("test.bad_array");
            w.u32(static_cast<std::uint32_t>(ValueType::Array));
            w.u32(99);
            w.u64(1);
            w.u32(0);
            return 1;
        default: return 0;
    }
}

void corrupt_tensors(std::vector<BuiltTensor>& ts, Corruption c) {
    switch (c) {
        case Corruption::NDimsZero: ts[0].shape.clear(); break;
        case Corruption::NDimsTooMany: ts[0].shape = {64, 1, 1, 1, 1}; break;
        case Corruption::ShapeOverflow: ts[0].type = 0; ts[0].shape = {1ULL << 32, 1ULL << 32, 1ULL << 32}; break;
        case Corruption::Ne0NotMultipleOfBlock: ts[0].type = 2; ts[0].shape = {33}; break;
        case Corruption::UnknownTensorType: ts[0].type = 1000; break;
        case Corruption::RemovedTensorType: ts[0].type = 4; break;
        case Corruption::TensorNameTooLong: ts[0].name = std::string(64, 'x'); break;
        case Corruption::MisalignedOffset: ts[1].offset += 1; break;
        case Corruption::OverlappingTensors: ts[1].offset = ts[0].offset; break;
        case Corruption::GapBetweenTensors:
            for (std::size_t i = 1; i < ts.size(); ++i) {
                ts[i].offset += 32;
            }
            break;
        case Corruption::DuplicateTensorName: ts[1].name = ts[0].name; break;
        default: break;
    }
}

void write_tensor_info(ByteWriter& w, const BuiltTensor& t) {
    w.str(t.name);
    w.u32(static_cast<std::uint32_t>(t.shape.size()));
    for (const auto ne : t.shape) {
        w.u64(ne);
    }
    w.u32(t.type);
    w.u64(t.offset);
}

void write_preamble(ByteWriter& w, Corruption c, std::uint32_t version, std::uint64_t n_tensors,
                    std::uint64_t n_kv) {
    w.u32(c == Corruption::BadMagic ? 0x464c457fU : 0x46554747U);
    switch (c) {
        case Corruption::Version0: w.u32(0); break;
        case Corruption::Version1: w.u32(1); break;
        case Corruption::Version4: w.u32(4); break;
        case Corruption::BigEndian: w.u32_be(version); break;
        default: w.u32(version); break;
    }
    w.u64(c == Corruption::HugeTensorCount ? kHuge : n_tensors);
    w.u64(c == Corruption::HugeKvCount ? kHuge : n_kv);
}

std::uint64_t cut_point(Corruption c, std::uint64_t kv_begin, std::uint64_t kv_end,
                        std::uint64_t ti_begin, std::uint64_t ti_end) {
    switch (c) {
        case Corruption::TruncatedInHeader: return 10;
        case Corruption::TruncatedInMetadata: return kv_begin + (kv_end - kv_begin) / 2;
        case Corruption::TruncatedInTensorInfos: return ti_begin + (ti_end - ti_begin) / 2;
        default: return 0;
    }
}

}  // namespace

GgufBuilder::Layout GgufBuilder::layout() const {
    GgufBuilder base = *this;
    if (corruption_ != Corruption::None) {
        if (base.kvs_.empty()) {
            base.kv_str("general.architecture", "llama");
        }
        while (base.tensors_.size() < 2) {
            base.tensor(base.tensors_.empty() ? "corrupt.a" : "corrupt.b", 0, {64});
        }
    }
    const auto kvs = corrupt_kvs(base.kvs_, corruption_);
    const auto placed = base.tensors();
    auto ts = placed;
    corrupt_tensors(ts, corruption_);

    ByteWriter raw;
    const std::uint64_t n_raw = write_raw_kv(raw, corruption_);
    ByteWriter w;
    write_preamble(w, corruption_, version_, ts.size(), kvs.size() + n_raw);
    const std::uint64_t kv_begin = w.size();
    for (const auto& kv : kvs) {
        w.str(kv.key);
        w.u32(static_cast<std::uint32_t>(kv.value.type));
        detail::write_payload(w, kv.value);
    }
    for (const auto b : raw.out()) {
        w.u8(static_cast<std::uint8_t>(b));
    }
    const std::uint64_t kv_end = w.size();
    for (const auto& t : ts) {
        write_tensor_info(w, t);
    }
    const std::uint64_t ti_end = w.size();

    const std::uint64_t a = detail::is_pow2(alignment_) ? alignment_ : detail::kDefaultAlignment;
    const std::uint64_t data_offset = detail::align_up(ti_end, a);
    w.pad_to(data_offset);
    std::uint64_t data_end = 0;
    for (const auto& t : placed) {
        data_end = std::max(data_end, t.offset + t.bytes);
    }
    Layout out{std::move(w.out()), data_offset + detail::align_up(data_end, a)};
    if (corruption_ == Corruption::DataPastEndOfFile) {
        out.file_bytes = data_offset + data_end - 1;
    }
    if (const auto cut = cut_point(corruption_, kv_begin, kv_end, kv_end, ti_end); cut != 0) {
        out.header.resize(cut);
        out.file_bytes = cut;
    }
    return out;
}

std::vector<std::byte> GgufBuilder::header_bytes() const { return layout().header; }

std::uint64_t GgufBuilder::file_bytes() const { return layout().file_bytes; }

std::vector<std::byte> GgufBuilder::bytes() const {
    auto l = layout();
    l.header.resize(l.file_bytes, std::byte{0});
    return l.header;
}

bool GgufBuilder::write_file(const std::filesystem::path& path) const {
    const auto l = layout();
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        if (!f) {
            return false;
        }
        const auto n = std::min<std::uint64_t>(l.header.size(), l.file_bytes);
        f.write(reinterpret_cast<const char*>(l.header.data()), static_cast<std::streamsize>(n));
        if (!f) {
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::resize_file(path, l.file_bytes, ec);
    return !ec;
}

}  // namespace canrun::testing
