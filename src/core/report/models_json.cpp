#include "report/models_json.h"

#include <nlohmann/json.hpp>

namespace canrun::report {

namespace {

using nlohmann::ordered_json;

ordered_json or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json model_json(const ModelListing& row) {
    const auto& m = *row.model;
    ordered_json j;
    j["id"] = m.id;
    j["name"] = m.name;
    j["family"] = m.family;
    j["arch"] = m.arch.gguf_arch;
    j["params"] = m.params;
    j["active_params"] = m.active_params;
    j["vision_params"] = m.vision_params;
    j["layers"] = m.arch.n_layer;
    j["ctx_train"] = m.arch.n_ctx_train;
    j["moe"] = m.arch.n_expert > 0;
    j["q4_k_m_file_bytes"] = row.q4_k_m_bytes ? ordered_json(*row.q4_k_m_bytes) : ordered_json(nullptr);
    j["tasks"] = m.tasks;
    j["languages"] = m.languages;
    j["zh_strong"] = m.zh_strong;
    j["ollama"] = m.ollama ? ordered_json(m.ollama->ref()) : ordered_json(nullptr);
    j["ollama_default"] = m.ollama && m.ollama->is_default;
    j["hf"] = or_null(m.hf_original);
    j["hf_gguf"] = or_null(m.hf_gguf);
    j["modelscope"] = or_null(m.modelscope);
    j["license"] = m.license;
    j["released"] = m.released;
    if (m.quality) {
        j["quality"] = {{"metric", m.quality->metric}, {"score", m.quality->score},
                        {"source", m.quality->source}};
    } else {
        j["quality"] = nullptr;
    }
    j["source"] = m.source;
    return j;
}

}  // namespace

std::string models_to_json(const ModelsList& list) {
    ordered_json out;
    out["data_version"] = list.data_version;
    out["count"] = list.rows.size();
    out["models"] = ordered_json::array();
    for (const auto& row : list.rows) {
        out["models"].push_back(model_json(row));
    }
    return out.dump(2) + "\n";
}

}  // namespace canrun::report
