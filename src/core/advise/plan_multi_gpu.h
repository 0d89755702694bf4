// Several GPUs in one box, the vLLM way: tensor parallel. Which sizes vLLM accepts for a model,
// how much each GPU then holds, and how fast it decodes (llama.cpp's layer split needs none of
// this: advise::fit_model answers it on a machine with N GPUs).
//
// vLLM's rule (vllm/config: "Total number of attention heads must be divisible by tensor
// parallel size"; vllm/model_executor/layers/linear.py QKVParallelLinear): the query heads are
// split evenly, so n_head % tp == 0; the KV heads are split when there are at least tp of them
// (n_head_kv % tp == 0), and replicated when there are fewer (tp % n_head_kv == 0, each GPU
// keeps one KV head, tp / n_head_kv copies of each). Pure.
#pragma once

#include <cstdint>

#include "advise/plan.h"

namespace canrun::advise {

// vLLM's divisibility rule over every attention layer of the model.
bool tp_divisible(const estimate::ModelShape& model, std::uint32_t tp);

// KV heads each GPU keeps under tensor parallel `tp` (at least one).
std::uint32_t kv_heads_per_gpu(std::uint32_t n_head_kv, std::uint32_t tp);

// The share of the model's KV cache each GPU holds: KV heads per GPU over KV heads (1 when
// every GPU keeps a replica, e.g. MLA's single latent "head").
double kv_share_per_gpu(const estimate::ModelShape& model, std::uint32_t tp);

// The model with its weights as the published checkpoint stores them (what vLLM serves from the
// HF repo): 2 bytes per parameter, or the widths of the catalog's `checkpoint` record.
estimate::ModelShape checkpoint_shape(const estimate::ModelShape& model,
                                      const CheckpointFormat& format);

// Whether the GPUs of this kind talk over NVLink (SXM and NVL modules, HGX boards) or AMD's
// Infinity Fabric (Instinct OAM modules), rather than over PCIe.
bool fast_gpu_link(const catalog::HardwareSpec& gpu);

struct VllmLayout {
    std::uint32_t tp = 1;   // GPUs per node (tensor parallel)
    std::uint32_t pp = 1;   // nodes (pipeline parallel)
    bool nvlink = false;
};

// Places the checkpoint's model on `node` (tp GPUs used per node, pp such nodes) at `ctx` tokens:
// per GPU a 1/(tp*pp) slice of the weights, its share of the KV cache and 1.5 GiB of
// activations and CUDA graphs, within vLLM's --gpu-memory-utilization 0.90. Fills the option's
// fits, placement and speed (no network: the caller adds it for pp > 1).
void answer_vllm(const estimate::ModelShape& model, const CheckpointFormat& format,
                 const estimate::Machine& node, const VllmLayout& layout, std::uint32_t ctx,
                 const PlanData& data, PlanOption& option);

}  // namespace canrun::advise
