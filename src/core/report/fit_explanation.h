// FitExplanation: the inputs and formula of every figure of a fit, for --explain (text in
// explain_text, JSON "explain" in explain_json). Built from results that already exist (the
// memory estimate, the placement, the GGUF's tensors): it recomputes nothing that decides an
// answer, it only names the terms. docs/estimates.md "Reading --explain".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "advise/fit.h"
#include "advise/recommend.h"
#include "estimate/context_params.h"
#include "estimate/machine.h"
#include "estimate/memory_tuning.h"
#include "estimate/model_shape.h"
#include "gguf/gguf_file.h"

namespace canrun::report {

struct WeightType {
    std::string type;  // ggml type, "Q4_K"
    std::uint64_t bytes = 0;
    std::uint64_t tensors = 0;
};

// One tensor class (gguf/tensor_class: "attention", "experts", ...), its types biggest first.
struct WeightClass {
    std::string id;
    std::uint64_t bytes = 0;
    std::uint64_t params = 0;
    std::vector<WeightType> types;
};

// Layers whose KV cache has the same shape: bytes = layers x cells x streams x (K row + V row).
struct KvGroup {
    std::uint32_t layers = 0;
    bool sliding_window = false;
    std::uint32_t cells = 0;    // per stream
    std::uint32_t streams = 1;
    std::uint32_t kv_heads = 0;
    std::uint32_t head_dim_k = 0;
    std::uint32_t head_dim_v = 0;
    std::uint64_t k_row_bytes = 0;  // per cell
    std::uint64_t v_row_bytes = 0;  // per cell (0: MLA latent only)
    std::uint64_t bytes = 0;
};

struct KvExplanation {
    std::string type_k, type_v;  // "f16", "q8_0"
    bool flash_attn = true;
    bool mla = false;
    bool mla_latent_only = false;  // MLA cache without a V copy
    std::uint32_t kv_lora_rank = 0;
    std::vector<KvGroup> groups;
    std::uint32_t recurrent_layers = 0;
    std::uint32_t sequences = 1;
    std::uint64_t state_bytes_per_sequence = 0;  // per recurrent layer: 4 x (conv + ssm)
    std::uint64_t state_bytes = 0;
    std::uint64_t bytes_per_token = 0;  // full-attention layers
    std::uint64_t kv_bytes = 0;
};

// The compute buffer: which formula applied and its named terms (docs/estimates.md).
struct ComputeExplanation {
    std::string backend;  // "CPU", "CUDA", ...
    bool flash_attn = true;
    std::uint32_t n_ubatch = 0, n_kv = 0, n_embd = 0, n_vocab = 0, n_head = 0, n_ff = 0;
    std::uint32_t n_seq = 1;
    std::uint64_t logits_bytes = 0;  // L = 4 x n_ubatch x (n_vocab + n_embd)
    std::uint64_t hidden_bytes = 0;  // E = 4 x n_ubatch x n_embd
    std::uint64_t kq_bytes = 0;      // flash attention off: 4 x n_ubatch x n_kv x (n_head + 1 [+1 MLA])
    std::uint64_t ffn_bytes = 0;     // flash attention on: 4 x n_ubatch x n_ff
    std::string formula;             // e.g. "max(L + E, KQ + 5.5 E)"
    std::uint64_t device_bytes = 0;
    std::uint64_t host_bytes = 0;
    std::uint64_t output_buffer_bytes = 0;  // 4 x n_seq x n_vocab
};

struct DeviceExplanation {
    std::string device;
    bool gpu = false;
    std::uint64_t budget_bytes = 0;   // GPU: free memory; CPU: RAM it may use
    std::uint64_t source_bytes = 0;   // CPU: RAM available (or total) before what is kept back
    std::uint64_t runtime_bytes = 0;  // GPU: kept free for the runtime
    std::uint64_t margin_bytes = 0;   // GPU: kept free (llama.cpp --fit-target)
    std::uint64_t compute_bytes = 0;  // GPU: its compute buffer
    std::uint64_t room_bytes = 0;     // GPU: budget - runtime - margin - compute, for layers
    std::uint32_t layers = 0;
    std::uint64_t weight_bytes = 0;
    std::uint64_t expert_bytes = 0;
    std::uint64_t kv_bytes = 0;
    bool holds_output = false;
    std::uint64_t bytes = 0;          // what it holds in all
};

struct FitExplanation {
    std::vector<WeightClass> weights;  // empty when the tensors are not at hand
    std::uint64_t weights_bytes = 0;
    KvExplanation kv;
    ComputeExplanation compute;
    std::string runtime_backend;
    std::uint64_t runtime_bytes = 0;
    std::string mode;  // "full_gpu" ...
    std::uint64_t gpu_margin_bytes = 0;
    std::vector<DeviceExplanation> devices;
    std::uint32_t max_ctx = 0;
    std::uint32_t max_ctx_full_gpu = 0;
    std::uint32_t ctx_limit = 0;  // the trained context, the bisection's top
    std::uint64_t total_bytes = 0;
};

struct ExplainInput {
    const estimate::ModelShape* shape = nullptr;
    estimate::ContextParams params;
    const advise::FitResult* fit = nullptr;
    const estimate::Machine* machine = nullptr;
    std::vector<WeightClass> weights;
    std::uint64_t gpu_margin_bytes = advise::FitRequest{}.gpu_margin_bytes;
    estimate::MemoryTuning tuning;
};

// The tensors of a GGUF header by class and type.
std::vector<WeightClass> weight_classes(const gguf::GgufFile& file);

FitExplanation explain_fit(const ExplainInput& in);

// The explanation of a recommendation's pick (a catalog model at a quant), for a KV cache type
// ("f16", "q8_0": K and V alike).
FitExplanation explain_pick(const advise::Pick& p, const estimate::Machine& m,
                            const std::string& kv_type);

struct FitReport;
// The explanation of `canrun fit`'s answer on a machine (r.fit and r.machine set).
FitExplanation explain_report(const FitReport& r);

// The backend as people call it: "CPU", "CUDA", "Metal", "ROCm", "Vulkan", "SYCL".
const char* backend_name(estimate::Backend b);

}  // namespace canrun::report
