#include "advise/plan.h"

#include <algorithm>
#include <cassert>
#include <set>

#include <fmt/format.h>

#include "advise/plan_cluster.h"
#include "advise/plan_multi_gpu.h"
#include "advise/plan_options.h"
#include "advise/plan_rank.h"

namespace canrun::advise {

const char* to_string(PlanKind k) {
    switch (k) {
    case PlanKind::Single: return "single";
    case PlanKind::MultiGpu: return "multi_gpu";
    case PlanKind::Unified: return "unified";
    case PlanKind::CpuServer: return "cpu";
    case PlanKind::Hybrid: return "hybrid";
    case PlanKind::Have: return "have";
    case PlanKind::Cluster: return "cluster";
    case PlanKind::Fleet: return "fleet";
    case PlanKind::Cloud: return "cloud";
    }
    return "single";
}

const char* to_string(PlanEngine e) { return e == PlanEngine::Vllm ? "vllm" : "llama.cpp"; }

namespace {

struct Context {
    const PlanRequest& request;
    const PlanData& data;
    std::uint32_t ctx = 0;
    LinkSpeed link;
    double round_trips = 2;
};

FitRequest fit_request(const Context& c, bool find_max_ctx) {
    FitRequest f;
    f.params.n_ctx = c.ctx;
    f.find_max_ctx = find_max_ctx;
    f.speed.quant = c.request.quant;
    return f;
}

void fill_placement(const FitResult& fit, const PlanCandidate& c, PlanOption& o) {
    auto& p = o.placement;
    p.mode = fit.placement.mode;
    p.gpu_layers = fit.placement.gpu_layers;
    p.total_layers = fit.placement.total_layers;
    p.shortfall_bytes = fit.placement.shortfall_bytes;
    p.devices.clear();
    p.total_bytes = 0;
    for (const auto& d : fit.placement.devices) {
        const auto gpu = static_cast<std::size_t>(d.gpu);
        const std::uint32_t node = d.gpu >= 0 && gpu < c.gpu_node.size() ? c.gpu_node[gpu] : 0;
        p.devices.push_back({d.device, node, d.bytes, d.budget_bytes, d.layers});
        p.total_bytes += d.bytes;
    }
}

// The workers that hold layers (the others need not take part), by name.
std::vector<std::string> busy_workers(const PlanPlacement& p, const std::vector<std::string>& workers) {
    std::set<std::uint32_t> nodes;
    for (const auto& d : p.devices) {
        if (d.node > 0 && d.layers > 0) {
            nodes.insert(d.node);
        }
    }
    std::vector<std::string> out;
    for (const auto n : nodes) {
        if (n - 1 < workers.size()) {
            out.push_back(workers[n - 1]);
        }
    }
    return out;
}

std::string without_tensor_split(std::string cmd) {
    const auto at = cmd.find(" -ts ");
    if (at != std::string::npos) {
        const auto end = cmd.find(' ', at + 5);
        cmd.erase(at, end == std::string::npos ? std::string::npos : end - at);
    }
    return cmd;
}

void answer_llama(const Context& c, const PlanCandidate& cand, PlanOption& o) {
    const auto req = fit_request(c, false);
    const auto fit = fit_model(*c.request.model, cand.machine, req, c.data.memory_tuning,
                               c.data.speed_tuning);
    o.fits = fit.placement.mode != estimate::PlacementMode::WontFit;
    fill_placement(fit, cand, o);
    if (!o.fits) {
        return;
    }
    o.speed = fit.speed;
    const auto cmds = make_commands(
        command_input(fit, *c.request.model, cand.machine, c.request.names, req));
    if (cand.workers.empty()) {
        o.commands = {{"head", cmds.llama_cpp}};
        return;
    }
    const auto busy = busy_workers(o.placement, cand.workers);
    o.network_s_per_token = rpc_seconds_per_token(
        c.request.model->n_embd, static_cast<std::uint32_t>(busy.size()), c.link, c.round_trips);
    add_network(o.speed, o.network_s_per_token,
                rpc_seconds_per_prompt_token(c.request.model->n_embd,
                                             static_cast<std::uint32_t>(busy.size()), c.link,
                                             c.round_trips, req.speed.ubatch),
                req.speed.prompt_tokens);
    o.commands = busy.empty() ? std::vector<NodeCommand>{{"head", cmds.llama_cpp}}
                              : rpc_commands(without_tensor_split(cmds.llama_cpp), busy);
    o.notes.emplace_back("plan.rpc");
}

void answer_vllm_step(const Context& c, const PlanCandidate& cand, PlanOption& o) {
    answer_vllm(*c.request.model, c.request.names.checkpoint, cand.machine, cand.vllm, c.ctx,
                c.data, o);
    o.notes.emplace_back("plan.vllm_16bit");
    if (!o.fits) {
        return;
    }
    const auto& repo = c.request.names.hf_repo;
    if (cand.vllm.pp > 1) {
        o.network_s_per_token = pipeline_seconds_per_token(c.request.model->n_embd, cand.vllm.pp, c.link);
        const auto n_embd = c.request.model->n_embd;
        add_network(o.speed, o.network_s_per_token,
                    pipeline_seconds_per_prompt_token(n_embd, cand.vllm.pp, c.link, 512), 512);
        o.commands = ray_commands(repo, cand.vllm.tp, cand.vllm.pp, c.ctx, cand.workers);
        return;
    }
    o.commands = {{"head", fmt::format("vllm serve {} --tensor-parallel-size {} --max-model-len {} "
                                       "--gpu-memory-utilization 0.90",
                                       repo.empty() ? "<HF repo of the model>" : repo,
                                       cand.vllm.tp, c.ctx)}};
}

}  // namespace

namespace {

void convert_price(const PlanData& d, const std::string& currency, PlanOption& o,
                   std::optional<catalog::ExchangeRate>& used) {
    if (!o.price || o.price->currency == currency) {
        return;
    }
    const auto v = catalog::convert_amount(o.price->amount, o.price->currency, currency, d.cloud->rates);
    if (!v) {
        o.price.reset();
        return;
    }
    for (const auto& r : d.cloud->rates) {
        if ((r.from == o.price->currency && r.to == currency) ||
            (r.to == o.price->currency && r.from == currency)) {
            used = r;
        }
    }
    o.price->amount = *v;
    o.price->currency = currency;
    o.price->converted = true;
}

bool full_gpu(const PlanOption& o) {
    return o.fits && o.placement.mode == estimate::PlacementMode::FullGpu;
}

// Answers every family (a family stops growing once the model is wholly on its GPUs).
std::vector<PlanCandidate> answer_all(const Context& c, PlanResult& r) {
    std::vector<PlanCandidate> answered;
    const std::uint64_t need = c.request.model->weight_bytes();
    for (auto& family : plan_families(c.request, c.data)) {
        for (auto& step : family.steps) {
            std::uint64_t memory = step.machine.cpu.ram_total_bytes;
            for (const auto& g : step.machine.gpus) {
                memory += g.memory_total_bytes;
            }
            const bool mine = step.option.kind == PlanKind::Have || step.option.kind == PlanKind::Fleet;
            if (memory < need && step.option.engine == PlanEngine::LlamaCpp && !mine) {
                continue;  // quick screen: not even the weights fit in all its memory
            }
            ++r.considered;
            if (step.option.engine == PlanEngine::Vllm) {
                answer_vllm_step(c, step, step.option);
            } else {
                answer_llama(c, step, step.option);
            }
            const bool stop = (family.stop_at_full_gpu && full_gpu(step.option)) ||
                              (family.stop_at_fit && step.option.fits);
            if (step.option.fits || mine) {
                r.fitting += step.option.fits ? 1 : 0;
                answered.push_back(std::move(step));
            }
            if (stop) {
                break;
            }
        }
    }
    return answered;
}

// Renting is the fallback: the cheapest rental that meets the target is always listed.
void add_best_rental(const std::vector<PlanOption>& options, const std::vector<std::size_t>& order,
                     std::vector<PlanOption>& shown) {
    const auto is_rental = [](const PlanOption& o) { return o.kind == PlanKind::Cloud; };
    if (std::any_of(shown.begin(), shown.end(), is_rental)) {
        return;
    }
    const PlanOption* best = nullptr;
    for (const auto i : order) {
        const auto& o = options[i];
        if (is_rental(o) && o.meets_target && o.price &&
            (best == nullptr || o.price->amount < best->price->amount)) {
            best = &o;
        }
    }
    if (best != nullptr) {
        shown.push_back(*best);
    }
}

}  // namespace

PlanResult plan(const PlanRequest& request, const PlanData& data) {
    assert(request.model != nullptr && data.hardware != nullptr && data.cloud != nullptr);
    const auto& model = *request.model;
    PlanResult r;
    r.ctx = request.ctx > 0 ? request.ctx
                            : (model.n_ctx_train > 0 ? std::min(model.n_ctx_train, kDefaultCtx)
                                                     : kDefaultCtx);
    r.target_tps = request.target_tps;
    r.currency = request.currency;
    Context c{request, data, r.ctx, {}, data.cloud->rpc_round_trips};
    const auto* net = data.cloud->find_network(request.network.empty() ? data.cloud->default_network
                                                                        : request.network);
    if (net != nullptr) {
        c.link = {net->gbit_per_s, net->latency_us};
        r.network = net->name;
    }
    if (request.latency_us) {
        c.link.latency_us = *request.latency_us;
    }
    r.network_gbit = c.link.gbit_per_s;
    r.latency_us = c.link.latency_us;
    auto answered = answer_all(c, r);
    std::vector<PlanOption> options;
    for (auto& a : answered) {
        convert_price(data, request.currency, a.option, r.rate);
        a.option.meets_target = a.option.fits && a.option.speed.decode_tps.p50 >= request.target_tps;
        options.push_back(a.option);
    }
    const auto order = rank_order(options, request.sort, request.budget);
    for (std::size_t i = 0; i < order.size() && r.options.size() < request.limit; ++i) {
        auto& o = options[order[i]];
        const auto& cand = answered[order[i]];
        if (o.fits && o.engine == PlanEngine::LlamaCpp) {
            o.max_ctx = fit_model(model, cand.machine, fit_request(c, true), data.memory_tuning,
                                  data.speed_tuning).max_ctx;
        }
        r.options.push_back(std::move(o));
    }
    add_best_rental(options, order, r.options);
    return r;
}

}  // namespace canrun::advise
