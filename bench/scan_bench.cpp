// canrun scan over 1,000 model files must take at most 1 s (issue 6): headers only. The files
// are sparse GGUFs written once into the temp directory (cost: their headers), laid out as a
// plain folder tree of 10 folders x 100 files.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "scan/scanner.h"
#include "unit/scan/store_builder.h"

namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 1000;

// `same_size`: every file the same size (worst case for the duplicate check, which then
// hashes each file's first and last MiB); otherwise sizes differ, as real models' do.
fs::path make_tree(bool same_size) {
    const auto dir = fs::temp_directory_path() / (same_size ? "canrun_scan_bench_same" : "canrun_scan_bench");
    if (fs::exists(dir / "done")) return dir;
    fs::remove_all(dir);
    for (int i = 0; i < kFiles; ++i) {
        const auto sub = dir / ("d" + std::to_string(i / 100));
        fs::create_directories(sub);
        const std::uint64_t vocab = same_size ? 4096 : 4096 + 32ULL * static_cast<std::uint64_t>(i);
        canrun::testing::tiny_llama_gguf("Model " + std::to_string(i), 4, 512, vocab)
            .write_file(sub / ("m" + std::to_string(i) + ".gguf"));
    }
    canrun::testing::write_text_file(dir / "done", "");
    return dir;
}

void scan_tree(benchmark::State& state, bool same_size) {
    const auto dir = make_tree(same_size);
    canrun::scan::ScanRequest req;
    req.env.system_ollama_models.clear();
    req.dirs = {dir.string()};
    std::size_t found = 0;
    for (auto _ : state) {
        const auto r = canrun::scan::scan_models(req);
        found = r.models.size() + r.duplicates.size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["models"] = static_cast<double>(found);
}

void BM_Scan1000Files(benchmark::State& state) { scan_tree(state, false); }
void BM_Scan1000FilesSameSize(benchmark::State& state) { scan_tree(state, true); }

BENCHMARK(BM_Scan1000Files)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Scan1000FilesSameSize)->Unit(benchmark::kMillisecond);

}  // namespace
