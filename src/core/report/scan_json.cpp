#include <nlohmann/json.hpp>

#include "report/fit_object.h"
#include "report/scan_report.h"

namespace canrun::report {

namespace {

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json fit_json(const ScanEntry& e, const estimate::Machine& machine, bool explain) {
    const auto& m = *e.model;
    const auto& f = *m.facts;
    const ModelSummary summary{m.name, f.name.empty() ? m.name : f.name, m.arch, m.params,
                               f.active_params, f.n_layer, m.file_bytes};
    estimate::SpeedQuery q;
    q.quant = f.quant;
    return fit_object(summary, m.quant, "f16", e.fit->fit, machine, e.fit->commands, q,
                      e.fit->notes, explain);
}

Json model_json(const ScanEntry& e, const ScanView& v) {
    const auto& m = *e.model;
    Json j{{"path", m.path},
           {"store", scan::store_id(m.store)},
           {"name", m.name},
           {"arch", m.arch},
           {"params", m.params},
           {"quant", m.quant},
           {"file_bytes", m.file_bytes},
           {"format", m.format == scan::ModelFormat::Gguf ? "gguf" : "safetensors"},
           {"shards", m.shards},
           {"n_ctx_train", m.n_ctx_train},
           {"ollama_tag", or_null(m.ollama_tag)},
           {"hf_repo", or_null(m.hf_repo)},
           {"aliases", m.aliases},
           {"also_at", m.also_at}};
    j["fit"] = e.fit ? fit_json(e, *v.machine, v.explain) : Json(nullptr);
    j["notes"] = m.notes;
    return j;
}

Json loaded_json(const LoadedEntry& l) {
    const auto& o = *l.loaded;
    Json j{{"name", o.name},
           {"size_bytes", o.size_bytes},
           {"size_vram_bytes", o.size_vram_bytes},
           {"context_length", o.context_length},
           {"quant", o.quant},
           {"parameter_size", o.parameter_size},
           {"arch", or_null(o.arch)},
           {"params", o.params},
           {"expires_at", o.expires_at},
           {"path", l.model != nullptr ? Json(l.model->path) : Json(nullptr)}};
    if (l.estimate) {
        const auto& f = l.estimate->fit;
        std::uint64_t gpu = 0;
        for (const auto& d : f.placement.devices) gpu += d.gpu >= 0 ? d.bytes : 0;
        j["estimate"] = {{"ctx", l.estimate->ctx},
                         {"total_bytes", f.memory.total_bytes()},
                         {"gpu_bytes", gpu},
                         {"placement", estimate::to_string(f.placement.mode)}};
    } else {
        j["estimate"] = nullptr;
    }
    return j;
}

Json ollama_json(const ScanView& v) {
    if (v.ollama == nullptr) return nullptr;
    const auto& o = *v.ollama;
    Json loaded = Json::array();
    for (const auto& l : v.loaded) loaded.push_back(loaded_json(l));
    return Json{{"host", o.host},
                {"reachable", o.reachable},
                {"error", or_null(o.error)},
                {"models", o.models},
                {"loaded", loaded}};
}

}  // namespace

std::string scan_to_json(const ScanView& v) {
    const auto& r = *v.result;
    Json models = Json::array();
    std::uint64_t total = 0;
    for (const auto& e : v.entries) {
        models.push_back(model_json(e, v));
        total += e.model->file_bytes;
    }
    Json dups = Json::array();
    for (const auto& d : r.duplicates) {
        dups.push_back({{"paths", d.paths}, {"file_bytes", d.file_bytes},
                        {"wasted_bytes", d.wasted_bytes}, {"evidence", d.evidence}});
    }
    Json notes = Json::array();
    for (const auto& n : r.notes) {
        notes.push_back({{"id", n.id}, {"path", n.path}, {"detail", n.detail}});
    }
    Json j{{"models", models},
           {"total_file_bytes", total},
           {"duplicates", dups},
           {"roots", r.roots},
           {"files_seen", r.files_seen},
           {"machine", v.machine != nullptr ? Json(v.machine->name) : Json(nullptr)},
           {"ollama", ollama_json(v)},
           {"notes", notes}};
    return j.dump(2) + "\n";
}

}  // namespace canrun::report
