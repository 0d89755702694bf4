// Hardware detection speed: the whole probe table on recorded machines (a goal of < 100 ms for
// `canrun hw` end to end), and on this machine itself with vendor libraries off.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "hw/probe.h"

namespace {

void run_on(benchmark::State& state, const char* machine) {
    const auto root = std::filesystem::path(CANRUN_SYSROOTS) / machine;
    for (auto _ : state) {
        canrun::hw::ProbeContext ctx(root);
        benchmark::DoNotOptimize(canrun::hw::detect_hardware(ctx));
    }
}

void BM_DetectDesktopRtx4090(benchmark::State& state) { run_on(state, "desktop_rtx4090"); }
void BM_DetectServer8xH100(benchmark::State& state) { run_on(state, "server_8x_h100"); }
void BM_DetectAscendServer(benchmark::State& state) { run_on(state, "server_ascend_910b"); }

void BM_DetectThisMachine(benchmark::State& state) {
    for (auto _ : state) {
        canrun::hw::ProbeContext ctx("/");
        ctx.vendor.use_vendor_libraries = false;
        benchmark::DoNotOptimize(canrun::hw::detect_hardware(ctx));
    }
}

BENCHMARK(BM_DetectDesktopRtx4090)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectServer8xH100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectAscendServer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectThisMachine)->Unit(benchmark::kMillisecond);

}  // namespace
