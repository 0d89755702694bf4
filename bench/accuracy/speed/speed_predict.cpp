// canrun's CPU speed estimate for one GGUF on this machine, through the same pieces `canrun fit
// --cpu-only` uses (GGUF facts -> ModelShape, the `canrun bench` record, the speed model), for
// build_machine.mjs while the fit command's speed output is being wired.
//   speed_predict FILE.gguf DATA_DIR [THREADS] [PROMPT_TOKENS] [MACHINE.json]   -> one JSON line
// MACHINE.json (build_machine_record.json): a recorded CPU (model, cores, features) and its
// `canrun bench` record, used instead of this machine and ~/.config/canrun/bench.json, so the
// estimates for recorded runs replay anywhere.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/bench_store.h"
#include "bench/calibration.h"
#include "catalog/data_source.h"
#include "catalog/speed_tuning.h"
#include "estimate/speed.h"
#include "gguf/gguf_file.h"
#include "gguf/model_facts.h"
#include "hw/probe.h"
#include "hw/probe_context.h"

using namespace canrun;

namespace {

std::string env(const char* n) {
    const char* v = std::getenv(n);
    return v ? v : "";
}

estimate::Machine this_machine() {
    hw::ProbeContext ctx("/");
    ctx.vendor.use_vendor_libraries = false;
    const auto r = hw::detect_hardware(ctx);
    estimate::Machine m;
    m.cpu.name = r.cpu.model;
    m.cpu.physical_cores = r.cpu.physical_cores.value_or(1);
    m.cpu.logical_cores = r.cpu.logical_cores.value_or(1);
    m.cpu.features = r.cpu.features;
    return m;
}

// The recorded machine and its bench record from MACHINE.json.
bool recorded_machine(const char* path, estimate::Machine& m, bench::BenchRecord& record) {
    std::ifstream in(path);
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.contains("bench")) {
        return false;
    }
    m.cpu.name = j.value("cpu_model", "");
    m.cpu.physical_cores = j.value("physical_cores", 1U);
    m.cpu.logical_cores = j.value("logical_cores", 1U);
    m.cpu.features = j.value("features", std::vector<std::string>{});
    if (j["bench"].is_null()) {  // the CPU alone: estimates stay uncalibrated
        return true;
    }
    auto r = bench::bench_record_from_json(j["bench"], path);
    if (!r) {
        return false;
    }
    record = *r;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: speed_predict FILE.gguf DATA_DIR [THREADS] [PROMPT_TOKENS] [MACHINE.json]\n");
        return 2;
    }
    auto file = gguf::read_gguf_model(argv[1]);
    if (!file) {
        std::fprintf(stderr, "speed_predict: %s\n", file.error().message.c_str());
        return 3;
    }
    auto facts = gguf::extract_facts(*file);
    if (!facts) {
        std::fprintf(stderr, "speed_predict: %s\n", facts.error().message.c_str());
        return 3;
    }
    const estimate::ModelShape model = gguf::to_model_shape(*facts);
    catalog::DataSourceOptions o;
    o.data_dir = argv[2];
    auto tuning = catalog::load_speed_tuning(o);
    if (!tuning) {
        std::fprintf(stderr, "speed_predict: %s\n", tuning.error().message.c_str());
        return 3;
    }
    estimate::Machine m = this_machine();
    Result<bench::Calibration> cal = bench::Calibration{};
    if (argc > 5) {
        bench::BenchRecord record;
        if (!recorded_machine(argv[5], m, record)) {
            std::fprintf(stderr, "speed_predict: %s: not a machine record\n", argv[5]);
            return 3;
        }
        if (!record.cpu_model.empty()) {
            cal = bench::apply_bench_record(record, *tuning, m);
        }
    } else {
        cal = bench::calibrate_from_file(
            bench::bench_record_path(env("XDG_CONFIG_HOME"), env("HOME")), *tuning, m);
    }
    estimate::SpeedQuery q;
    q.quant = facts->quant;
    q.threads = argc > 3 ? static_cast<std::uint32_t>(std::atoi(argv[3])) : 0;
    q.prompt_tokens = argc > 4 ? static_cast<std::uint32_t>(std::atoi(argv[4])) : 128;
    q.context_depth = q.prompt_tokens + 32;  // mid-way through the tokens generated after it
    if (cal) {
        q.cpu_rates = cal->rates;  // measured with the bench's threads; the model scales them
    }
    std::uint64_t kv = 0;
    for (const auto& l : model.layers) {
        kv += 2ULL * l.n_head_kv * l.head_dim_k * 2;  // f16 K + V per token
    }
    const auto e = estimate::estimate_speed(model, m, estimate::whole_model_on(model, -1, kv), q, *tuning);
    double bytes = 0;  // weight + KV bytes read per generated token
    for (const auto& t : e.terms) {
        bytes = t.key == "decode.cpu.bytes" ? t.value : bytes;
    }
    std::printf("{\"quant\": \"%s\", \"calibrated\": %s, \"decode_tps\": %.3f, \"prefill_tps\": %.3f, "
                "\"decode_p10\": %.3f, \"decode_p90\": %.3f, \"decode_bytes\": %.0f}\n",
                q.quant.c_str(), e.calibrated ? "true" : "false", e.decode_tps.p50, e.prefill_tps.p50,
                e.decode_tps.p10, e.decode_tps.p90, bytes);
    return 0;
}
