// The main job's core: a recommendation over the whole catalog for one machine (issue target
// <= 5 ms), one fit with its max-context search, and loading the data files it needs.
#include <benchmark/benchmark.h>

#include "advise/recommend.h"
#include "catalog/model_catalog.h"
#include "catalog/quants_catalog.h"
#include "catalog/speed_tuning.h"

namespace {

using namespace canrun;

struct Data {
    catalog::ModelCatalog models;
    catalog::QuantsCatalog quants;
    estimate::SpeedTuning speed;
};

const Data& data() {
    static const Data d = [] {
        const catalog::DataSourceOptions built_in;
        return Data{catalog::load_model_catalog(built_in).value(),
                    catalog::load_quants_catalog(built_in).value(),
                    catalog::load_speed_tuning(built_in).value()};
    }();
    return d;
}

estimate::Machine desktop(double vram_gib) {
    estimate::Machine m;
    m.cpu.physical_cores = 16;
    m.cpu.ram_total_bytes = 64ULL << 30;
    m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = 80;
    m.cpu.features = {"avx2"};
    if (vram_gib > 0) {
        estimate::GpuDevice g;
        g.name = "RTX";
        g.memory_total_bytes = static_cast<std::uint64_t>(vram_gib * (1ULL << 30));
        g.memory_free_bytes = g.memory_total_bytes;
        g.bandwidth_gbps = 1008;
        g.fp16_tflops = 165;
        m.gpus.push_back(g);
    }
    return m;
}

void BM_RecommendWholeCatalog(benchmark::State& state) {
    const auto machine = desktop(static_cast<double>(state.range(0)));
    for (auto _ : state) {
        auto r = advise::recommend(data().models, data().quants, machine, {}, {}, data().speed);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_RecommendWholeCatalog)->Arg(0)->Arg(8)->Arg(24)->Unit(benchmark::kMillisecond);

void BM_LoadModelCatalog(benchmark::State& state) {
    const catalog::DataSourceOptions built_in;
    for (auto _ : state) {
        auto m = catalog::load_model_catalog(built_in);
        benchmark::DoNotOptimize(m);
    }
}
BENCHMARK(BM_LoadModelCatalog)->Unit(benchmark::kMillisecond);

}  // namespace
