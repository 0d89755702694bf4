// The set-ups a plan answers, built from the data: single GPUs and 2/4/8 of them, unified-memory
// machines by memory size, CPU servers by memory channels, one or two GPUs in such a server for
// MoE models (experts in RAM), what the user has plus more,
// clusters of identical machines, a fleet of described machines, cloud rentals. Each family is
// a list of steps in growing size; plan answers a family's steps in order and stops at the
// first that holds the whole model on its GPUs (more of the same only adds cost under llama.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "advise/plan.h"
#include "advise/plan_multi_gpu.h"

namespace canrun::advise {

struct PlanCandidate {
    PlanOption option;            // name, kind, engine, devices, nodes, price in the data's currency
    estimate::Machine machine;    // llama.cpp: every device it lays layers on; vLLM: one node
    VllmLayout vllm;              // engine == Vllm
    std::vector<std::string> workers;  // clusters: host names of the other nodes
    std::vector<std::uint32_t> gpu_node;  // llama.cpp: the node of each GPU (empty = all head)
};

struct PlanFamily {
    std::vector<PlanCandidate> steps;
    bool stop_at_full_gpu = true;  // llama.cpp families; vLLM answers every size
    bool stop_at_fit = false;      // GPU + server RAM: the smallest RAM that holds the model
};

// A machine from one hardware.json record: `gpus` of a discrete device (with an assumed host),
// or a unified / CPU machine with `memory_gb`. Host CPU cores are assumed by form factor (8 on
// desktops, 16 on workstations, 32 on servers) when the record says nothing of them.
std::optional<estimate::Machine> catalog_machine(const catalog::HardwareSpec& spec, int gpus,
                                                 std::optional<double> memory_gb);

std::vector<PlanFamily> plan_families(const PlanRequest& request, const PlanData& data);

// The parts of plan_families over several machines (plan_remote_options.cpp) or what the user
// owns (plan_owned_options.cpp).
void add_have(const PlanRequest& request, const PlanData& data, std::vector<PlanFamily>& out);
void add_clusters(const catalog::HardwareSpec& spec, const PlanRequest& request,
                  std::vector<PlanFamily>& out);
void add_fleet(const PlanRequest& request, std::vector<PlanFamily>& out);
void add_cloud(const PlanRequest& request, const PlanData& data, std::vector<PlanFamily>& out);
// MoE models only: 1 or 2 priced 24 GB+ GPUs with each 8+-channel CPU platform
// (plan_hybrid_options.cpp).
void add_hybrid(const PlanRequest& request, const PlanData& data, std::vector<PlanFamily>& out);

// Helpers the option builders share (plan_options.cpp).
const catalog::HardwareSpec* find_spec(const PlanData& data, const std::string& id);
bool vllm_backend(const catalog::HardwareSpec& spec);   // CUDA or ROCm, discrete
std::uint64_t gpu_bytes(const estimate::Machine& m);    // all GPU memory
// Appends the GPUs of `extra` to `into`, each tagged with `node` in `gpu_node`.
void append_node(estimate::Machine& into, std::vector<std::uint32_t>& gpu_node,
                 const estimate::Machine& extra, std::uint32_t node);
PlanCandidate base_candidate(PlanKind kind, std::string name, const estimate::Machine& m);
std::optional<PlanMoney> price_times(const std::optional<catalog::Price>& p, double n, bool per_hour);

// Weights plus KV cache at the asked context: below this no set-up holds the model on GPUs.
std::uint64_t plan_model_bytes(const PlanRequest& request);

}  // namespace canrun::advise
