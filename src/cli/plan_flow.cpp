#include "plan_flow.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "advise/plan_nodes.h"
#include "answer.h"
#include "catalog/cloud_catalog.h"
#include "catalog/hardware_catalog.h"
#include "catalog/hardware_lookup.h"
#include "catalog/model_catalog.h"
#include "catalog/model_file.h"
#include "catalog/speed_tuning.h"
#include "gguf/gguf_file.h"
#include "gguf/model_facts.h"
#include "machine_source.h"

namespace canrun::cli {

namespace {

struct LoadedModel {
    std::string id;
    gguf::ModelFacts facts;
    advise::ModelNames names;
};

Result<LoadedModel> load_model(const PlanOptions& p, const catalog::DataSourceOptions& data) {
    LoadedModel m;
    m.id = std::filesystem::path(p.model).filename().string();
    const bool from_catalog = !catalog::is_model_path(p.model);
    auto file = [&]() -> Result<gguf::GgufFile> {
        if (!from_catalog) return gguf::read_gguf_model(p.model);
        auto predicted = catalog::predict_model_file(p.model, p.quant, data);
        if (!predicted) return tl::unexpected(predicted.error());
        m.id = predicted->id;
        return std::move(predicted->file);
    }();
    if (!file) {
        return tl::unexpected(file.error());
    }
    auto facts = gguf::extract_facts(*file);
    if (!facts) {
        return fail(p.model + ": " + facts.error().message, facts.error().code);
    }
    m.facts = std::move(*facts);
    if (!from_catalog) {
        m.names.gguf_path = p.model;
        return m;
    }
    const auto models = catalog::load_model_catalog(data);
    const auto* rec = models ? models->find_id(m.id) : nullptr;
    if (rec != nullptr) {
        m.names = catalog_model_names(*rec, m.facts.quant);
    }
    return m;
}

Result<std::vector<advise::PlanNode>> load_nodes(const std::vector<std::string>& files,
                                                 const catalog::HardwareCatalog& hardware) {
    std::vector<advise::PlanNode> nodes;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) {
            return fail(f + ": cannot read it; give the file `canrun hw --json > FILE` wrote");
        }
        auto m = advise::machine_from_hw_json(text.str(), f);
        if (!m) {
            return tl::unexpected(m.error());
        }
        fill_gpu_compute(*m, hardware);  // the data knows each GPU's compute (prefill speed)
        m->name = std::filesystem::path(f).stem().string();
        nodes.push_back({m->name, std::move(*m)});
    }
    return nodes;
}

Result<std::vector<std::string>> have_ids(const std::vector<std::string>& names,
                                          const catalog::HardwareCatalog& hardware) {
    std::vector<std::string> ids;
    for (const auto& n : names) {
        auto match = catalog::find_hardware(hardware, n);
        if (!match) {
            return fail("--have " + n + ": " + match.error().message, ExitCode::Usage);
        }
        ids.push_back(match->spec->id);
    }
    return ids;
}

}  // namespace

namespace {

report::ModelSummary summary(const LoadedModel& m) {
    report::ModelSummary s;
    s.id = m.id;
    s.name = m.facts.name;
    s.arch = m.facts.arch;
    s.params = m.facts.params;
    s.active_params = m.facts.active_params;
    s.layers = m.facts.n_layer;
    s.file_bytes = m.facts.file_bytes;
    return s;
}

advise::PlanRequest plan_request(const PlanOptions& p, const estimate::ModelShape& shape,
                                 const LoadedModel& m) {
    advise::PlanRequest req;
    req.model = &shape;
    req.names = m.names;
    req.quant = m.facts.quant;
    req.target_tps = p.tps;
    req.ctx = p.ctx.value_or(0);
    req.budget = p.budget;
    req.currency = p.currency;
    const bool fastest = p.sort == "fastest" || (p.sort.empty() && p.budget);
    req.sort = fastest ? advise::PlanSort::Fastest : advise::PlanSort::Cheapest;
    req.network = p.net;
    req.latency_us = p.net_latency_us;
    req.limit = p.top;
    return req;
}

}  // namespace

Result<report::PlanReport> plan_report(const Options& o) {
    const auto& p = o.plan;
    const auto data = data_options(o.global);
    auto model = load_model(p, data);
    if (!model) return tl::unexpected(model.error());
    auto hardware = catalog::load_hardware(data);
    if (!hardware) return tl::unexpected(hardware.error());
    auto cloud = catalog::load_cloud(data);
    if (!cloud) return tl::unexpected(cloud.error());
    auto tuning = catalog::load_speed_tuning(data);
    if (!tuning) return tl::unexpected(tuning.error());
    auto have = have_ids(p.have, *hardware);
    if (!have) return tl::unexpected(have.error());
    auto nodes = load_nodes(p.nodes, *hardware);
    if (!nodes) return tl::unexpected(nodes.error());
    const auto shape = gguf::to_model_shape(model->facts);
    auto req = plan_request(p, shape, *model);
    req.have = std::move(*have);
    req.nodes = std::move(*nodes);
    advise::PlanData plan_data;
    plan_data.hardware = &*hardware;
    plan_data.cloud = &*cloud;
    plan_data.speed_tuning = *tuning;
    report::PlanReport r;
    r.model = summary(*model);
    r.quant = model->facts.quant;
    r.sort = req.sort;
    r.budget = p.budget;
    r.result = advise::plan(req, plan_data);
    return r;
}

}  // namespace canrun::cli
