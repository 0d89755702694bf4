// The query strings of /api/*, checked and turned into the command-line options the CLI would
// have parsed, so the API answers through the same code as `canrun fit|recommend|hw --json`.
// Nothing that came from the network names a file: a model is a catalog id only.
#pragma once

#include <optional>
#include <string>

#include "http_reply.h"
#include "options.h"

namespace canrun::web {

// The first value of `name`, if given.
std::optional<std::string> param(const QueryParams& q, const std::string& name);

// A model name from the network: a catalog id or alias, never a path (400 otherwise).
HttpResult<std::string> checked_model_name(const std::string& model);

// ?hw=NAME&gpus=N on top of the server's own hardware options (serve --hw ...).
HttpResult<cli::HardwareOverride> hardware_of(const QueryParams& q,
                                              const cli::HardwareOverride& base);

// /api/fit?model=&quant=&ctx=&kv_type=&flash_attn=&gpus=&hw=
HttpResult<cli::Options> fit_options(const QueryParams& q, const cli::Options& base);

// /api/recommend?use=&min_tps=&ctx=&kv_type=&flash_attn=&gpus=&hw=
HttpResult<cli::Options> recommend_options(const QueryParams& q, const cli::Options& base);

// /api/plan?model=&quant=&tps=&ctx=&budget=&currency=&have=&sort=&net=&top= (never --nodes:
// those are files).
HttpResult<cli::Options> plan_options(const QueryParams& q, const cli::Options& base);

// /api/models?search=
HttpResult<std::string> search_of(const QueryParams& q);

// /api/devices?q= (empty: every device)
HttpResult<std::string> device_search_of(const QueryParams& q);

// ?model= of /api/fit, /api/plan and /api/quants: present and a catalog name, never a path.
HttpResult<std::string> model_param(const QueryParams& q, const std::string& endpoint);

}  // namespace canrun::web
