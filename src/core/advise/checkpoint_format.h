// Bytes per parameter of a model's published Hugging Face checkpoint: what vLLM loads (canrun's
// vLLM sizing in fit and plan). The widths come from the catalog record's `checkpoint`
// (data/models.json, docs/data-files.md): DeepSeek V3/R1 and Kimi K2 ship FP8 with 128x128 block
// scales, gpt-oss its routed experts in MXFP4. A record without one, and a model that is not in
// the catalog, is taken as 16-bit throughout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "catalog/model_catalog.h"
#include "estimate/model_shape.h"

namespace canrun::advise {

struct CheckpointFormat {
    double dense_bytes_per_param = 2.0;      // layer weights other than routed experts
    double expert_bytes_per_param = 2.0;     // routed experts
    double embedding_bytes_per_param = 2.0;  // token embedding and output head: 16-bit in all
    // The speed model has no vLLM kernels: decode streams the checkpoint's bytes and takes the
    // efficiency of the llama.cpp kernel family of the same width (BF16, or Q8_0 for FP8).
    std::string speed_quant = "BF16";
};

inline CheckpointFormat checkpoint_format(const std::optional<catalog::Checkpoint>& c) {
    CheckpointFormat f;
    if (!c) {
        return f;
    }
    f.dense_bytes_per_param = catalog::checkpoint_dtype_bytes(c->dtype).value_or(2.0);
    f.expert_bytes_per_param =
        c->experts_dtype.empty() ? f.dense_bytes_per_param
                                 : catalog::checkpoint_dtype_bytes(c->experts_dtype).value_or(2.0);
    f.speed_quant = c->dtype == "fp8" ? "Q8_0" : "BF16";
    return f;
}

// Token embedding plus output head parameters (one matrix when they are tied).
inline double embedding_params(const estimate::ModelShape& model) {
    const double one = static_cast<double>(model.n_embd) * model.n_vocab;
    return model.tied_embeddings ? one : 2 * one;
}

// The weights vLLM loads, in bytes: routed experts, the other layer weights and the embeddings
// each at their checkpoint width.
inline double checkpoint_weight_bytes(const estimate::ModelShape& model, const CheckpointFormat& f) {
    const double params = static_cast<double>(model.params);
    double experts = 0;
    for (const auto& l : model.layers) {
        experts += static_cast<double>(l.expert_params);
    }
    experts = experts < params ? experts : params;
    double embd = embedding_params(model);
    embd = embd < params - experts ? embd : 0.0;
    return f.dense_bytes_per_param * (params - experts - embd) +
           f.expert_bytes_per_param * experts + f.embedding_bytes_per_param * embd;
}

}  // namespace canrun::advise
