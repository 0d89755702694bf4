// The three parts of the speed estimate (decode, prefill, load), each a p50 in seconds, plus
// the trace they leave for --explain. Internal to estimate/speed*.cpp.
#pragma once

#include <string>
#include <vector>

#include "estimate/machine.h"
#include "estimate/model_shape.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"

namespace canrun::estimate {

struct SpeedTrace {
    std::vector<SpeedTerm> terms;
    std::vector<std::string> notes;

    void term(std::string key, double value, std::string unit) {
        terms.push_back(SpeedTerm{std::move(key), value, std::move(unit)});
    }
    void note(const std::string& id) {
        for (const auto& n : notes) {
            if (n == id) {
                return;
            }
        }
        notes.push_back(id);
    }
};

struct SpeedInputs {
    const ModelShape& model;
    const Machine& machine;
    const SpeedSplit& split;
    const SpeedQuery& query;
    const SpeedTuning& tuning;
};

// Bytes a device reads of its weights per generated token (dense + the used experts' share).
double active_weight_bytes(const ModelShape& model, const DeviceLoad& d);

// Parameters a device multiplies per token (dense + the used experts' share).
double active_params(const ModelShape& model, const DeviceLoad& d);

// "gpu0", "cpu": the device part of term keys.
std::string device_key(const DeviceLoad& d);

// Seconds per generated token at query.context_depth; 0 when a bandwidth is unknown.
double decode_seconds(const SpeedInputs& in, SpeedTrace& trace);

// Seconds to process query.prompt_tokens of prompt; 0 when compute is unknown.
double prefill_seconds(const SpeedInputs& in, SpeedTrace& trace);

// Load time: p10, p50, p90 in seconds.
Range load_seconds(const SpeedInputs& in, SpeedTrace& trace);

}  // namespace canrun::estimate
