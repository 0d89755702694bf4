#include "gguf/gguf_file.h"

#include <array>

#include "gguf/byte_reader.h"
#include "gguf/header_parser.h"

namespace canrun::gguf {

std::string_view value_type_name(ValueType t) {
    static constexpr std::array<std::string_view, 13> kNames = {
        "u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "array", "u64", "i64", "f64"};
    const auto i = static_cast<std::size_t>(t);
    return i < kNames.size() ? kNames[i] : "invalid";
}

namespace {

std::optional<std::uint64_t> as_uint(const Value& v) {
    if (const auto* u = std::get_if<std::uint64_t>(&v.data)) {
        return *u;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v.data); i != nullptr && *i >= 0) {
        return static_cast<std::uint64_t>(*i);
    }
    return std::nullopt;
}

}  // namespace

const Value* GgufFile::find(std::string_view key) const {
    for (const auto& kv : metadata) {
        if (kv.key == key) {
            return &kv.value;
        }
    }
    return nullptr;
}

std::optional<std::uint64_t> GgufFile::get_uint(std::string_view key) const {
    const Value* v = find(key);
    return v != nullptr ? as_uint(*v) : std::nullopt;
}

std::optional<double> GgufFile::get_float(std::string_view key) const {
    const Value* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* d = std::get_if<double>(&v->data)) {
        return *d;
    }
    if (const auto* u = std::get_if<std::uint64_t>(&v->data)) {
        return static_cast<double>(*u);
    }
    if (const auto* i = std::get_if<std::int64_t>(&v->data)) {
        return static_cast<double>(*i);
    }
    return std::nullopt;
}

std::optional<std::string> GgufFile::get_string(std::string_view key) const {
    const Value* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* s = std::get_if<std::string>(&v->data)) {
        return *s;
    }
    return std::nullopt;
}

std::optional<bool> GgufFile::get_bool(std::string_view key) const {
    const Value* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* b = std::get_if<bool>(&v->data)) {
        return *b;
    }
    return std::nullopt;
}

std::optional<std::vector<std::uint64_t>> GgufFile::get_uint_array(std::string_view key) const {
    const Value* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    const auto* array = std::get_if<Array>(&v->data);
    if (array == nullptr) {
        const auto one = as_uint(*v);
        return one ? std::optional(std::vector<std::uint64_t>{*one}) : std::nullopt;
    }
    std::vector<std::uint64_t> out;
    out.reserve(array->items.size());
    for (const auto& item : array->items) {
        const auto u = as_uint(item);
        if (!u) {
            return std::nullopt;
        }
        out.push_back(*u);
    }
    return out;
}

std::optional<std::uint64_t> GgufFile::array_size(std::string_view key) const {
    const Value* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* array = std::get_if<Array>(&v->data)) {
        return array->items.size();
    }
    return std::nullopt;
}

const TensorInfo* GgufFile::find_tensor(std::string_view name) const {
    for (const auto& t : tensors) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

Result<GgufFile> parse_gguf(std::span<const std::byte> bytes, std::uint64_t total_bytes,
                            const ReadLimits& limits, std::string_view name) {
    // Only the bytes given can be read, however large the file says it is.
    MemorySource source(bytes.first(static_cast<std::size_t>(
        std::min<std::uint64_t>(bytes.size(), total_bytes))));
    return parse_header(source, total_bytes, limits, name);
}

Result<GgufFile> read_gguf(const std::filesystem::path& path, const ReadLimits& limits) {
    auto source = FileSource::open(path);
    if (!source) {
        return tl::unexpected(source.error());
    }
    const std::string name = path.string();
    return parse_header(**source, (*source)->size(), limits, name);
}

}  // namespace canrun::gguf
