// SpeedTuning: the efficiency constants of the speed model. They are measured guesses, so they
// live in data/speed.json (each with its source) and reach the model as this plain struct,
// filled by catalog/speed_tuning. Defaults here only keep tests self-contained.
#pragma once

#include <string>
#include <vector>

#include "estimate/machine.h"

namespace canrun::estimate {

// How well one GPU backend uses the hardware.
struct BackendTuning {
    Backend backend = Backend::Cuda;
    double decode_bw_efficiency = 0.7;   // share of peak memory bandwidth reached in decode
    double prefill_efficiency = 0.5;     // share of the fp16_tflops figure reached in prefill
    double token_floor_s = 0.0002;       // fixed cost per generated token (sync, sampling)
    double layer_floor_s = 0.00001;      // cost per layer per token (kernel launches)
    // Decode bound by the shader ALUs as well as by memory: weight bytes the GPU dequantises and
    // dots per FLOP of its fp16_tflops figure (0 = memory-bound only). Apple GPUs need it: their
    // decode speed follows GPU cores, not the memory bus.
    double decode_bytes_per_flop = 0;
};

// How a weight format behaves, relative to the backend's baseline.
struct QuantTuning {
    std::string family = "q4_0";         // "q4_0", "q4_k", "q8_0", "f16", ...
    double gpu_decode_factor = 1.0;      // multiplies decode_bw_efficiency
    double gpu_prefill_factor = 1.0;     // multiplies prefill_efficiency
    double cpu_core_gbps = 6.0;          // weight GB/s one AVX2-class core dequantises and dots
    double bench_scale = 1.0;            // llama.cpp's kernel rate over `canrun bench`'s kernel
};

// A CPU instruction-set class: the first entry whose feature the CPU has (and whose name prefix
// the CPU's name starts with, where one is given) applies.
struct IsaTuning {
    std::string feature = "avx2";        // as in CpuDevice::features; "" matches every CPU
    double core_factor = 1.0;            // kernel speed per core relative to AVX2
    std::string name_prefix;             // e.g. "Apple M": cores far wider than the ISA says
};

// CPU prefill (batched matmul) kernels a feature brings for some weight families, over the rate
// the decode kernels x cpu_prefill_per_decode_kernel give: llama.cpp's AMX int8 tiles on Xeons
// (Q4_0/Q4_1/Q8_0/Q4_K/Q5_K/Q6_K/IQ4_XS, ggml-cpu/amx). The first row whose feature the CPU has
// and whose families hold the weight family applies; none = 1.
struct PrefillIsaTuning {
    std::string feature = "amx_int8";    // as in CpuDevice::features
    std::vector<std::string> families;   // quant families (speed_lookup.h quant_family)
    double factor = 1.0;                 // multiplies the CPU prefill weight rate
};

// A multiplicative spread around the p50: p10 = p50 * low, p90 = p50 * high.
struct Spread {
    double low = 0.8;
    double high = 1.2;
};

struct SpeedTuning {
    std::vector<BackendTuning> backends;
    std::vector<QuantTuning> quants;
    std::vector<IsaTuning> isas;
    std::vector<PrefillIsaTuning> prefill_isas;

    double cpu_bw_efficiency = 0.65;             // of the peak RAM bandwidth in decode
    double cpu_measured_bw_efficiency = 0.9;     // of the bandwidth `canrun bench` measured
    double cpu_token_floor_s = 0.0003;           // per-token cost of the CPU graph
    double cpu_sync_s = 0.000005;                // per layer per thread per token (ggml barriers)
    double cpu_prefill_per_decode_kernel = 1.6;  // prefill weight rate over the decode kernel rate
    double bound_sharpness = 4.0;                // soft max of memory and compute times (p-norm)
    double pcie_efficiency = 0.8;                // of the link's peak for host<->GPU copies
    double handoff_s = 0.0001;                   // per device boundary per token (layer split)
    double allreduce_nvlink_s = 0.00001;         // per all-reduce, tensor parallel over NVLink
    double allreduce_pcie_s = 0.00003;           // per all-reduce, tensor parallel over PCIe
    double tp_efficiency = 0.85;                 // of the per-GPU speed-up under tensor parallel
    double page_cache_gbps = 4.0;                // reading a file that is already in RAM
    double disk_unknown_gbps = 0.5;              // no measurement: a SATA SSD
    double disk_fast_gbps = 2.5;                 // best plausible case when unknown (NVMe)
    double disk_slow_gbps = 0.15;                // worst plausible case when unknown (HDD)
    double load_fixed_s = 0.3;                   // backend init, mmap, graph reservation
    double default_pcie_gbps = 16.0;             // PCIe 4.0 x8 in practice, when unknown
    double cuda_copy_share = 0.85;               // device-to-device copy speed over peak bandwidth

    Spread decode_calibrated{0.9, 1.1};
    Spread decode_uncalibrated{0.75, 1.2};
    Spread prefill_calibrated{0.8, 1.2};
    Spread prefill_uncalibrated{0.65, 1.35};
    Spread load{0.7, 1.6};
};

}  // namespace canrun::estimate
