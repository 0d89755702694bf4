#include "api.h"

#include <nlohmann/json.hpp>

#include "answer.h"
#include "api_query.h"
#include "catalog/hardware_catalog.h"
#include "catalog/hardware_lookup.h"
#include "catalog/model_catalog.h"
#include "catalog/name_resolver.h"
#include "fit_flow.h"
#include "plan_flow.h"
#include "quant_choices.h"
#include "machine_source.h"
#include "report/devices_json.h"
#include "report/fit_json.h"
#include "report/models_json.h"
#include "report/models_listing.h"
#include "report/plan_json.h"
#include "report/recommend_report.h"

namespace canrun::web {

namespace {

using Json = nlohmann::ordered_json;

// An error from the CLI's code path: the user's values (exit 2 and 3) are 400s; the rest ours.
HttpReply reply_of(const Error& e) {
    const bool theirs = e.code == ExitCode::Usage || e.code == ExitCode::BadInput;
    return error_reply({theirs ? 400 : 500, e.message});
}

// 404 when ?hw= names no device in the data.
HttpResult<bool> known_hardware(const cli::HardwareOverride& h, const cli::GlobalOptions& g) {
    if (h.hw.empty()) {
        return true;
    }
    const auto catalog = catalog::load_hardware(cli::data_options(g));
    if (!catalog) {
        return http_fail(500, catalog.error().message);
    }
    if (auto match = catalog::find_hardware(*catalog, h.hw); !match) {
        return http_fail(404, match.error().message);
    }
    return true;
}

// 404 when ?model= is not in the catalog (files are never read for the network).
HttpResult<bool> known_model(const std::string& model, const cli::GlobalOptions& g) {
    const auto catalog = catalog::load_model_catalog(cli::data_options(g));
    if (!catalog) {
        return http_fail(500, catalog.error().message);
    }
    if (catalog::resolve_model(*catalog, model)) {
        return true;
    }
    std::string message = "unknown model \"" + model + "\"";
    const auto near = catalog::suggest_models(*catalog, model, 3);
    for (std::size_t i = 0; i < near.size(); ++i) {
        message += (i == 0 ? "; did you mean " : ", ") + near[i];
    }
    return http_fail(404, message + (near.empty() ? "" : "?") + " (/api/models lists the catalog)");
}

}  // namespace

std::string error_json(const std::string& message) {
    return Json{{"error", message}}.dump() + "\n";
}

Api::Api(cli::Options base) : base_(std::move(base)) {}

HttpReply Api::hardware(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    cli::Options o = base_;
    auto h = hardware_of(q, base_.serve.hardware);
    if (!h) {
        return error_reply(h.error());
    }
    if (auto known = known_hardware(*h, o.global); !known) {
        return error_reply(known.error());
    }
    o.recommend.hardware = std::move(*h);
    const auto a = cli::classify(o);
    if (!a) {
        return reply_of(a.error());
    }
    // `canrun hw --json`'s object with its "tier"; for a --hw profile, the machine the data
    // describes (recommend --json's "hardware").
    auto j = Json::parse(report::recommend_json((*a)->view));
    Json out = j["hardware"];
    if (j.contains("tier")) {
        out["tier"] = j["tier"];
    }
    return {200, out.dump(2) + "\n"};
}

HttpReply Api::models(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    const auto search = search_of(q);
    if (!search) {
        return error_reply(search.error());
    }
    const auto catalog = catalog::load_model_catalog(cli::data_options(base_.global));
    if (!catalog) {
        return reply_of(catalog.error());
    }
    return {200, report::models_to_json(report::list_models(*catalog, *search))};
}

HttpReply Api::fit(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    const auto o = fit_options(q, base_);
    if (!o) {
        return error_reply(o.error());
    }
    if (auto known = known_hardware(o->fit.hardware, o->global); !known) {
        return error_reply(known.error());
    }
    if (auto known = known_model(o->fit.model, o->global); !known) {
        return error_reply(known.error());
    }
    const auto r = cli::fit_report(*o);
    if (!r) {
        return reply_of(r.error());
    }
    return {200, report::fit_to_json(*r)};
}

HttpReply Api::recommend(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    const auto o = recommend_options(q, base_);
    if (!o) {
        return error_reply(o.error());
    }
    if (auto known = known_hardware(o->recommend.hardware, o->global); !known) {
        return error_reply(known.error());
    }
    const auto a = cli::answer(*o);
    if (!a) {
        return reply_of(a.error());
    }
    return {200, report::recommend_json((*a)->view)};
}

HttpReply Api::plan(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    const auto o = plan_options(q, base_);
    if (!o) {
        return error_reply(o.error());
    }
    if (auto known = known_model(o->plan.model, o->global); !known) {
        return error_reply(known.error());
    }
    for (const auto& device : o->plan.have) {
        cli::HardwareOverride h;
        h.hw = device;
        if (auto known = known_hardware(h, o->global); !known) {
            return error_reply(known.error());
        }
    }
    const auto r = cli::plan_report(*o);
    if (!r) {
        return reply_of(r.error());
    }
    return {200, report::plan_to_json(*r)};
}

HttpReply Api::devices(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    const auto text = device_search_of(q);
    if (!text) {
        return error_reply(text.error());
    }
    const auto catalog = catalog::load_hardware(cli::data_options(base_.global));
    if (!catalog) {
        return reply_of(catalog.error());
    }
    auto found = catalog::search_hardware(*catalog, *text);
    if (found.empty()) {
        // What --hw would take ("... 64GB") or the CLI's message with its suggestions.
        auto match = catalog::find_hardware(*catalog, *text);
        if (!match) {
            return error_reply({404, match.error().message});
        }
        found.push_back(match->spec);
    }
    return {200, report::devices_to_json(found, catalog->data_version)};
}

HttpReply Api::quants(const QueryParams& q) {
    const std::lock_guard lock(mutex_);
    const auto model = model_param(q, "/api/quants");
    if (!model) {
        return error_reply(model.error());
    }
    if (auto known = known_model(*model, base_.global); !known) {
        return error_reply(known.error());
    }
    const auto body = quant_choices_json(*model, cli::data_options(base_.global));
    if (!body) {
        return error_reply(body.error());
    }
    return {200, *body};
}

}  // namespace canrun::web
