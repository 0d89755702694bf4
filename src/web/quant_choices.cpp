#include "quant_choices.h"

#include <nlohmann/json.hpp>

#include "answer.h"
#include "catalog/model_file.h"
#include "catalog/name_resolver.h"
#include "gguf/llama_ftype.h"

namespace canrun::web {

namespace {

using Json = nlohmann::ordered_json;

HttpError http_error_of(const Error& e, int status) { return HttpError{status, e.message}; }

Json quant_json(const catalog::CatalogModel& m, const catalog::QuantInfo& q) {
    Json j = {{"name", q.name},
              {"bulk_type", q.bulk_type},
              {"nominal_bpw", q.nominal_bpw},
              {"needs_imatrix", q.needs_imatrix}};
    if (cli::ollama_tag_holds(m, q.name)) {
        j["ollama_tag"] = m.ollama->ref();
    }
    if (!q.note.empty()) {
        j["note"] = q.note;
    }
    return j;
}

}  // namespace

bool producible_quant(const catalog::CatalogModel& model, const catalog::QuantInfo& quant) {
    const auto ftype = gguf::llama_ftype_by_name(quant.name);
    if (!ftype) {
        return false;
    }
    switch (ftype->ftype) {
        case gguf::LlamaFtype::MXFP4_MOE:
            return model.default_quant() == "MXFP4_MOE";  // published with MXFP4 experts
        case gguf::LlamaFtype::TQ1_0:
        case gguf::LlamaFtype::TQ2_0:
            return model.arch.gguf_arch.rfind("bitnet", 0) == 0;
        default:
            return true;
    }
}

HttpResult<std::string> quant_choices_json(const std::string& model,
                                           const catalog::DataSourceOptions& data) {
    const auto models = catalog::load_model_catalog(data);
    const auto quants = catalog::load_quants_catalog(data);
    if (!models || !quants) {
        return tl::unexpected(http_error_of(!models ? models.error() : quants.error(), 500));
    }
    const auto resolved = catalog::resolve_model(*models, model);
    if (!resolved) {
        return tl::unexpected(http_error_of(resolved.error(), 404));
    }
    // The same choice as `canrun fit MODEL` without --quant (the tag's quant, else the default).
    const auto predicted = catalog::predict_model_file(model, "", data);
    if (!predicted) {
        return tl::unexpected(http_error_of(predicted.error(), 500));
    }
    const catalog::CatalogModel& m = *resolved->model;
    Json list = Json::array();
    for (const auto& q : quants->quants) {
        if (producible_quant(m, q)) {
            list.push_back(quant_json(m, q));
        }
    }
    const Json out = {{"model", {{"id", m.id}, {"name", m.name}}},
                      {"default", predicted->quant},
                      {"quants", list}};
    return out.dump(2) + "\n";
}

}  // namespace canrun::web
