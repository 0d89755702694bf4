// Clusters: one model over several machines, on engines that exist.
//
// llama.cpp RPC: each worker runs `rpc-server -H 0.0.0.0 -p 50052`; the head runs llama-server
// with `--rpc host1:50052,host2:50052`, and the layers are split over every device of every
// node as on one machine. Per generated token the head talks to each worker: the hidden state
// (n_embd F32 values) goes there and back, and each exchange waits a network round trip
// (data/cloud.json rpc.round_trips_per_node).
//
// vLLM with Ray: `ray start --head` on the head, `ray start --address=head:6379` on each worker,
// then `vllm serve MODEL --tensor-parallel-size <GPUs per node> --pipeline-parallel-size
// <nodes>` (docs.vllm.ai, "Parallelism and Scaling"). Per token the hidden state (n_embd BF16
// values) crosses each stage boundary once, plus one round trip back to the first stage. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "advise/plan.h"
#include "catalog/cloud_catalog.h"

namespace canrun::advise {

struct LinkSpeed {
    double gbit_per_s = 10;
    double latency_us = 60;
};

// Seconds the network adds to each generated token.
double rpc_seconds_per_token(std::uint32_t n_embd, std::uint32_t remote_nodes,
                             const LinkSpeed& link, double round_trips);
double pipeline_seconds_per_token(std::uint32_t n_embd, std::uint32_t nodes, const LinkSpeed& link);

// Seconds the network adds to each prompt token: the same bytes per token, but the round trips
// are paid once per batch of `ubatch` tokens.
double rpc_seconds_per_prompt_token(std::uint32_t n_embd, std::uint32_t remote_nodes,
                                    const LinkSpeed& link, double round_trips, std::uint32_t ubatch);
double pipeline_seconds_per_prompt_token(std::uint32_t n_embd, std::uint32_t nodes,
                                         const LinkSpeed& link, std::uint32_t ubatch);

// Adds `decode_s` to the time of each generated token and `prefill_s` to each prompt token.
void add_network(estimate::SpeedEstimate& speed, double decode_s, double prefill_s,
                 std::uint32_t prompt_tokens);

// One command per node. `workers` are host names; `head_server` is the llama-server line the
// head would run alone.
std::vector<NodeCommand> rpc_commands(const std::string& head_server,
                                      const std::vector<std::string>& workers);
std::vector<NodeCommand> ray_commands(const std::string& hf_repo, std::uint32_t tp,
                                      std::uint32_t pp, std::uint32_t ctx,
                                      const std::vector<std::string>& workers);

// "node2", "node3", ... for a cluster of `nodes` machines (the head is node1).
std::vector<std::string> worker_names(std::uint32_t nodes);

}  // namespace canrun::advise
