#include "support/gguf_byte_writer.h"

#include <cstring>
#include <utility>

namespace canrun::testing::detail {
namespace {

using gguf::Value;
using gguf::ValueType;

std::uint64_t bits_of(const Value& v) {
    if (const auto* u = std::get_if<std::uint64_t>(&v.data)) {
        return *u;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v.data)) {
        return static_cast<std::uint64_t>(*i);
    }
    if (const auto* b = std::get_if<bool>(&v.data)) {
        return *b ? 1 : 0;
    }
    return 0;
}

double float_of(const Value& v) {
    if (const auto* d = std::get_if<double>(&v.data)) {
        return *d;
    }
    return static_cast<double>(bits_of(v));
}

void write_array(ByteWriter& w, const gguf::Array& a) {
    w.u32(static_cast<std::uint32_t>(a.elem_type));
    w.u64(a.items.size());
    for (const auto& item : a.items) {
        write_payload(w, item);
    }
}

void write_float(ByteWriter& w, const Value& v, bool wide) {
    if (wide) {
        const double d = float_of(v);
        std::uint64_t u = 0;
        std::memcpy(&u, &d, sizeof u);
        w.u64(u);
    } else {
        const auto f = static_cast<float>(float_of(v));
        std::uint32_t u = 0;
        std::memcpy(&u, &f, sizeof u);
        w.u32(u);
    }
}

}  // namespace

void ByteWriter::u32_be(std::uint32_t v) {
    for (int i = 3; i >= 0; --i) {
        u8(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

void ByteWriter::str(std::string_view s) {
    u64(s.size());
    for (char c : s) {
        u8(static_cast<std::uint8_t>(c));
    }
}

void ByteWriter::le(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) {
        u8(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

void write_payload(ByteWriter& w, const Value& v) {
    switch (v.type) {
        case ValueType::U8: case ValueType::I8: case ValueType::Bool: w.le(bits_of(v), 1); return;
        case ValueType::U16: case ValueType::I16: w.le(bits_of(v), 2); return;
        case ValueType::U32: case ValueType::I32: w.le(bits_of(v), 4); return;
        case ValueType::U64: case ValueType::I64: w.le(bits_of(v), 8); return;
        case ValueType::F32: write_float(w, v, false); return;
        case ValueType::F64: write_float(w, v, true); return;
        case ValueType::String: w.str(std::get<std::string>(v.data)); return;
        case ValueType::Array: write_array(w, std::get<gguf::Array>(v.data)); return;
    }
    w.u32(0);  // an invalid type on purpose: some bytes follow
}

Value nested_array(int depth) {
    Value v{ValueType::U32, std::uint64_t{7}};
    for (int i = 0; i < depth; ++i) {
        const ValueType elem = v.type;
        gguf::Array a{elem, {}};
        a.items.push_back(std::move(v));
        v = Value{ValueType::Array, std::move(a)};
    }
    return v;
}

}  // namespace canrun::testing::detail
