#include "environment.h"
#include "answer.h"

#include <cstdlib>

#include "advise/fit.h"
#include "bench/bench_store.h"
#include "bench/calibration.h"
#include "catalog/speed_tuning.h"
#include "estimate/cache_type.h"
#include "util/strings.h"

namespace canrun::cli {

namespace {


advise::RecommendRequest request_of(const RecommendOptions& r, report::Lang lang) {
    advise::RecommendRequest req;
    req.use = r.use;
    req.min_tps = r.min_tps;
    req.prefer_zh = lang == report::Lang::Zh;
    req.fit.params.n_ctx = r.ctx.value_or(0);
    const auto kv = estimate::cache_type_by_name(r.kv_type).value_or(estimate::CacheType::F16);
    req.fit.params.type_k = kv;
    req.fit.params.type_v = kv;
    req.fit.params.flash_attn = flash_attn_of(r.flash_attn);
    req.fit.cpu_only = r.hardware.cpu_only;
    return req;
}

}  // namespace

estimate::FlashAttn flash_attn_of(const std::string& s) {
    if (s == "on") {
        return estimate::FlashAttn::On;
    }
    return s == "off" ? estimate::FlashAttn::Off : estimate::FlashAttn::Auto;
}

bool ollama_tag_holds(const catalog::CatalogModel& m, std::string_view quant) {
    return m.ollama && to_lower(m.ollama->quant) == to_lower(quant);
}

// What `ollama run` takes for the model at `quant`: the library tag when it holds that
// quantization, else the GGUF repo through Ollama's Hugging Face support (`hf.co/ORG/REPO:QUANT`,
// huggingface.co/docs/hub/ollama), else nothing: a tag of another quantization would run a
// different size than the one estimated.
std::string ollama_name(const catalog::CatalogModel& m, const std::string& quant) {
    if (m.ollama && (quant.empty() || ollama_tag_holds(m, quant))) {
        return m.ollama->ref();
    }
    if (!m.hf_gguf.empty() && !quant.empty()) {
        return "hf.co/" + m.hf_gguf + ":" + quant;
    }
    return {};
}

// Names each runner uses for a catalog model at a quantization.
advise::ModelNames catalog_model_names(const catalog::CatalogModel& m, const std::string& quant) {
    advise::ModelNames n;
    // gpt-oss ships in one MXFP4 build; its repos name no quantization.
    n.quant = quant == "MXFP4_MOE" ? "" : quant;
    n.hf_gguf_repo = m.hf_gguf;
    n.hf_repo = m.hf_original;
    n.checkpoint = advise::checkpoint_format(m.checkpoint);
    n.modelscope_repo = m.modelscope;
    if (!m.modelscope.empty() && m.modelscope.find("GGUF") != std::string::npos) {
        n.modelscope_file = gguf_file_name(m.modelscope, quant);
    }
    n.ollama_tag = ollama_name(m, n.quant);
    const auto slash = m.hf_original.find('/');
    n.lms_key = slash == std::string::npos ? "" : to_lower(m.hf_original.substr(slash + 1));
    return n;
}

namespace {

}  // namespace

std::string gguf_file_name(const std::string& repo, const std::string& quant) {
    std::string name = repo.substr(repo.find('/') + 1);
    const auto pos = to_lower(name).rfind("-gguf");
    if (pos != std::string::npos) {
        name = name.substr(0, pos);
    }
    return to_lower(name + "-" + quant + ".gguf");
}

Result<std::unique_ptr<Answer>> classify(const Options& o) {
    auto a = std::make_unique<Answer>();
    a->lang = lang_of(o.global);
    const auto data = data_options(o.global);
    auto machine = resolve_machine(o.recommend.hardware, data);
    if (!machine) {
        return tl::unexpected(machine.error());
    }
    a->machine = std::move(*machine);
    auto tiers = catalog::load_tiers(data);
    if (!tiers) {
        return tl::unexpected(tiers.error());
    }
    a->tiers = std::move(*tiers);
    a->tier_choice = advise::classify_tier(a->machine.tier_input);
    a->view.machine = &a->machine.machine;
    a->view.report = a->machine.report ? &*a->machine.report : nullptr;
    a->view.tier_choice = a->tier_choice;
    for (const auto& t : a->tiers) {
        if (t.id == a->tier_choice.id) {
            a->view.tier = &t;
        }
    }
    return a;
}

namespace {

Result<bool> load_data(Answer& a, const catalog::DataSourceOptions& data) {
    auto models = catalog::load_model_catalog(data);
    if (!models) {
        return tl::unexpected(models.error());
    }
    auto quants = catalog::load_quants_catalog(data);
    if (!quants) {
        return tl::unexpected(quants.error());
    }
    auto tuning = catalog::load_speed_tuning(data);
    if (!tuning) {
        return tl::unexpected(tuning.error());
    }
    a.models = std::move(*models);
    a.quants = std::move(*quants);
    a.speed_tuning = std::move(*tuning);
    return true;
}

void add_notes(Answer& a) {
    auto& notes = a.view.notes;
    // A --hw profile cannot be calibrated: its speeds come from the data, and that is no news.
    notes = report::machine_notes(a.view.report, a.tier_choice, a.view.tier,
                                  a.machine.machine.calibrated || a.machine.profile);
    notes.insert(notes.end(), a.machine.notes.begin(), a.machine.notes.end());
    for (const auto& id : a.recommendation.notes) {
        if (id == "recommend.nothing_meets_speed_floor") {
            notes.push_back({"Nothing meets the speed floor (--min-tps): the fastest option is "
                             "shown, marked !.",
                             "没有模型达到速度下限（--min-tps）：显示最快的选项，标记为 !。"});
        }
    }
}

}  // namespace

Result<std::unique_ptr<Answer>> answer(const Options& o) {
    auto classified = classify(o);
    if (!classified) {
        return classified;
    }
    auto a = std::move(*classified);
    const auto data = data_options(o.global);
    if (auto loaded = load_data(*a, data); !loaded) {
        return tl::unexpected(loaded.error());
    }
    auto req = request_of(o.recommend, a->lang);
    const auto& h = o.recommend.hardware;
    if (!a->machine.profile && h.sysroot == "/" && h.snapshot.empty()) {  // this machine only
        const auto path = bench::bench_record_path(env("XDG_CONFIG_HOME"), env("HOME"));
        auto cal = bench::calibrate_from_file(path, a->speed_tuning, a->machine.machine);
        if (cal) {
            req.fit.speed.cpu_rates = cal->rates;
        }
    }
    a->recommendation = advise::recommend(a->models, a->quants, a->machine.machine, req, {},
                                          a->speed_tuning);
    a->view.use = o.recommend.use;
    a->view.min_tps = o.recommend.min_tps;
    a->view.kv_type = o.recommend.kv_type;
    a->view.explain = o.global.explain;
    for (const auto& p : a->recommendation.picks) {
        const auto in = advise::command_input(p.fit, p.shape, a->machine.machine,
                                              catalog_model_names(*p.model, p.quant), req.fit);
        a->view.picks.push_back({&p, advise::make_commands(in)});
    }
    add_notes(*a);
    return a;
}

}  // namespace canrun::cli
