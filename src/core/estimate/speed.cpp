#include "estimate/speed.h"

#include "estimate/speed_lookup.h"
#include "estimate/speed_parts.h"

namespace canrun::estimate {

namespace {

double expert_share(const ModelShape& model) {
    if (model.n_expert == 0 || model.n_expert_used == 0) {
        return 1.0;
    }
    return static_cast<double>(model.n_expert_used) / model.n_expert;
}

Range tps_range(double seconds_per_token, const Spread& spread) {
    if (seconds_per_token <= 0) {
        return Range{};
    }
    const double p50 = 1.0 / seconds_per_token;
    return Range{p50 * spread.low, p50, p50 * spread.high};
}

bool is_calibrated(const SpeedInputs& in) {
    for (const auto& d : in.split.devices) {
        if (d.gpu < 0 && !cpu_rate_measured(in.query, quant_family(in.query.quant))) {
            return false;
        }
    }
    return in.machine.calibrated;
}

}  // namespace

double active_weight_bytes(const ModelShape& model, const DeviceLoad& d) {
    return static_cast<double>(d.dense_weight_bytes) +
           static_cast<double>(d.expert_weight_bytes) * expert_share(model);
}

double active_params(const ModelShape& model, const DeviceLoad& d) {
    return static_cast<double>(d.dense_params) +
           static_cast<double>(d.expert_params) * expert_share(model);
}

std::string device_key(const DeviceLoad& d) {
    return d.gpu < 0 ? std::string("cpu") : "gpu" + std::to_string(d.gpu);
}

SpeedSplit whole_model_on(const ModelShape& model, int gpu, std::uint64_t kv_bytes_per_token) {
    DeviceLoad d;
    d.gpu = gpu;
    d.layers = model.n_layer();
    d.kv_bytes_per_token = kv_bytes_per_token;
    // The input embedding is a row lookup, not read whole per token; the rest is.
    d.dense_weight_bytes = model.output_bytes + model.other_bytes;
    if (model.tied_embeddings) {
        d.dense_weight_bytes += model.token_embd_bytes;  // it doubles as the output matrix
    }
    std::uint64_t layer_params = 0;
    for (const auto& l : model.layers) {
        d.dense_weight_bytes += l.weight_bytes - l.expert_weight_bytes;
        d.expert_weight_bytes += l.expert_weight_bytes;
        d.dense_params += l.weight_params - l.expert_params;
        d.expert_params += l.expert_params;
        layer_params += l.weight_params;
    }
    // Output-layer parameters: what the model has beyond its layers and one embedding copy.
    const std::uint64_t outside = model.params > layer_params ? model.params - layer_params : 0;
    const std::uint64_t embd = static_cast<std::uint64_t>(model.n_embd) * model.n_vocab;
    d.dense_params += model.tied_embeddings ? embd : (outside > embd ? outside - embd : 0);
    SpeedSplit split;
    split.devices.push_back(d);
    return split;
}

SpeedEstimate estimate_speed(const ModelShape& model, const Machine& machine,
                             const SpeedSplit& split, const SpeedQuery& query,
                             const SpeedTuning& tuning) {
    const SpeedInputs in{model, machine, split, query, tuning};
    SpeedTrace trace;
    SpeedEstimate out;
    out.calibrated = is_calibrated(in);
    const double decode = decode_seconds(in, trace);
    const double prefill = prefill_seconds(in, trace);
    out.decode_tps =
        tps_range(decode, out.calibrated ? tuning.decode_calibrated : tuning.decode_uncalibrated);
    const Spread pre = out.calibrated ? tuning.prefill_calibrated : tuning.prefill_uncalibrated;
    if (prefill > 0) {
        out.prefill_tps = tps_range(prefill / query.prompt_tokens, pre);
        const double ttft = prefill + decode;
        out.ttft_s = Range{ttft / pre.high, ttft, ttft / pre.low};
    }
    out.load_s = load_seconds(in, trace);
    out.terms = std::move(trace.terms);
    out.notes = std::move(trace.notes);
    return out;
}

}  // namespace canrun::estimate
