#include "advise/plan_cluster.h"

#include <algorithm>

#include <fmt/format.h>

namespace canrun::advise {

namespace {

constexpr std::uint16_t kRpcPort = 50052;  // rpc-server's default port
constexpr std::uint16_t kRayPort = 6379;   // ray start --head default port

double bytes_per_second(const LinkSpeed& link) { return link.gbit_per_s * 1e9 / 8; }

double adjusted(double tps, double extra_s) {
    return tps > 0 ? 1.0 / (1.0 / tps + extra_s) : 0;
}

}  // namespace

double rpc_seconds_per_token(std::uint32_t n_embd, std::uint32_t remote_nodes,
                             const LinkSpeed& link, double round_trips) {
    const double hidden = 4.0 * n_embd;  // F32
    const double per_node = 2 * hidden / bytes_per_second(link) + round_trips * link.latency_us * 1e-6;
    return remote_nodes * per_node;
}

double pipeline_seconds_per_token(std::uint32_t n_embd, std::uint32_t nodes, const LinkSpeed& link) {
    if (nodes < 2) {
        return 0;
    }
    const double hidden = 2.0 * n_embd;  // BF16
    const double hop = hidden / bytes_per_second(link) + link.latency_us * 1e-6;
    return (nodes - 1) * hop + link.latency_us * 1e-6;  // the sampled token back to stage one
}

double rpc_seconds_per_prompt_token(std::uint32_t n_embd, std::uint32_t remote_nodes,
                                    const LinkSpeed& link, double round_trips, std::uint32_t ubatch) {
    const double bytes = 2 * 4.0 * n_embd / bytes_per_second(link);
    return remote_nodes * (bytes + round_trips * link.latency_us * 1e-6 / std::max(1U, ubatch));
}

double pipeline_seconds_per_prompt_token(std::uint32_t n_embd, std::uint32_t nodes,
                                         const LinkSpeed& link, std::uint32_t ubatch) {
    if (nodes < 2) {
        return 0;
    }
    const double hop = 2.0 * n_embd / bytes_per_second(link) + link.latency_us * 1e-6 / std::max(1U, ubatch);
    return (nodes - 1) * hop;
}

void add_network(estimate::SpeedEstimate& speed, double decode_s, double prefill_s,
                 std::uint32_t prompt_tokens) {
    auto& d = speed.decode_tps;
    d = {adjusted(d.p10, decode_s), adjusted(d.p50, decode_s), adjusted(d.p90, decode_s)};
    auto& p = speed.prefill_tps;
    p = {adjusted(p.p10, prefill_s), adjusted(p.p50, prefill_s), adjusted(p.p90, prefill_s)};
    const double ttft_extra = prefill_s * prompt_tokens;
    speed.ttft_s = {speed.ttft_s.p10 + ttft_extra, speed.ttft_s.p50 + ttft_extra,
                    speed.ttft_s.p90 + ttft_extra};
    speed.terms.push_back({"network.decode_seconds", decode_s, "s"});
}

std::vector<NodeCommand> rpc_commands(const std::string& head_server,
                                      const std::vector<std::string>& workers) {
    std::vector<NodeCommand> out;
    std::string hosts;
    for (const auto& w : workers) {
        out.push_back({w, fmt::format("rpc-server -H 0.0.0.0 -p {}", kRpcPort)});
        hosts += fmt::format("{}{}:{}", hosts.empty() ? "" : ",", w, kRpcPort);
    }
    out.push_back({"head", head_server + " --rpc " + hosts});  // after the workers are up
    return out;
}

std::vector<NodeCommand> ray_commands(const std::string& hf_repo, std::uint32_t tp,
                                      std::uint32_t pp, std::uint32_t ctx,
                                      const std::vector<std::string>& workers) {
    std::vector<NodeCommand> out;
    const std::string model = hf_repo.empty() ? "<HF repo of the model>" : hf_repo;
    out.push_back({"head", fmt::format("ray start --head --port={}", kRayPort)});
    for (const auto& w : workers) {
        out.push_back({w, fmt::format("ray start --address=head:{}", kRayPort)});
    }
    out.push_back({"head", fmt::format("vllm serve {} --tensor-parallel-size {} "
                                       "--pipeline-parallel-size {} --max-model-len {} "
                                       "--gpu-memory-utilization 0.90",
                                       model, tp, pp, ctx)});
    return out;
}

std::vector<std::string> worker_names(std::uint32_t nodes) {
    std::vector<std::string> out;
    for (std::uint32_t i = 2; i <= nodes; ++i) {
        out.push_back(fmt::format("node{}", i));
    }
    return out;
}

}  // namespace canrun::advise
