#include "scan/safetensors_header.h"

#include <array>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace canrun::scan {

namespace {

std::string text(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

nlohmann::json member(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() ? *it : nlohmann::json();
}

// Elements of a shape; nullopt on overflow or a negative / non-integer dimension.
std::optional<std::uint64_t> elements(const nlohmann::json& shape) {
    if (!shape.is_array()) return std::nullopt;
    std::uint64_t n = 1;
    for (const auto& d : shape) {
        if (!d.is_number_unsigned()) return std::nullopt;
        const auto v = d.get<std::uint64_t>();
        if (v != 0 && n > UINT64_MAX / v) return std::nullopt;
        n *= v;
    }
    return n;
}

Result<std::uint64_t> tensor_bytes(const std::string& name, const nlohmann::json& t,
                                   std::uint64_t data_bytes, std::uint64_t& params) {
    if (!t.is_object()) return fail(fmt::format("tensor {} is not an object", name));
    const auto dtype = text(t, "dtype");
    const auto n = elements(member(t, "shape"));
    const auto range = member(t, "data_offsets");
    if (!n || !range.is_array() || range.size() != 2 || !range[0].is_number_unsigned() ||
        !range[1].is_number_unsigned()) {
        return fail(fmt::format("tensor {} has no valid shape or data_offsets", name));
    }
    const auto begin = range[0].get<std::uint64_t>();
    const auto end = range[1].get<std::uint64_t>();
    if (end < begin || end > data_bytes) {
        return fail(fmt::format("tensor {} lies outside the file", name));
    }
    const auto width = safetensors_dtype_bytes(dtype);
    if (width != 0 && (*n > UINT64_MAX / width || *n * width != end - begin)) {
        return fail(fmt::format("tensor {}: {} x shape is not its byte range", name, dtype));
    }
    params += *n;
    return end - begin;
}

}  // namespace

std::uint32_t safetensors_dtype_bytes(std::string_view dtype) {
    struct Width {
        std::string_view name;
        std::uint32_t bytes;
    };
    constexpr std::array<Width, 14> kWidths{{{"F64", 8}, {"F32", 4}, {"F16", 2}, {"BF16", 2},
                                             {"I64", 8}, {"I32", 4}, {"I16", 2}, {"I8", 1},
                                             {"U64", 8}, {"U32", 4}, {"U16", 2}, {"U8", 1},
                                             {"F8_E4M3", 1}, {"F8_E5M2", 1}}};
    for (const auto& w : kWidths) {
        if (w.name == dtype) return w.bytes;
    }
    return dtype == "BOOL" ? 1 : 0;
}

Result<SafetensorsHeader> parse_safetensors_header(std::string_view json, std::uint64_t data_bytes) {
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("the header is not a JSON object");
    SafetensorsHeader h;
    for (const auto& [name, t] : j.items()) {
        if (name == "__metadata__") continue;
        auto bytes = tensor_bytes(name, t, data_bytes, h.params);
        if (!bytes) return tl::unexpected(bytes.error());
        ++h.tensors;
        h.data_bytes += *bytes;
        h.bytes_by_dtype[text(t, "dtype")] += *bytes;
    }
    return h;
}

Result<SafetensorsHeader> read_safetensors_header(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail(fmt::format("{}: {}", path.string(), ec.message()));
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 8> len_bytes{};
    if (!in.read(reinterpret_cast<char*>(len_bytes.data()), 8)) {
        return fail(fmt::format("{}: shorter than a safetensors header", path.string()));
    }
    std::uint64_t len = 0;
    for (int i = 7; i >= 0; --i) len = (len << 8) | len_bytes[static_cast<std::size_t>(i)];
    if (len > kMaxSafetensorsHeader || len > size - 8) {
        return fail(fmt::format("{}: header length {} does not fit the file", path.string(), len));
    }
    std::string json(len, '\0');
    if (!in.read(json.data(), static_cast<std::streamsize>(len))) {
        return fail(fmt::format("{}: cannot read the header", path.string()));
    }
    auto h = parse_safetensors_header(json, size - 8 - len);
    if (!h) return fail(fmt::format("{}: {}", path.string(), h.error().message));
    return h;
}

}  // namespace canrun::scan
