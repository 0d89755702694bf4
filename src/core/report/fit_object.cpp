#include "report/fit_object.h"

#include "report/speed_json.h"

namespace canrun::report {

namespace {

Json device_json(const estimate::DevicePlacement& d) {
    return Json{{"device", d.device},
                {"kind", d.gpu < 0 ? "cpu" : "gpu"},
                {"bytes", d.bytes},
                {"budget_bytes", d.budget_bytes},
                {"layers", d.layers},
                {"weights_bytes", d.weight_bytes},
                {"kv_bytes", d.kv_bytes},
                {"expert_bytes", d.expert_bytes},
                {"holds_output", d.holds_output}};
}

}  // namespace

Json model_summary_json(const ModelSummary& m) {
    return Json{{"id", m.id},
                {"name", m.name},
                {"arch", m.arch},
                {"params", m.params},
                {"active_params", m.active_params},
                {"layers", m.layers},
                {"file_bytes", m.file_bytes}};
}

Json memory_json(const advise::FitResult& fit, const estimate::Machine& /*machine*/) {
    const auto& m = fit.memory;
    Json devices = Json::array();
    for (const auto& d : fit.placement.devices) {
        if (d.gpu < 0 || d.layers > 0 || d.holds_output) {
            devices.push_back(device_json(d));
        }
    }
    return Json{{"weights_bytes", m.weights_bytes},
                {"kv_bytes", m.context_bytes()},
                {"compute_bytes", m.compute_bytes()},
                {"overhead_bytes", m.overhead_bytes},
                {"total_bytes", m.total_bytes()},
                {"kv_bytes_per_token", m.kv_bytes_per_token},
                {"backend", fit.backend == estimate::Backend::Cpu ? "cpu" : "gpu"},
                {"devices", devices}};
}

Json placement_json(const advise::FitResult& fit) {
    const auto& p = fit.placement;
    Json j{{"mode", estimate::to_string(p.mode)},
           {"gpu_layers", p.gpu_layers},
           {"total_layers", p.total_layers},
           {"output_on_gpu", p.output_on_gpu},
           {"cpu_moe_layers", p.cpu_moe_layers},
           {"gpu_split", p.gpu_split}};
    if (p.mode == estimate::PlacementMode::WontFit) {
        j["shortfall_bytes"] = p.shortfall_bytes;
    }
    return j;
}

Json commands_json(const advise::Commands& c) {
    auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
    return Json{{"ollama", or_null(c.ollama)},
                {"llama_cpp", or_null(c.llama_cpp)},
                {"lm_studio", or_null(c.lm_studio)},
                {"vllm", or_null(c.vllm)},
                {"modelscope", or_null(c.modelscope)}};
}

Json fit_object(const ModelSummary& model, const std::string& quant, const std::string& kv_type,
                const advise::FitResult& fit, const estimate::Machine& machine, const advise::Commands& commands,
                const estimate::SpeedQuery& speed_query, const std::vector<std::string>& notes,
                bool explain) {
    const auto& ctx = fit.memory.context;
    Json j{{"model", model_summary_json(model)},
           {"quant", quant},
           {"ctx", ctx.n_ctx_seq},
           {"kv_type", kv_type},
           {"flash_attn", ctx.flash_attn},
           {"memory", memory_json(fit, machine)},
           {"placement", placement_json(fit)}};
    if (fit.placement.mode != estimate::PlacementMode::WontFit) {
        j["speed"] = speed_to_json(fit.speed, speed_query, explain);
    } else {
        j["speed"] = nullptr;
    }
    j["max_ctx"] = fit.max_ctx;
    j["max_ctx_full_gpu"] = fit.max_ctx_full_gpu;
    j["commands"] = commands_json(commands);
    j["notes"] = notes;
    return j;
}

}  // namespace canrun::report
