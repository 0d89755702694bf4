// read_gguf reads only the header: a 100 GB-shaped file must cost what a small one costs.
// Files are written sparse by the test builder into the temp directory, once.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "gguf/gguf_file.h"
#include "support/gguf_builder.h"

namespace {

namespace fs = std::filesystem;
using canrun::testing::GgufBuilder;

constexpr std::uint32_t kQ8_0 = 8;
constexpr std::uint32_t kF32 = 0;
constexpr int kLayers = 96;
constexpr std::uint64_t kVocab = 150000;

void add_tokenizer(GgufBuilder& b) {
    std::vector<std::string> tokens(kVocab);
    std::vector<float> scores(kVocab);
    std::vector<std::int32_t> types(kVocab, 1);
    for (std::uint64_t i = 0; i < kVocab; ++i) {
        tokens[i] = "tok" + std::to_string(i);
        scores[i] = -static_cast<float>(i);
    }
    b.kv_str("tokenizer.ggml.model", "gpt2")
        .kv_array_str("tokenizer.ggml.tokens", tokens)
        .kv_array_f32("tokenizer.ggml.scores", scores)
        .kv_array_i32("tokenizer.ggml.token_type", types);
}

// 96 layers of 7 Q8_0 matrices: dim 8192 / ffn 28672 gives about 100 GB, 32 / 64 about 1 MB.
GgufBuilder model(std::uint64_t dim, std::uint64_t ffn, bool tokenizer) {
    GgufBuilder b;
    b.kv_str("general.architecture", "llama").kv_u32("llama.block_count", kLayers);
    if (tokenizer) {
        add_tokenizer(b);
    }
    b.tensor("token_embd.weight", kQ8_0, {dim, dim > 1024 ? kVocab : 256});
    for (int l = 0; l < kLayers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        for (const char* n : {"attn_q", "attn_k", "attn_v", "attn_output"}) {
            b.tensor(p + n + ".weight", kQ8_0, {dim, dim});
        }
        b.tensor(p + "ffn_gate.weight", kQ8_0, {dim, ffn});
        b.tensor(p + "ffn_up.weight", kQ8_0, {dim, ffn});
        b.tensor(p + "ffn_down.weight", kQ8_0, {ffn, dim});
        b.tensor(p + "attn_norm.weight", kF32, {dim});
    }
    return b;
}

const fs::path& file(int which) {
    static const fs::path dir = fs::temp_directory_path() / "canrun_gguf_bench";
    static const fs::path paths[3] = {dir / "small_1MB.gguf", dir / "tok150k_small.gguf",
                                      dir / "tok150k_100GB.gguf"};
    static const bool written = [] {
        fs::create_directories(dir);
        return model(32, 64, false).write_file(paths[0]) &&
               model(32, 64, true).write_file(paths[1]) &&
               model(8192, 28672, true).write_file(paths[2]);
    }();
    if (!written) {
        std::abort();
    }
    return paths[which];
}

void BM_ReadGguf(benchmark::State& state) {
    const auto& path = file(static_cast<int>(state.range(0)));
    std::uint64_t tensors = 0;
    for (auto _ : state) {
        auto f = canrun::gguf::read_gguf(path);
        if (!f) {
            state.SkipWithError(f.error().message.c_str());
            return;
        }
        tensors = f->tensors.size();
        benchmark::DoNotOptimize(f);
    }
    state.counters["file_GB"] = static_cast<double>(fs::file_size(path)) / 1e9;
    state.counters["tensors"] = static_cast<double>(tensors);
    state.SetLabel(path.filename().string());
}

BENCHMARK(BM_ReadGguf)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace
