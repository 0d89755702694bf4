// The answer of `canrun fit MODEL` without the printing: read the model's header (or predict it
// for a catalog id), estimate the memory of a llama.cpp run, place it on the machine (this one or
// --hw ...), estimate its speed and the largest context, and find the commands. Shared by
// commands/fit.cpp and the web API (/api/fit), so both give the same figures.
#include "fit_flow.h"

#include <algorithm>
#include <filesystem>
#include <string>

#include "answer.h"
#include "bench/bench_store.h"
#include "bench/calibration.h"
#include "catalog/model_catalog.h"
#include "catalog/model_file.h"
#include "catalog/quants_catalog.h"
#include "catalog/speed_tuning.h"
#include "environment.h"
#include "estimate/memory.h"
#include "gguf/gguf_file.h"
#include "gguf/model_facts.h"
#include "machine_source.h"

namespace canrun::cli {

namespace {

constexpr std::uint32_t kDefaultCtx = 8192;

// --ctx is the context of each sequence; --parallel N runs N of them like Ollama does
// (llama-server -c ctx*N -np N, one stream per sequence).
estimate::ContextParams context_params(const FitOptions& f, const gguf::ModelFacts& facts) {
    estimate::ContextParams p;
    std::uint64_t ctx = f.ctx.value_or(0);
    if (ctx == 0) {
        ctx = facts.n_ctx_train > 0 ? std::min(facts.n_ctx_train, kDefaultCtx) : kDefaultCtx;
    }
    p.n_seq = std::max<std::uint32_t>(1, f.parallel);
    p.n_ctx = static_cast<std::uint32_t>(std::min<std::uint64_t>(ctx * p.n_seq, 0x7FFFFF00ULL));
    p.kv_unified = false;
    p.n_batch = f.batch;
    p.n_ubatch = f.ubatch;
    const auto kv = estimate::cache_type_by_name(f.kv_type).value_or(estimate::CacheType::F16);
    p.type_k = kv;
    p.type_v = kv;
    p.flash_attn = flash_attn_of(f.flash_attn);
    return p;
}

Error usage_error(const FitOptions& f, estimate::ContextProblem problem) {
    switch (problem) {
        case estimate::ContextProblem::QuantizedVNeedsFlashAttn:
            return {ExitCode::Usage,
                    "--kv-type " + f.kv_type + " quantizes the V cache, which llama.cpp only allows "
                    "with flash attention; use --flash-attn on (or auto), or --kv-type f16"};
        case estimate::ContextProblem::KBlockDoesNotDivideHead:
        case estimate::ContextProblem::VBlockDoesNotDivideHead:
            break;
    }
    return {ExitCode::Usage, f.model + ": --kv-type " + f.kv_type +
                                 " does not fit this model's head size (llama.cpp refuses it); "
                                 "use --kv-type f16 or q8_0"};
}

std::vector<std::string> collect_notes(const report::FitReport& r, const FitOptions& f) {
    std::vector<std::string> notes = r.facts.notes;
    if (!f.ctx) {
        notes.emplace_back("fit.default_ctx");
    }
    if (f.parallel > 1) {
        notes.emplace_back("fit.parallel");
    }
    if (!f.backend.empty() && f.backend != "cpu") {
        notes.emplace_back("fit.backend_ignored");
    }
    if (!f.quant.empty()) {
        notes.emplace_back("fit.quant_ignored");
    }
    notes.insert(notes.end(), r.memory.notes.begin(), r.memory.notes.end());
    notes.emplace_back("fit.mmap");
    return notes;
}

// The names runners use: the file itself, or the catalog record's repos and tags.
advise::ModelNames model_names(const FitOptions& f, bool from_catalog, const std::string& id,
                               const std::string& quant, const catalog::DataSourceOptions& data) {
    advise::ModelNames n;
    if (!from_catalog) {
        n.gguf_path = f.model;
        return n;
    }
    const auto models = catalog::load_model_catalog(data);
    const auto* m = models ? models->find_id(id) : nullptr;
    return m != nullptr ? catalog_model_names(*m, quant) : n;
}

// Smaller quant, shorter context, smaller sibling — when the answer is not "wholly on the GPU at
// reading speed". Catalog models only get the first and last.
void add_alternatives(const Options& o, const catalog::DataSourceOptions& data,
                      const advise::FitRequest& req, const estimate::SpeedTuning& tuning,
                      report::FitReport& r) {
    constexpr double kMinTps = 10;  // as recommend's default floor
    const auto models = catalog::load_model_catalog(data);
    const auto quants = catalog::load_quants_catalog(data);
    if (!models || !quants) {
        return;
    }
    advise::AlternativesInput in;
    in.model = catalog::is_model_path(o.fit.model) ? nullptr : models->find_id(r.model_id);
    in.quant = r.facts.quant;
    in.fit = &*r.fit;
    r.alternatives = advise::find_alternatives(in, *models, *quants, *r.machine, req, kMinTps, {},
                                               tuning);
}

// Places the model on the machine the options name and fills r.fit, r.commands.
Result<bool> answer_on_machine(const Options& o, const estimate::ModelShape& shape,
                               const advise::ModelNames& names, report::FitReport& r) {
    const auto data = data_options(o.global);
    auto machine = resolve_machine(o.fit.hardware, data);
    if (!machine) {
        return tl::unexpected(machine.error());
    }
    auto tuning = catalog::load_speed_tuning(data);
    if (!tuning) {
        return tl::unexpected(tuning.error());
    }
    advise::FitRequest req;
    req.params = r.params;
    req.cpu_only = o.fit.hardware.cpu_only;
    req.speed.quant = r.facts.quant;
    req.speed.ubatch = r.params.n_ubatch;
    const auto& h = o.fit.hardware;
    if (!machine->profile && h.sysroot == "/" && h.snapshot.empty()) {
        const auto path = bench::bench_record_path(env("XDG_CONFIG_HOME"), env("HOME"));
        if (auto cal = bench::calibrate_from_file(path, *tuning, machine->machine)) {
            req.speed.cpu_rates = cal->rates;
        }
    }
    r.machine_holder = std::make_shared<const estimate::Machine>(std::move(machine->machine));
    r.machine = r.machine_holder.get();
    r.fit = advise::fit_model(shape, *r.machine, req, {}, *tuning);
    r.memory = r.fit->memory;
    r.speed_query = req.speed;
    r.commands = advise::make_commands(advise::command_input(*r.fit, shape, *r.machine, names, req));
    add_alternatives(o, data, req, *tuning, r);
    return true;
}

}  // namespace

Result<report::FitReport> fit_report(const Options& o) {
    const auto& f = o.fit;
    // ---- catalog id (models helper): a MODEL that is not a file is looked up in data/models.json
    // and its GGUF predicted from the architecture and the --quant recipe (default Q4_K_M); the
    // rest of fit runs unchanged on that header. ----
    std::string model_id = std::filesystem::path(f.model).filename().string();
    const bool from_catalog = !catalog::is_model_path(f.model);
    const auto file = [&]() -> Result<gguf::GgufFile> {
        if (!from_catalog) return gguf::read_gguf_model(f.model);
        auto predicted = catalog::predict_model_file(f.model, f.quant,
                                                     catalog::default_data_source(o.global.data_dir));
        if (!predicted) return tl::unexpected(predicted.error());
        model_id = predicted->id;
        return std::move(predicted->file);
    }();
    // ---- end catalog id ----
    if (!file) {
        return tl::unexpected(file.error());
    }
    const auto facts = gguf::extract_facts(*file);
    if (!facts) {
        return fail(f.model + ": " + facts.error().message, facts.error().code);
    }
    report::FitReport r;
    r.model_id = model_id;
    r.facts = *facts;
    r.params = context_params(f, r.facts);
    const auto shape = gguf::to_model_shape(r.facts);
    if (const auto problem = estimate::check_context(shape, r.params)) {
        return tl::unexpected(usage_error(f, *problem));
    }
    r.memory = estimate::estimate_memory(shape, r.params, estimate::Backend::Cpu);
    const auto names = model_names(f, from_catalog, model_id, r.facts.quant, data_options(o.global));
    if (auto placed = answer_on_machine(o, shape, names, r); !placed) {
        return tl::unexpected(placed.error());
    }
    r.explain = o.global.explain;
    if (r.explain) {  // weights by class and type (report/fit_explanation)
        r.weight_classes = report::weight_classes(*file);
    }
    r.notes = collect_notes(r, f);
    if (from_catalog) {  // catalog id: --quant was used (models helper)
        std::erase(r.notes, std::string("fit.quant_ignored"));
    }
    return r;
}

}  // namespace canrun::cli
