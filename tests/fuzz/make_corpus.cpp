// Writes the fuzzer's seed corpus: a few small valid GGUF headers made by the test builder.
// Usage: gguf_make_corpus <dir>
#include <cstdio>
#include <filesystem>

#include "support/gguf_builder.h"

using canrun::testing::GgufBuilder;

namespace {

GgufBuilder llama_like() {
    GgufBuilder b;
    b.kv_str("general.architecture", "llama")
        .kv_u32("llama.block_count", 1)
        .kv_u32("llama.embedding_length", 64)
        .kv_array_str("tokenizer.ggml.tokens", {"<s>", "</s>", "a", "b"})
        .kv_array_f32("tokenizer.ggml.scores", {0.0F, 0.0F, -1.0F, -2.0F})
        .kv_array_i32("llama.attention.head_count_kv", {2})
        .tensor("token_embd.weight", 12, {256, 4})
        .tensor("blk.0.attn_q.weight", 8, {64, 64})
        .tensor("output_norm.weight", 0, {64});
    return b;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: gguf_make_corpus <dir>\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    GgufBuilder every_type;
    every_type.kv_u8("a", 1).kv_i8("b", -1).kv_u16("c", 2).kv_i16("d", -2).kv_u32("e", 3)
        .kv_i32("f", -3).kv_u64("g", 4).kv_i64("h", -4).kv_f32("i", 0.5F).kv_f64("j", 0.25)
        .kv_bool("k", true).kv_str("l", "str").kv_array_of_arrays("m", {{1, 2}, {3}});
    GgufBuilder v2_aligned;
    v2_aligned.version(2).alignment(64).tensor("a", 30, {16, 2}).tensor("b", 39, {64});
    bool ok = llama_like().write_file(dir / "llama_like.gguf");
    ok = every_type.write_file(dir / "every_value_type.gguf") && ok;
    ok = v2_aligned.write_file(dir / "v2_alignment64.gguf") && ok;
    ok = GgufBuilder().write_file(dir / "empty.gguf") && ok;
    return ok ? 0 : 1;
}
