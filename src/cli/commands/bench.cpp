// canrun bench: measure this machine (memory, CPU kernels, disk, NVIDIA GPUs) in a few seconds,
// save the record under $XDG_CONFIG_HOME/canrun/bench.json, and print it.
//
// Environment, for tests: CANRUN_CUDA_LIB=PATH opens this CUDA driver library instead of
// libcuda.so.1.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "environment.h"
#include "bench/bench_store.h"
#include "bench/run_bench.h"
#include "commands.h"
#include "hw/probe.h"
#include "hw/probe_context.h"
#include "report/bench_text.h"
#include "report/lang.h"

namespace canrun::cli {

namespace {


// Where models usually live: $OLLAMA_MODELS, ~/.ollama/models, ~/.cache/huggingface, else $HOME.
std::string default_model_dir() {
    std::error_code ec;
    if (const std::string m = env("OLLAMA_MODELS"); !m.empty()) {
        return m;
    }
    const std::string home = env("HOME");
    for (const char* sub : {"/.ollama/models", "/.lmstudio/models", "/.cache/huggingface"}) {
        if (!home.empty() && std::filesystem::is_directory(home + sub, ec)) {
            return home + sub;
        }
    }
    return home.empty() ? "." : home;
}

bench::BenchOptions bench_options(const BenchCliOptions& b) {
    hw::ProbeContext ctx("/");
    ctx.vendor.use_vendor_libraries = false;
    const hw::HardwareReport report = hw::detect_hardware(ctx);
    bench::BenchOptions o;
    o.cpu_model = report.cpu.model;
    o.threads = b.threads > 0 ? b.threads
                              : report.cpu.physical_cores.value_or(report.cpu.logical_cores.value_or(1));
    o.disk_dir = b.dir.empty() ? default_model_dir() : b.dir;
    const std::string cuda = env("CANRUN_CUDA_LIB");
    o.cuda_library = b.no_vendor_libs ? "" : (cuda.empty() ? "libcuda.so.1" : cuda);
    o.seconds_scale = b.quick ? 0.25 : 1.0;
    return o;
}

void show_progress(std::string_view step, int index, int total) {
    std::fprintf(stderr, "\r\033[Kcanrun bench [%d/%d] %.*s", index, total,
                 static_cast<int>(step.size()), step.data());
    if (index == total) {
        std::fputs("\r\033[K", stderr);
    }
    std::fflush(stderr);
}

report::BenchOutcome save(const bench::BenchRecord& r, const BenchCliOptions& b) {
    report::BenchOutcome out;
    if (b.no_save) {
        out.save_error = "--no-save";
        return out;
    }
    const std::string path = bench::bench_record_path(env("XDG_CONFIG_HOME"), env("HOME"));
    if (path.empty()) {
        out.save_error = "neither XDG_CONFIG_HOME nor HOME is set";
        return out;
    }
    if (auto saved = bench::save_bench_record(r, path); !saved) {
        std::fprintf(stderr, "canrun: %s\n", saved.error().message.c_str());
        out.save_error = path;
        return out;
    }
    out.saved_to = path;
    return out;
}

}  // namespace

int run_bench(const Options& o) {
    const bench::BenchOptions options = bench_options(o.bench);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    const bench::BenchRecord record = bench::run_bench(
        options, [tty](std::string_view step, int i, int n) {
            if (tty) {
                show_progress(step, i, n);
            }
        });
    const report::BenchOutcome outcome = save(record, o.bench);
    if (o.global.json) {
        std::fputs(report::bench_to_json(record, outcome).c_str(), stdout);
    } else {
        const auto lang = lang_of(o.global);
        std::fputs(report::bench_to_text(record, outcome, lang).c_str(), stdout);
    }
    return 0;
}

}  // namespace canrun::cli
