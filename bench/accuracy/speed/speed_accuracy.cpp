// Predicted vs measured speed over public llama-bench / Ollama results (rows.csv), through the
// real speed model and the shipped data/speed.json.
//   speed_accuracy ROWS_DIR DATA_DIR [--fit | --dump | --check DECODE_LIMIT PREFILL_LIMIT]
// ROWS_DIR holds rows.csv, models.csv, devices.csv, cpus.csv; DATA_DIR holds speed.json. The
// constants were fitted on all rows, so these figures are in-sample; fit_speed.py reports the
// leave-one-device-out figures.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/data_source.h"
#include "catalog/speed_tuning.h"
#include "estimate/speed.h"

namespace {

using namespace canrun;
using Row = std::map<std::string, std::string>;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

std::vector<Row> read_csv(const std::string& path) {
    std::ifstream f(path);
    std::string line;
    std::vector<std::string> head;
    std::vector<Row> rows;
    while (std::getline(f, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) {
            cells.push_back(cell);
        }
        if (head.empty()) {
            head = cells;
            continue;
        }
        Row r;
        for (std::size_t i = 0; i < head.size(); ++i) {
            r[head[i]] = i < cells.size() ? cells[i] : "";
        }
        for (std::size_t i = head.size(); i < cells.size(); ++i) {
            r[head.back()] += "," + cells[i];  // commas inside the last column
        }
        rows.push_back(r);
    }
    return rows;
}

const Row* find(const std::vector<Row>& rows, const char* key, const std::string& value) {
    for (const auto& r : rows) {
        if (r.at(key) == value) {
            return &r;
        }
    }
    return nullptr;
}

double num(const Row& r, const char* key) { return r.count(key) ? std::atof(r.at(key).c_str()) : 0; }

double output_bytes_per_weight(const std::string& quant) {
    if (quant == "F16") {
        return 2.0;
    }
    return quant == "Q8_0" ? 34.0 / 32 : 210.0 / 256;  // llama.cpp keeps output.weight in Q6_K
}

estimate::ModelShape model_shape(const Row& m) {
    estimate::ModelShape s;
    s.n_embd = static_cast<std::uint32_t>(num(m, "n_embd"));
    s.n_vocab = static_cast<std::uint32_t>(num(m, "n_vocab"));
    s.tied_embeddings = m.at("tied") == "1";
    s.token_embd_bytes = static_cast<std::uint64_t>(num(m, "embd_gib") * kGiB);
    const double out = s.tied_embeddings ? 0 : double(s.n_vocab) * s.n_embd * output_bytes_per_weight(m.at("quant"));
    s.output_bytes = static_cast<std::uint64_t>(out);
    const auto n_layer = static_cast<std::uint32_t>(num(m, "n_layer"));
    const double file = num(m, "file_gib") * kGiB;
    const double experts = num(m, "expert_gib") * kGiB;
    const double params = num(m, "params_b") * 1e9;
    const double active = num(m, "active_params_b") * 1e9;
    s.n_expert = static_cast<std::uint32_t>(num(m, "n_expert"));
    s.n_expert_used = static_cast<std::uint32_t>(num(m, "n_expert_used"));
    const double expert_params = s.n_expert > 0 ? (params - active) / (1.0 - double(s.n_expert_used) / s.n_expert) : 0;
    const double outside_params = double(s.n_vocab) * s.n_embd * (s.tied_embeddings ? 1 : 2);
    for (std::uint32_t i = 0; i < n_layer; ++i) {
        estimate::LayerShape l;
        l.n_head = static_cast<std::uint32_t>(num(m, "n_head"));
        l.n_head_kv = static_cast<std::uint32_t>(num(m, "n_head_kv"));
        l.head_dim_k = l.head_dim_v = static_cast<std::uint32_t>(num(m, "head_dim"));
        l.weight_bytes = static_cast<std::uint64_t>((file - s.token_embd_bytes - out) / n_layer);
        l.expert_weight_bytes = static_cast<std::uint64_t>(experts / n_layer);
        l.weight_params = static_cast<std::uint64_t>((params - outside_params) / n_layer);
        l.expert_params = static_cast<std::uint64_t>(expert_params / n_layer);
        s.layers.push_back(l);
    }
    s.params = static_cast<std::uint64_t>(params);
    s.active_params = static_cast<std::uint64_t>(active);
    s.file_bytes = static_cast<std::uint64_t>(file);
    return s;
}

estimate::Backend backend_of(const std::string& b) {
    if (b == "metal") return estimate::Backend::Metal;
    if (b == "rocm") return estimate::Backend::Rocm;
    if (b == "vulkan") return estimate::Backend::Vulkan;
    if (b == "sycl") return estimate::Backend::Sycl;
    return estimate::Backend::Cuda;
}

struct Case {
    estimate::Machine machine;
    estimate::SpeedSplit split;
};

// "RTX 3090 x2" -> ("RTX 3090", 2): several identical GPUs in llama.cpp's layer split.
std::pair<std::string, std::uint32_t> gpu_count(const std::string& device) {
    const auto x = device.rfind(" x");
    if (x == std::string::npos || x + 2 >= device.size() ||
        device.find_first_not_of("0123456789", x + 2) != std::string::npos) {
        return {device, 1};
    }
    return {device.substr(0, x), static_cast<std::uint32_t>(std::atoi(device.c_str() + x + 2))};
}

// The whole-model load of split.devices[0] spread over `count` GPUs, layers as even as they go.
void layer_split(Case& c, std::uint32_t count) {
    const estimate::DeviceLoad all = c.split.devices[0];
    c.split.devices.clear();
    std::uint32_t given = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        estimate::DeviceLoad d = all;
        d.gpu = static_cast<int>(i);
        d.layers = (all.layers * (i + 1)) / count - given;
        given += d.layers;
        const double f = double(d.layers) / all.layers;
        d.dense_weight_bytes = static_cast<std::uint64_t>(all.dense_weight_bytes * f);
        d.expert_weight_bytes = static_cast<std::uint64_t>(all.expert_weight_bytes * f);
        d.dense_params = static_cast<std::uint64_t>(all.dense_params * f);
        d.expert_params = static_cast<std::uint64_t>(all.expert_params * f);
        d.kv_bytes_per_token = static_cast<std::uint64_t>(all.kv_bytes_per_token * f);
        c.split.devices.push_back(d);
        c.machine.gpus.push_back(c.machine.gpus[0]);
    }
    c.machine.gpus.resize(count);
}

Case build_case(const Row& row, const estimate::ModelShape& model, const std::vector<Row>& devices,
                const std::vector<Row>& cpus) {
    Case c;
    if (const Row* cpu = row.at("cpu").empty() ? nullptr : find(cpus, "cpu", row.at("cpu"))) {
        c.machine.cpu.name = cpu->at("cpu");
        c.machine.cpu.bandwidth_gbps = num(*cpu, "bandwidth_gbps");
        c.machine.cpu.physical_cores = static_cast<std::uint32_t>(num(*cpu, "threads"));
        c.machine.cpu.features = {cpu->at("isa")};
    }
    const double share = num(row, "gpu_share");
    std::uint64_t kv_layer = 0;
    if (!model.layers.empty()) {
        kv_layer = 2ULL * model.layers[0].n_head_kv * model.layers[0].head_dim_k * 2;  // f16 K and V
    }
    c.split = estimate::whole_model_on(model, share > 0 ? 0 : -1, kv_layer * model.n_layer());
    const auto [device, count] = gpu_count(row.at("device"));
    if (share > 0) {
        const Row* d = find(devices, "device", device);
        estimate::GpuDevice g;
        g.name = device;
        g.backend = backend_of(row.at("backend"));
        g.bandwidth_gbps = d ? num(*d, "bandwidth_gbps") : 0;
        g.fp16_tflops = d ? num(*d, "fp16_tflops") : 0;
        g.unified = d && d->at("unified") == "1";
        c.machine.gpus.push_back(g);
    }
    if (share > 0 && share < 1) {  // the first layers stay on the CPU
        estimate::DeviceLoad cpu = c.split.devices[0];
        auto& gpu = c.split.devices[0];
        cpu.gpu = -1;
        cpu.layers = static_cast<std::uint32_t>(model.n_layer() * (1 - share));
        const double f = double(cpu.layers) / model.n_layer();
        cpu.dense_weight_bytes = static_cast<std::uint64_t>(gpu.dense_weight_bytes * f);
        cpu.dense_params = static_cast<std::uint64_t>(gpu.dense_params * f);
        cpu.kv_bytes_per_token = kv_layer * cpu.layers;
        gpu.layers -= cpu.layers;
        gpu.dense_weight_bytes -= cpu.dense_weight_bytes;
        gpu.dense_params -= cpu.dense_params;
        gpu.kv_bytes_per_token = kv_layer * gpu.layers;
        c.split.devices.insert(c.split.devices.begin(), cpu);
    }
    if (share >= 1 && count > 1) {
        layer_split(c, count);
    }
    return c;
}

struct Outcome {
    int id;
    std::string group;  // backend
    bool decode;
    double measured;
    double predicted;
    double p10;
    double p90;
    double err() const { return predicted / measured - 1.0; }
    bool covered() const { return measured >= p10 && measured <= p90; }
};

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * (v.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

double median_error(const std::vector<Outcome>& rs, bool decode) {
    std::vector<double> e;
    for (const auto& r : rs) {
        if (r.decode == decode) {
            e.push_back(std::fabs(r.err()));
        }
    }
    return quantile(e, 0.5);
}

void summary(const std::vector<Outcome>& rs, const char* label, bool decode) {
    std::vector<double> e;
    for (const auto& r : rs) {
        if (r.decode == decode) {
            e.push_back(std::fabs(r.err()));
        }
    }
    std::printf("%-28s %-8s rows %3zu  median |err| %5.1f%%  p90 |err| %5.1f%%\n", label,
                decode ? "decode" : "prefill", e.size(), 100 * quantile(e, 0.5), 100 * quantile(e, 0.9));
}

// How often the measured value falls inside the printed p10..p90 range (the goal is ~80 %), and
// the p10/p90 of measured/predicted, which is what the spreads in data/speed.json should be.
void coverage(const std::vector<Outcome>& rs, bool decode) {
    std::vector<double> ratio;
    std::size_t inside = 0;
    for (const auto& r : rs) {
        if (r.decode == decode) {
            ratio.push_back(r.measured / r.predicted);
            inside += r.covered() ? 1 : 0;
        }
    }
    std::printf("%-8s range p10..p90 covers %3zu of %3zu rows (%5.1f%%); measured/predicted p10 %.3f p90 %.3f\n",
                decode ? "decode" : "prefill", inside, ratio.size(),
                ratio.empty() ? 0.0 : 100.0 * inside / ratio.size(), quantile(ratio, 0.1), quantile(ratio, 0.9));
}

void by_backend(const std::vector<Outcome>& rs) {
    std::map<std::string, std::vector<double>> errs;
    for (const auto& r : rs) {
        errs[r.group + (r.decode ? " decode" : " prefill")].push_back(std::fabs(r.err()));
    }
    for (const auto& [k, v] : errs) {
        std::printf("  %-20s rows %3zu  median |err| %5.1f%%  p90 |err| %5.1f%%\n", k.c_str(), v.size(),
                    100 * quantile(v, 0.5), 100 * quantile(v, 0.9));
    }
}

void fit_report(const std::vector<Outcome>& rs) {
    std::map<std::string, std::vector<double>> ratios;
    for (const auto& r : rs) {
        ratios[r.group + (r.decode ? " decode" : " prefill")].push_back(r.measured / r.predicted);
    }
    std::printf("\nMedian measured/predicted per group -> multiply the constant by it\n");
    for (const auto& [k, v] : ratios) {
        std::printf("  %-20s n=%2zu  median %.3f  p10 %.3f  p90 %.3f\n", k.c_str(), v.size(),
                    quantile(v, 0.5), quantile(v, 0.1), quantile(v, 0.9));
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: speed_accuracy ROWS_DIR DATA_DIR [--fit | --dump | --check D P]\n");
        return 2;
    }
    const std::string dir = argv[1];
    catalog::DataSourceOptions o;
    o.data_dir = argv[2];
    auto tuning = catalog::load_speed_tuning(o);
    if (!tuning) {
        std::fprintf(stderr, "speed_accuracy: %s\n", tuning.error().message.c_str());
        return 3;
    }
    const auto rows = read_csv(dir + "/rows.csv");
    const auto models = read_csv(dir + "/models.csv");
    const auto devices = read_csv(dir + "/devices.csv");
    const auto cpus = read_csv(dir + "/cpus.csv");
    std::vector<Outcome> results;
    std::printf("%4s  %-34s %-8s %-22s %-6s %10s %10s %7s\n", "id", "device", "backend", "model", "test",
                "measured", "predicted", "error");
    for (const auto& row : rows) {
        const Row* m = find(models, "model", row.at("model"));
        if (m == nullptr) {
            std::fprintf(stderr, "row %s: unknown model %s\n", row.at("id").c_str(), row.at("model").c_str());
            return 3;
        }
        const auto shape = model_shape(*m);
        const Case c = build_case(row, shape, devices, cpus);
        estimate::SpeedQuery q;
        q.quant = m->at("quant");
        // "tgN": N tokens generated from an empty context, so the KV depth averages N/2;
        // "ppN": an N-token prompt.
        const std::string& test = row.at("test");
        const bool decode = test.compare(0, 2, "tg") == 0;
        const auto n = static_cast<std::uint32_t>(std::atoi(test.c_str() + 2));
        q.context_depth = decode ? n / 2 : 0;
        q.prompt_tokens = decode ? 512 : n;
        const auto e = estimate::estimate_speed(shape, c.machine, c.split, q, *tuning);
        const estimate::Range& range = decode ? e.decode_tps : e.prefill_tps;
        const Outcome r{std::atoi(row.at("id").c_str()), row.at("backend"), decode, num(row, "measured_tps"),
                        range.p50, range.p10, range.p90};
        results.push_back(r);
        if (argc > 3 && std::string(argv[3]) == "--dump") {
            double bytes = 0, flops = 0;
            for (const auto& t : e.terms) {
                if (t.key.size() > 6 && t.key.compare(t.key.size() - 6, 6, ".bytes") == 0) bytes += t.value;
                if (t.key == "prefill.flops_per_token") flops = t.value;
            }
            const double bw = c.machine.gpus.empty() ? c.machine.cpu.bandwidth_gbps : c.machine.gpus[0].bandwidth_gbps;
            const double tf = c.machine.gpus.empty() ? 0 : c.machine.gpus[0].fp16_tflops;
            std::printf("DUMP %d %s %d %g %g %g %u %g %g %s\n", r.id, r.group.c_str(), decode ? 1 : 0, r.measured,
                        bytes, bw, shape.n_layer(), flops, tf, q.quant.c_str());
            continue;
        }
        const std::string dev = row.at("device").empty() ? row.at("cpu") : row.at("device");
        std::printf("%4d  %-34s %-8s %-22s %-6s %10.2f %10.2f %+6.1f%%\n", r.id, dev.c_str(),
                    r.group.c_str(), row.at("model").c_str(), row.at("test").c_str(), r.measured,
                    r.predicted, 100 * r.err());
    }
    std::printf("\n");
    for (bool decode : {true, false}) {
        summary(results, "all rows (in-sample)", decode);
    }
    std::printf("\n");
    coverage(results, true);
    coverage(results, false);
    std::printf("\nBy backend, all rows:\n");
    by_backend(results);
    if (argc > 3 && std::string(argv[3]) == "--fit") {
        fit_report(results);
    }
    if (argc > 5 && std::string(argv[3]) == "--check") {
        // Regression guard for ctest: median |error| must stay under the given limits.
        const double d = median_error(results, true);
        const double p = median_error(results, false);
        const bool ok = d <= std::atof(argv[4]) && p <= std::atof(argv[5]);
        std::printf("check: decode median %.3f (limit %s), prefill median %.3f (limit %s): %s\n", d,
                    argv[4], p, argv[5], ok ? "ok" : "FAILED");
        return ok ? 0 : 1;
    }
    return 0;
}
