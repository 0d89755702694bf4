#include "report/plan_json.h"

#include <cmath>

#include "report/speed_json.h"

namespace canrun::report {

namespace {

double round_to(double v, double step) { return std::round(v / step) * step; }

Json placement_object(const advise::PlanOption& o) {
    Json devices = Json::array();
    for (const auto& d : o.placement.devices) {
        devices.push_back(Json{{"device", d.name},
                               {"node", d.node},
                               {"bytes", d.bytes},
                               {"budget_bytes", d.budget_bytes},
                               {"layers", d.layers}});
    }
    return Json{{"mode", estimate::to_string(o.placement.mode)},
                {"gpu_layers", o.placement.gpu_layers},
                {"total_layers", o.placement.total_layers},
                {"split", o.split == estimate::SplitMode::Tensor ? "tensor" : "layer"},
                {"nvlink", o.nvlink},
                {"total_bytes", o.placement.total_bytes},
                {"shortfall_bytes", o.placement.shortfall_bytes},
                {"devices", devices}};
}

Json price_object(const std::optional<advise::PlanMoney>& p) {
    if (!p) {
        return nullptr;
    }
    return Json{{"amount", round_to(p->amount, 0.01)},
                {"currency", p->currency},
                {"per", p->per_hour ? "hour" : "purchase"},
                {"converted", p->converted},
                {"date", p->date.empty() ? Json(nullptr) : Json(p->date)},
                {"source", p->source.empty() ? Json(nullptr) : Json(p->source)}};
}

Json option_object(const advise::PlanOption& o) {
    Json commands = Json::array();
    for (const auto& c : o.commands) {
        commands.push_back(Json{{"node", c.node}, {"command", c.command}});
    }
    Json j{{"name", o.name},
           {"kind", advise::to_string(o.kind)},
           {"engine", advise::to_string(o.engine)},
           {"device_id", o.device_id.empty() ? Json(nullptr) : Json(o.device_id)},
           {"devices", o.devices},
           {"nodes", o.nodes},
           {"node_names", o.node_names},
           {"gpus_per_node", o.gpus_per_node},
           {"fits", o.fits},
           {"meets_target", o.meets_target},
           {"placement", placement_object(o)}};
    if (o.fits) {
        estimate::SpeedQuery q;
        j["speed"] = Json::parse(speed_to_json(o.speed, q, false).dump());
        j["speed"]["network_s_per_token"] = round_to(o.network_s_per_token, 1e-6);
    } else {
        j["speed"] = nullptr;
    }
    j["max_ctx"] = o.max_ctx > 0 ? Json(o.max_ctx) : Json(nullptr);
    j["price"] = price_object(o.price);
    j["commands"] = commands;
    j["notes"] = o.notes;
    return j;
}

}  // namespace

Json plan_json(const PlanReport& r) {
    const auto& res = r.result;
    Json options = Json::array();
    for (const auto& o : res.options) {
        options.push_back(option_object(o));
    }
    Json rate = nullptr;
    if (res.rate) {
        rate = Json{{"from", res.rate->from}, {"to", res.rate->to}, {"rate", res.rate->rate},
                    {"date", res.rate->date}, {"source", res.rate->source}};
    }
    return Json{{"model", model_summary_json(r.model)},
                {"quant", r.quant},
                {"target", Json{{"tps", res.target_tps}, {"ctx", res.ctx}}},
                {"sort", r.sort == advise::PlanSort::Fastest ? "fastest" : "cheapest"},
                {"budget", r.budget ? Json(*r.budget) : Json(nullptr)},
                {"currency", res.currency},
                {"exchange_rate", rate},
                {"network", Json{{"name", res.network}, {"gbit_per_s", res.network_gbit},
                                 {"latency_us", res.latency_us}}},
                {"considered", res.considered},
                {"fitting", res.fitting},
                {"options", options},
                {"notes", res.notes}};
}

std::string plan_to_json(const PlanReport& r) { return plan_json(r).dump(2) + "\n"; }

}  // namespace canrun::report
