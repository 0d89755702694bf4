// Small hand-made models and machines for the speed tests.
#pragma once

#include <cstdint>

#include "estimate/machine.h"
#include "estimate/model_shape.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"

namespace canrun::estimate::testing {

// A dense model: n layers of `layer_bytes` each (32 heads of 128, like LLaMA-2 7B) and an
// output layer of `output_bytes`.
inline ModelShape dense_model(std::uint32_t n_layer, std::uint64_t layer_bytes,
                              std::uint64_t output_bytes, std::uint64_t layer_params) {
    ModelShape m;
    m.arch = "llama";
    m.n_embd = 4096;
    m.n_vocab = 32000;
    for (std::uint32_t i = 0; i < n_layer; ++i) {
        LayerShape l;
        l.n_head = 32;
        l.n_head_kv = 32;
        l.head_dim_k = 128;
        l.head_dim_v = 128;
        l.weight_bytes = layer_bytes;
        l.weight_params = layer_params;
        m.layers.push_back(l);
    }
    m.output_bytes = output_bytes;
    m.token_embd_bytes = output_bytes;
    m.params = layer_params * n_layer + 2ULL * 4096 * 32000;
    m.active_params = m.params;
    m.file_bytes = m.weight_bytes();
    return m;
}

// A tuning with round numbers, so expected values can be worked out by hand.
inline SpeedTuning round_tuning() {
    SpeedTuning t;
    t.backends = {BackendTuning{Backend::Cuda, 0.5, 0.5, 0.001, 0.0},
                  BackendTuning{Backend::Metal, 0.8, 0.4, 0.0, 0.0}};
    t.quants = {QuantTuning{"q4_0", 1.0, 1.0, 5.0}, QuantTuning{"q4_k", 1.0, 1.0, 2.5},
                QuantTuning{"f16", 1.0, 1.0, 10.0}};
    t.isas = {IsaTuning{"avx512f", 2.0, ""}, IsaTuning{"", 1.0, ""}};
    t.cpu_bw_efficiency = 0.5;
    t.cpu_measured_bw_efficiency = 1.0;
    t.cpu_token_floor_s = 0.0;
    t.cpu_sync_s = 0.0;
    t.cpu_prefill_per_decode_kernel = 2.0;
    t.bound_sharpness = 64.0;  // close to a plain max
    t.handoff_s = 0.001;
    t.load_fixed_s = 0.0;
    t.decode_uncalibrated = Spread{0.5, 2.0};
    return t;
}

inline GpuDevice gpu(double bandwidth_gbps, double tflops, Backend backend = Backend::Cuda) {
    GpuDevice g;
    g.name = "test gpu";
    g.backend = backend;
    g.bandwidth_gbps = bandwidth_gbps;
    g.fp16_tflops = tflops;
    g.pcie_gbps = 10.0;
    g.memory_total_bytes = 24ULL << 30;
    return g;
}

inline Machine machine_with_cpu(std::uint32_t cores, double bandwidth_gbps) {
    Machine m;
    m.cpu.physical_cores = cores;
    m.cpu.logical_cores = cores * 2;
    m.cpu.features = {"avx2"};
    m.cpu.bandwidth_gbps = bandwidth_gbps;
    return m;
}

}  // namespace canrun::estimate::testing
