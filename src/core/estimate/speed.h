// Speed: how fast a placed model runs. Decode is bytes read per token over each device's
// effective bandwidth (or the CPU's kernel throughput, whichever binds), plus fixed per-token
// costs; prefill is FLOPs over effective compute (plus weights streamed over PCIe); load time is
// the file over the disk. Every figure is a range. Pure: plain structs in, plain structs out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estimate/machine.h"
#include "estimate/model_shape.h"
#include "estimate/speed_tuning.h"

namespace canrun::estimate {

struct Range {
    double p10 = 0;
    double p50 = 0;
    double p90 = 0;
};

// What one device holds of the model. Filled by placement; the CPU entry holds what stays in RAM.
struct DeviceLoad {
    int gpu = -1;                              // index into Machine::gpus; -1 = the CPU
    std::uint32_t layers = 0;                  // repeating layers on this device
    std::uint64_t dense_weight_bytes = 0;      // weights read for every token (incl. output layer)
    std::uint64_t expert_weight_bytes = 0;     // routed-expert weights held (a share is read)
    std::uint64_t dense_params = 0;            // parameters behind dense_weight_bytes
    std::uint64_t expert_params = 0;           // parameters behind expert_weight_bytes
    std::uint64_t kv_bytes_per_token = 0;      // KV cache bytes per context token held here
};

enum class SplitMode {
    Layer,   // llama.cpp: devices run their layers one after another (memory adds up)
    Tensor,  // vLLM tensor parallel: every GPU holds a slice of every layer (bandwidth adds up)
};

struct SpeedSplit {
    std::vector<DeviceLoad> devices;  // in layer order
    SplitMode mode = SplitMode::Layer;
    bool nvlink = false;              // tensor parallel: GPUs linked by NVLink (else PCIe)
    bool gpu_does_prefill = true;     // partial offload: big batches run on the GPU (llama.cpp)
};

// What the CPU kernels of this machine measured (`canrun bench`), by quant family.
struct CpuKernelRate {
    std::string family;          // "q4_0", "q4_k", "q8_0", "f16", ...
    double gbps_all_threads = 0; // weight bytes/s dequantised and dotted by all threads, in GB/s
    double threads = 0;          // threads it was measured with; the estimate scales linearly
                                 // to the query's threads (0 = measured with the same count)
};

struct SpeedQuery {
    std::string quant;                 // the model's main weight type, e.g. "Q4_K_M", "F16"
    std::uint32_t context_depth = 0;   // tokens already in the KV cache while decoding
    std::uint32_t prompt_tokens = 512; // prompt length for prefill and time to first token
    std::uint32_t ubatch = 512;        // physical batch: weights streamed once per ubatch
    std::uint32_t threads = 0;         // CPU threads; 0 = physical cores
    std::optional<bool> page_cache_warm;  // file already in RAM? unknown = both ends of the range
    std::vector<CpuKernelRate> cpu_rates; // empty = not measured
};

// One named figure of the computation, for --explain and the JSON "terms".
struct SpeedTerm {
    std::string key;     // stable id, e.g. "decode.gpu0.bytes", "prefill.flops_per_token"
    double value = 0;
    std::string unit;    // "B", "GB/s", "s", "FLOP", "TFLOPS", "tok/s"
};

struct SpeedEstimate {
    Range decode_tps;
    Range prefill_tps;
    Range ttft_s;
    Range load_s;
    bool calibrated = false;
    std::vector<SpeedTerm> terms;
    std::vector<std::string> notes;  // stable note ids, e.g. "speed.cpu_compute_bound"
};

// Where llama.cpp would run the model when the caller has no placement: everything on one
// device (gpu = -1 for the CPU), from the model's own layer sizes. Used by tests and `plan`.
SpeedSplit whole_model_on(const ModelShape& model, int gpu, std::uint64_t kv_bytes_per_token);

SpeedEstimate estimate_speed(const ModelShape& model, const Machine& machine,
                             const SpeedSplit& split, const SpeedQuery& query,
                             const SpeedTuning& tuning);

}  // namespace canrun::estimate
