#include "estimate/speed_split.h"

namespace canrun::estimate {

namespace {

struct ParamRatios {
    double dense = 0;   // parameters per byte of non-expert weights
    double expert = 0;  // parameters per byte of routed-expert weights
};

ParamRatios param_ratios(const ModelShape& model) {
    double dense_bytes = static_cast<double>(model.output_bytes + model.other_bytes);
    double dense_params = 0;
    double expert_bytes = 0;
    double expert_params = 0;
    for (const auto& l : model.layers) {
        dense_bytes += static_cast<double>(l.weight_bytes - l.expert_weight_bytes);
        dense_params += static_cast<double>(l.weight_params - l.expert_params);
        expert_bytes += static_cast<double>(l.expert_weight_bytes);
        expert_params += static_cast<double>(l.expert_params);
    }
    ParamRatios r;
    // The output layer has about as many parameters as the embedding: n_embd x n_vocab.
    dense_params += static_cast<double>(model.n_embd) * model.n_vocab;
    r.dense = dense_bytes > 0 ? dense_params / dense_bytes : 0;
    r.expert = expert_bytes > 0 ? expert_params / expert_bytes : r.dense;
    return r;
}

std::uint64_t sat_sub(std::uint64_t a, std::uint64_t b) { return a > b ? a - b : 0; }

DeviceLoad device_load(const ModelShape& model, const Placement& placement,
                       const DevicePlacement& d, const ParamRatios& r, std::uint32_t ctx) {
    DeviceLoad out;
    out.gpu = d.gpu;
    out.layers = d.layers;
    std::uint64_t dense = sat_sub(d.weight_bytes, d.expert_bytes);
    // The input embedding is a row lookup, except where it doubles as the output matrix (tied
    // embeddings, output on the CPU): then every token reads it whole.
    const bool embd_is_output = model.tied_embeddings && !placement.output_on_gpu;
    if (d.gpu < 0 && !embd_is_output) {
        dense = sat_sub(dense, model.token_embd_bytes);
    }
    out.dense_weight_bytes = dense;
    out.expert_weight_bytes = d.expert_bytes;
    out.dense_params = static_cast<std::uint64_t>(static_cast<double>(dense) * r.dense);
    out.expert_params = static_cast<std::uint64_t>(static_cast<double>(d.expert_bytes) * r.expert);
    out.kv_bytes_per_token = ctx > 0 ? d.kv_bytes / ctx : 0;
    return out;
}

}  // namespace

SpeedSplit speed_split(const ModelShape& model, const Placement& placement, std::uint32_t ctx) {
    const ParamRatios r = param_ratios(model);
    SpeedSplit split;
    for (const auto& d : placement.devices) {
        if (d.gpu < 0 && (d.layers > 0 || d.expert_bytes > 0 || !placement.output_on_gpu)) {
            split.devices.push_back(device_load(model, placement, d, r, ctx));
        }
    }
    for (const auto& d : placement.devices) {
        if (d.gpu >= 0 && d.layers > 0) {
            split.devices.push_back(device_load(model, placement, d, r, ctx));
        }
    }
    return split;
}

}  // namespace canrun::estimate
