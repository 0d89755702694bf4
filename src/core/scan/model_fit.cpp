#include "scan/model_fit.h"

#include <algorithm>
#include <cassert>

#include "gguf/model_facts.h"

namespace canrun::scan {

std::uint32_t default_ctx(const FoundModel& m) {
    return m.n_ctx_train > 0 ? std::min(m.n_ctx_train, advise::kDefaultCtx) : advise::kDefaultCtx;
}

std::optional<ModelFit> fit_found_model(const FoundModel& m, const FitSetting& s, std::uint32_t ctx,
                                        bool find_max_ctx) {
    assert(s.machine != nullptr && s.tuning != nullptr);
    if (!m.facts) {
        return std::nullopt;
    }
    ModelFit out;
    out.ctx = ctx != 0 ? ctx : default_ctx(m);
    advise::FitRequest req;
    req.params.n_ctx = out.ctx;
    req.params.n_seq = 1;
    req.cpu_only = s.cpu_only;
    req.speed = s.speed;
    req.speed.quant = m.facts->quant;
    req.speed.ubatch = req.params.n_ubatch;
    req.find_max_ctx = find_max_ctx;
    const auto shape = gguf::to_model_shape(*m.facts);
    out.fit = advise::fit_model(shape, *s.machine, req, {}, *s.tuning);
    advise::ModelNames names;
    if (m.format == ModelFormat::Gguf && m.ollama_tag.empty()) {
        names.gguf_path = m.path;
    }
    names.ollama_tag = m.ollama_tag;
    names.quant = m.quant;
    if (m.format == ModelFormat::Safetensors) {
        names.hf_repo = !m.hf_repo.empty() ? m.hf_repo : m.path;  // vLLM serves a local folder too
        names.checkpoint = advise::checkpoint_format(m.checkpoint);
    }
    out.commands = advise::make_commands(advise::command_input(out.fit, shape, *s.machine, names, req));
    out.notes = m.notes;
    out.notes.insert(out.notes.end(), m.facts->notes.begin(), m.facts->notes.end());
    out.notes.insert(out.notes.end(), out.fit.notes.begin(), out.fit.notes.end());
    return out;
}

}  // namespace canrun::scan
