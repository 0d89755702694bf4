// Writes the GGUF files of the `canrun fit` golden tests into the directory given as argv[1]:
// a llama-shaped 1.1B model (TinyLlama's shapes, Q4_K_M mix; sparse, so it costs only its
// header on disk), and broken files: not a GGUF, truncated, and one without an architecture.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/gguf_builder.h"

namespace {

using canrun::testing::Corruption;
using canrun::testing::GgufBuilder;

constexpr std::uint32_t kF32 = 0;
constexpr std::uint32_t kQ4K = 12;
constexpr std::uint32_t kQ6K = 14;

void add_layer(GgufBuilder& b, std::uint32_t il) {
    const std::string p = "blk." + std::to_string(il) + ".";
    const bool more_bits = il < 22 / 8 || il >= 7 * 22 / 8 || (il - 22 / 8) % 3 == 2;
    b.tensor(p + "attn_norm.weight", kF32, {2048});
    b.tensor(p + "attn_q.weight", kQ4K, {2048, 2048});
    b.tensor(p + "attn_k.weight", kQ4K, {2048, 256});
    b.tensor(p + "attn_v.weight", more_bits ? kQ6K : kQ4K, {2048, 256});
    b.tensor(p + "attn_output.weight", kQ4K, {2048, 2048});
    b.tensor(p + "ffn_norm.weight", kF32, {2048});
    b.tensor(p + "ffn_gate.weight", kQ4K, {2048, 5632});
    b.tensor(p + "ffn_up.weight", kQ4K, {2048, 5632});
    b.tensor(p + "ffn_down.weight", more_bits ? kQ6K : kQ4K, {5632, 2048});
}

GgufBuilder tiny_llama() {
    GgufBuilder b;
    b.kv_str("general.architecture", "llama").kv_str("general.name", "Canrun Test 1.1B");
    b.kv_u32("general.file_type", 15).kv_u32("general.quantization_version", 2);
    b.kv_u32("llama.block_count", 22).kv_u32("llama.context_length", 2048);
    b.kv_u32("llama.embedding_length", 2048).kv_u32("llama.feed_forward_length", 5632);
    b.kv_u32("llama.attention.head_count", 32).kv_u32("llama.attention.head_count_kv", 4);
    b.kv_u32("llama.rope.dimension_count", 64);
    b.kv_str("tokenizer.ggml.model", "llama");
    b.kv_array_str("tokenizer.ggml.tokens", std::vector<std::string>(32000, "tok"));
    b.tensor("token_embd.weight", kQ4K, {2048, 32000});
    for (std::uint32_t il = 0; il < 22; ++il) {
        add_layer(b, il);
    }
    b.tensor("output_norm.weight", kF32, {2048});
    b.tensor("output.weight", kQ6K, {2048, 32000});
    return b;
}

bool write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fit_fixtures DIR\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    GgufBuilder no_arch;
    no_arch.kv_u32("llama.block_count", 2).tensor("blk.0.attn_q.weight", kF32, {64, 64});
    const bool ok = tiny_llama().write_file(dir / "tiny-llama.gguf") &&
                    tiny_llama().corrupt(Corruption::TruncatedInTensorInfos).write_file(dir / "truncated.gguf") &&
                    no_arch.write_file(dir / "no-arch.gguf") &&
                    write_text(dir / "not-a-model.gguf", "this is a text file, not a model\n");
    if (!ok) {
        std::fprintf(stderr, "make_fit_fixtures: cannot write into %s\n", dir.string().c_str());
        return 1;
    }
    return 0;
}
