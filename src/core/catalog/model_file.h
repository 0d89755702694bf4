// `canrun fit <catalog id>`: the GGUF a catalog model would have at a quantization, predicted
// from its architecture and llama.cpp's quant recipe, so fit runs the same path as for a file.
#pragma once

#include <string>
#include <string_view>

#include "catalog/data_source.h"
#include "gguf/gguf_file.h"
#include "util/result.h"

namespace canrun::catalog {

struct PredictedModel {
    std::string id;     // catalog id, e.g. "qwen2.5:14b"
    std::string name;   // "Qwen2.5 14B Instruct"
    std::string quant;  // the mix used, e.g. "Q4_K_M"
    gguf::GgufFile file;
};

// True when MODEL names a file (it exists, or ends in .gguf / .json) rather than a catalog id.
bool is_model_path(std::string_view model);

// Resolves `query` in models.json and predicts its file. The quantization is `quant` if given,
// else the one in the query's tag ("qwen2.5:14b-instruct-q8_0"), else Q4_K_M. Errors: unknown
// model (exit 3, with suggestions), unknown quantization (exit 2), an architecture that cannot be
// predicted (exit 3).
Result<PredictedModel> predict_model_file(std::string_view query, std::string_view quant,
                                          const DataSourceOptions& data);

}  // namespace canrun::catalog
