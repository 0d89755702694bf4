#include "report/fit_json.h"

#include <nlohmann/json.hpp>

#include "report/explain_json.h"
#include "report/fit_object.h"
#include "report/speed_json.h"

namespace canrun::report {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string kv_type_name(const estimate::ContextParams& p) {
    const auto k = estimate::cache_type_info(p.type_k).name;
    const auto v = estimate::cache_type_info(p.type_v).name;
    return k == v ? std::string(k) : std::string(k) + "/" + std::string(v);
}

const char* swa_name(gguf::SwaKind k) {
    switch (k) {
        case gguf::SwaKind::None: return "none";
        case gguf::SwaKind::Standard: return "standard";
        case gguf::SwaKind::Chunked: return "chunked";
    }
    return "none";
}

Json bytes_by_class(const gguf::ModelFacts& f) {
    Json j = Json::object();
    for (int c = 0; c < gguf::kTensorClassCount; ++c) {
        j[std::string(gguf::tensor_class_id(static_cast<gguf::TensorClass>(c)))] = f.class_bytes[c];
    }
    return j;
}

std::uint32_t count_layers(const gguf::ModelFacts& f, bool gguf::LayerFacts::*flag) {
    std::uint32_t n = 0;
    for (const auto& l : f.layers) {
        n += (l.*flag) ? 1 : 0;
    }
    return n;
}

Json model_json(const FitReport& r) {
    const auto& f = r.facts;
    return Json{{"id", r.model_id},
                {"name", text_or_null(f.name)},
                {"arch", f.arch},
                {"params", f.params},
                {"active_params", f.active_params},
                {"layers", f.n_layer},
                {"file_bytes", f.file_bytes},
                {"quant", text_or_null(f.quant)},
                {"ctx_train", f.n_ctx_train},
                {"embedding_length", f.n_embd},
                {"vocab_size", f.n_vocab},
                {"experts", f.n_expert},
                {"experts_used", f.n_expert_used},
                {"kv_layers", count_layers(f, &gguf::LayerFacts::has_kv)},
                {"recurrent_layers", count_layers(f, &gguf::LayerFacts::recurrent)},
                {"sliding_window", swa_name(f.swa)},
                {"swa_layers", count_layers(f, &gguf::LayerFacts::sliding_window)},
                {"swa_window", f.swa == gguf::SwaKind::None ? 0 : f.n_swa},
                {"mla", f.mla},
                {"tensor_bytes", f.tensor_bytes},
                {"bytes_by_class", bytes_by_class(f)}};
}

Json context_json(const FitReport& r) {
    const auto& c = r.memory.context;
    return Json{{"n_ctx", c.n_ctx},         {"n_ctx_seq", c.n_ctx_seq},
                {"n_seq", c.n_seq},         {"unified", r.params.kv_unified},
                {"n_ubatch", c.n_ubatch},   {"swa_cells", c.swa_cells},
                {"n_kv", c.n_kv}};
}

Json memory_json(const FitReport& r) {
    const auto& m = r.memory;
    const Json cpu = Json{{"device", "CPU"},
                          {"kind", "cpu"},
                          {"bytes", m.total_bytes()},
                          {"budget_bytes", nullptr},
                          {"layers", r.facts.n_layer}};
    return Json{{"weights_bytes", m.weights_bytes},
                {"kv_bytes", m.context_bytes()},
                {"compute_bytes", m.compute_bytes()},
                {"overhead_bytes", m.overhead_bytes},
                {"total_bytes", m.total_bytes()},
                {"kv_cache_bytes", m.kv_bytes},
                {"recurrent_state_bytes", m.state_bytes},
                {"kv_bytes_per_token", m.kv_bytes_per_token},
                {"compute_buffer_bytes", m.compute.device_bytes + m.compute.host_bytes},
                {"output_buffer_bytes", m.output_buffer_bytes},
                {"input_layer_bytes", m.token_embd_bytes},
                {"output_layer_bytes", m.output_bytes},
                {"devices", Json::array({cpu})}};
}

// Placement, speed, max context and commands on a machine (report/fit_object).
void add_machine_answer(Json& j, const FitReport& r) {
    const auto& fit = *r.fit;
    j["memory"]["devices"] = report::memory_json(fit, *r.machine)["devices"];
    j["memory"]["backend"] = fit.backend == estimate::Backend::Cpu ? "cpu" : "gpu";
    const Json placement = placement_json(fit);
    j["placement"] = placement;
    if (fit.placement.mode == estimate::PlacementMode::WontFit) {
        j["speed"] = nullptr;
    } else {
        j["speed"] = speed_to_json(fit.speed, r.speed_query, r.explain);
    }
    j["max_ctx"] = fit.max_ctx;
    j["max_ctx_full_gpu"] = fit.max_ctx_full_gpu;
    j["commands"] = commands_json(r.commands);
    Json alts = Json::array();
    for (const auto& a : r.alternatives) {
        alts.push_back({{"kind", a.kind},
                        {"model", a.model_id},
                        {"quant", a.quant},
                        {"ctx", a.ctx},
                        {"mode", estimate::to_string(a.mode)},
                        {"decode_tps", a.decode_tps},
                        {"total_bytes", a.total_bytes}});
    }
    j["alternatives"] = alts;
    j["notes"] = r.notes;
    if (r.explain) {
        j["explain"] = explain_json(explain_report(r));
    }
}

}  // namespace

std::string fit_to_json(const FitReport& r) {
    Json j{{"model", model_json(r)},
           {"quant", text_or_null(r.facts.quant)},
           {"ctx", fit_ctx(r)},
           {"parallel", r.memory.context.n_seq},
           {"kv_type", kv_type_name(r.params)},
           {"flash_attn", r.memory.context.flash_attn},
           {"context", context_json(r)},
           {"memory", memory_json(r)},
           {"placement", Json{{"mode", r.placement_mode},
                              {"gpu_layers", r.gpu_layers},
                              {"total_layers", r.facts.n_layer}}},
           {"notes", r.notes}};
    if (r.fit && r.machine != nullptr) {
        add_machine_answer(j, r);
    }
    return j.dump(2) + "\n";
}

}  // namespace canrun::report
