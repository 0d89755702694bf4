#include "unit/scan/store_builder.h"

#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace canrun::testing {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kF32 = 0;
constexpr std::uint32_t kQ4K = 12;
constexpr std::uint32_t kQ6K = 14;

void add_layer(GgufBuilder& b, std::uint32_t il, std::uint64_t embd) {
    const std::string p = "blk." + std::to_string(il) + ".";
    const std::uint64_t kv = embd / 4, ff = embd * 2;
    b.tensor(p + "attn_norm.weight", kF32, {embd});
    b.tensor(p + "attn_q.weight", kQ4K, {embd, embd});
    b.tensor(p + "attn_k.weight", kQ4K, {embd, kv});
    b.tensor(p + "attn_v.weight", kQ6K, {embd, kv});
    b.tensor(p + "attn_output.weight", kQ4K, {embd, embd});
    b.tensor(p + "ffn_norm.weight", kF32, {embd});
    b.tensor(p + "ffn_gate.weight", kQ4K, {embd, ff});
    b.tensor(p + "ffn_up.weight", kQ4K, {embd, ff});
    b.tensor(p + "ffn_down.weight", kQ6K, {ff, embd});
}

}  // namespace

GgufBuilder tiny_llama_gguf(const std::string& name, std::uint32_t layers, std::uint64_t embd,
                            std::uint64_t vocab) {
    GgufBuilder b;
    b.kv_str("general.architecture", "llama").kv_str("general.name", name);
    b.kv_u32("general.file_type", 15);
    b.kv_u32("llama.block_count", layers).kv_u32("llama.context_length", 4096);
    b.kv_u32("llama.embedding_length", static_cast<std::uint32_t>(embd));
    b.kv_u32("llama.feed_forward_length", static_cast<std::uint32_t>(embd * 2));
    b.kv_u32("llama.attention.head_count", static_cast<std::uint32_t>(embd / 64));
    b.kv_u32("llama.attention.head_count_kv", static_cast<std::uint32_t>(embd / 256));
    b.kv_str("tokenizer.ggml.model", "llama");
    b.tensor("token_embd.weight", kQ4K, {embd, vocab});
    for (std::uint32_t il = 0; il < layers; ++il) add_layer(b, il, embd);
    b.tensor("output_norm.weight", kF32, {embd});
    b.tensor("output.weight", kQ6K, {embd, vocab});
    return b;
}

std::string fake_digest(const std::string& seed) {
    std::uint64_t h = 14695981039346656037ULL;
    std::string out;
    for (int round = 0; round < 4; ++round) {
        for (const char c : seed) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        h ^= static_cast<std::uint64_t>(round);
        out += fmt::format("{:016x}", h);
    }
    return out;
}

bool write_text_file(const fs::path& path, const std::string& text) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

bool add_ollama_tag(const fs::path& root, const std::string& name, const GgufBuilder& model,
                    const std::string& digest_hex) {
    std::error_code ec;
    fs::create_directories(root / "blobs", ec);
    const auto blob = root / "blobs" / ("sha256-" + digest_hex);
    if (!fs::exists(blob) && !model.write_file(blob)) return false;
    const auto manifest = fmt::format(
        R"({{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",)"
        R"("config":{{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:{}","size":487}},)"
        R"("layers":[{{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:{}","size":{}}},)"
        R"({{"mediaType":"application/vnd.ollama.image.params","digest":"sha256:{}","size":30}}]}})",
        fake_digest(name + "config"), digest_hex, model.file_bytes(), fake_digest(name + "params"));
    return write_text_file(root / "manifests" / name, manifest);
}

bool add_hf_file(const fs::path& hub, const std::string& repo, const std::string& revision,
                 const std::string& file, const GgufBuilder& model, const std::string& blob_hash) {
    std::string folder = "models--" + repo;
    folder.replace(folder.find('/'), 1, "--");
    const auto base = hub / folder;
    std::error_code ec;
    fs::create_directories(base / "blobs", ec);
    fs::create_directories(base / "snapshots" / revision, ec);
    const auto blob = base / "blobs" / blob_hash;
    if (!fs::exists(blob) && !model.write_file(blob)) return false;
    fs::create_symlink(fs::path("../../blobs") / blob_hash, base / "snapshots" / revision / file, ec);
    return !ec;
}

bool write_safetensors(const fs::path& path, const std::vector<StTensor>& tensors) {
    std::string json = "{\"__metadata__\":{\"format\":\"pt\"}";
    std::uint64_t offset = 0;
    for (const auto& t : tensors) {
        std::uint64_t n = 2;  // BF16 / F16 bytes per element
        if (t.dtype == "F32") n = 4;
        for (const auto d : t.shape) n *= d;
        json += fmt::format(",\"{}\":{{\"dtype\":\"{}\",\"shape\":[{}],\"data_offsets\":[{},{}]}}",
                            t.name, t.dtype, fmt::join(t.shape, ","), offset, offset + n);
        offset += n;
    }
    json += "}";
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    const std::uint64_t len = json.size();
    for (int i = 0; i < 8; ++i) out.put(static_cast<char>((len >> (8 * i)) & 0xFF));
    out << json;
    out.close();
    fs::resize_file(path, 8 + len + offset, ec);
    return !ec && static_cast<bool>(out);
}

}  // namespace canrun::testing
