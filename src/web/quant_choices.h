// The quantizations the page offers for one catalog model (GET /api/quants?model=ID): those in
// data/quants.json that llama.cpp's quantizer can produce for the model's architecture, with the
// one `canrun fit MODEL` picks when no --quant is given, and the Ollama tag that holds a quant.
#pragma once

#include <string>

#include "catalog/data_source.h"
#include "catalog/model_catalog.h"
#include "catalog/quants_catalog.h"
#include "http_reply.h"

namespace canrun::web {

// Whether llama-quantize makes `quant` for `model`: MXFP4_MOE only for gpt-oss (the MXFP4 expert
// path, llama.cpp PR 15091), TQ1_0/TQ2_0 only for ternary-trained models (BitNet), and only
// names llama.cpp can still write.
bool producible_quant(const catalog::CatalogModel& model, const catalog::QuantInfo& quant);

// {"model": {"id", "name"}, "default": "Q4_K_M", "quants": [{"name", "bulk_type", "nominal_bpw",
// "needs_imatrix", "ollama_tag"?, "note"?}]} in data/quants.json's order.
// 404 for a model not in the catalog (the resolver's message), 500 for unreadable data.
HttpResult<std::string> quant_choices_json(const std::string& model,
                                           const catalog::DataSourceOptions& data);

}  // namespace canrun::web
