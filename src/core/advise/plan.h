// plan: the reverse question — what hardware runs this model at this speed and context. Builds
// candidate set-ups from the data (single GPUs; 2, 4, 8 identical GPUs with llama.cpp layer
// split or vLLM tensor parallel; unified-memory machines by memory size; CPU servers by memory
// channels; for MoE models one or two GPUs in such a server; what the user has plus more; clusters over llama.cpp RPC or vLLM + Ray; a fleet of
// machines described by `canrun hw --json`; cloud rentals), answers each with the same
// placement and speed model as `fit`, and ranks them: cheapest that meets the target, or
// fastest within the budget. Pure: data in, plain structs out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "advise/fit.h"
#include "catalog/cloud_catalog.h"
#include "catalog/hardware_catalog.h"
#include "estimate/machine.h"
#include "estimate/memory_tuning.h"
#include "estimate/model_shape.h"
#include "estimate/placement.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"

namespace canrun::advise {

enum class PlanSort { Cheapest, Fastest };
enum class PlanKind { Single, MultiGpu, Unified, CpuServer, Hybrid, Have, Cluster, Fleet, Cloud };
enum class PlanEngine { LlamaCpp, Vllm };

const char* to_string(PlanKind k);    // "single", "multi_gpu", "unified", "cpu", "hybrid", ...
const char* to_string(PlanEngine e);  // "llama.cpp", "vllm"

// A machine of a fleet (`--nodes FILE`): its name (the file's stem) and what it has.
struct PlanNode {
    std::string name;
    estimate::Machine machine;
};

struct PlanRequest {
    const estimate::ModelShape* model = nullptr;
    ModelNames names;                 // for the commands
    std::string quant;                // the GGUF quantization answered for, e.g. "Q4_K_M"
    double target_tps = 10;           // decode speed wanted, tokens/s (p50)
    std::uint32_t ctx = 0;            // 0 = kDefaultCtx capped at the trained context
    std::optional<double> budget;     // in `currency`
    std::string currency = "USD";     // "USD" or "CNY"
    std::vector<std::string> have;    // hardware.json ids the user owns (one entry per GPU)
    std::vector<PlanNode> nodes;      // a fleet to lay the model out on
    PlanSort sort = PlanSort::Cheapest;
    std::string network = "";         // cloud.json network id; empty = its default
    std::optional<double> latency_us; // overrides the network's round trip
    std::size_t limit = 12;           // options returned (the best ones)
};

struct PlanDevice {
    std::string name;
    std::uint32_t node = 0;           // 0 = the head
    std::uint64_t bytes = 0;          // what it holds
    std::uint64_t budget_bytes = 0;   // what it may hold
    std::uint32_t layers = 0;
};

struct PlanPlacement {
    estimate::PlacementMode mode = estimate::PlacementMode::WontFit;
    std::uint32_t gpu_layers = 0;
    std::uint32_t total_layers = 0;
    std::uint64_t total_bytes = 0;     // all devices together
    std::uint64_t shortfall_bytes = 0; // WontFit: memory missing
    std::vector<PlanDevice> devices;
};

struct PlanMoney {
    double amount = 0;
    std::string currency;
    bool per_hour = false;            // a rental
    bool converted = false;           // shown in another currency than the data's
    std::string date;
    std::string source;
};

struct NodeCommand {
    std::string node;     // "head", "worker 1", or a fleet machine's name
    std::string command;  // may hold several lines
};

struct PlanOption {
    std::string name;                   // "2 x GeForce RTX 3090"
    PlanKind kind = PlanKind::Single;
    PlanEngine engine = PlanEngine::LlamaCpp;
    estimate::SplitMode split = estimate::SplitMode::Layer;
    bool nvlink = false;
    std::string device_id;              // hardware.json id of the GPU or machine (if one kind)
    std::vector<std::string> devices;   // every GPU (or the machine), in order
    std::uint32_t nodes = 1;
    std::vector<std::string> node_names;  // clusters: "head", "node2", ...; a fleet: its machines
    std::uint32_t gpus_per_node = 0;
    bool fits = false;
    bool meets_target = false;
    PlanPlacement placement;
    estimate::SpeedEstimate speed;      // network included for clusters
    double network_s_per_token = 0;     // clusters: the network's share of each token
    std::uint32_t max_ctx = 0;          // 0 = not computed
    std::optional<PlanMoney> price;     // total to buy (or per hour to rent); added devices only for --have
    std::vector<NodeCommand> commands;
    std::vector<std::string> notes;     // stable ids, e.g. "plan.vllm_16bit"
};

struct PlanResult {
    std::uint32_t ctx = 0;             // context answered for
    double target_tps = 0;
    std::string currency;
    std::optional<catalog::ExchangeRate> rate;  // used to convert prices, if any was
    std::string network;               // the network assumed for clusters ("10 GbE")
    double network_gbit = 0;
    double latency_us = 0;
    std::size_t considered = 0;        // set-ups answered
    std::size_t fitting = 0;           // of which the model fits
    std::vector<PlanOption> options;   // ranked, at most request.limit
    std::vector<std::string> notes;
};

struct PlanData {
    const catalog::HardwareCatalog* hardware = nullptr;
    const catalog::CloudCatalog* cloud = nullptr;
    estimate::MemoryTuning memory_tuning;
    estimate::SpeedTuning speed_tuning;
};

PlanResult plan(const PlanRequest& request, const PlanData& data);

}  // namespace canrun::advise
